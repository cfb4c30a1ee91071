import { DeviceAttachments } from '../device/attachments.ts';
import type { TernDb } from '../device/db.ts';
import { DocRepository } from '../device/doc-repository.ts';

/** Bytes per request: a cut link costs at most this much again (decision 125). */
export const CHUNK_BYTES = 256 * 1024;

export interface UploadSummary {
  /** Files now wholly on the server. */
  files: number;
  /** Bytes sent in request bodies, retries included. */
  bytesSent: number;
  /** Files left for a later sync (link cut, record not on the server yet, refused). */
  waiting: number;
  /** The first refusal or network failure, for the message. */
  error?: unknown;
}

/** Digests named anywhere in a record's answers (repeats included). */
function digestsIn(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) digestsIn(v, into);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.digest === 'string') into.add(o.digest);
    else for (const v of Object.values(o)) digestsIn(v, into);
  }
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * After the records synced: send the files their answers name, in chunks, each file resuming where the
 * server's bytes end (`…/status`), so a cut costs at most one chunk. Only files of records the server
 * already holds (synced) are sent: the server takes a file only when one of its records names it.
 */
export async function uploadAttachments(opts: {
  db: TernDb;
  mission: string;
  key: CryptoKey;
  fetch: Fetch;
  chunkBytes?: number;
  onProgress?: (sent: number, total: number) => void;
}): Promise<UploadSummary> {
  const { db, mission, key } = opts;
  const chunk = opts.chunkBytes ?? CHUNK_BYTES;
  const files = new DeviceAttachments(db, mission, key);
  const waiting = await files.pendingUploads();
  // Uploaded to a server that has not said headquarters holds them (a mission relay, decision 229):
  // asked again each sync, and sent again to a server that lacks them. Not counted as waiting.
  const unconfirmed = await files.notYetAtHeadquarters();
  const pending = [...waiting, ...unconfirmed];
  const summary: UploadSummary = { files: 0, bytesSent: 0, waiting: waiting.length };
  if (pending.length === 0) return summary;

  // Which synced record names each waiting file (bodies opened only while files wait).
  const wanted = new Set(pending.map((p) => p.digest));
  const recordOf = new Map<string, string>();
  const repo = new DocRepository(db);
  for (const row of await repo.find({ mission, state: 'synced', live: true, newestFirst: true })) {
    if (recordOf.size === wanted.size) break;
    const named = new Set<string>();
    digestsIn((await repo.openBody(key, row)).answers, named);
    for (const d of named) if (wanted.has(d) && !recordOf.has(d)) recordOf.set(d, row.id);
  }

  const base = `/api/missions/${encodeURIComponent(mission)}/attachments`;
  // Progress counts the files waiting; a check of an uploaded one moves no bytes (or sends it anew).
  const total = waiting.reduce((n, p) => n + p.size, 0);
  let done = 0;
  for (const file of pending) {
    const record = recordOf.get(file.digest);
    if (!record) continue;
    try {
      const st = await opts.fetch(`${base}/${file.digest}/status`, { credentials: 'same-origin' });
      if (!st.ok) throw await refusal(st);
      const held = (await st.json()) as { received: number; complete: boolean; atHeadquarters?: boolean };
      let at = held.complete ? file.size : held.received;
      // A server from before decision 229 does not say: it was headquarters, so complete is enough.
      let atHq = held.complete && (held.atHeadquarters ?? true);
      const bytes = at < file.size ? await files.bytes(file.digest) : null;
      // Bounded: each round either moves forward or resets once after a damaged upload.
      let rounds = Math.ceil(file.size / chunk) * 2 + 4;
      while (bytes && at < file.size && rounds-- > 0) {
        const body = bytes.subarray(at, Math.min(at + chunk, file.size));
        const res = await opts.fetch(`${base}/${file.digest}?record=${encodeURIComponent(record)}`, {
          method: 'PUT',
          credentials: 'same-origin',
          headers: {
            'content-type': 'application/octet-stream',
            'content-range': `bytes ${at}-${at + body.byteLength - 1}/${file.size}`,
          },
          body,
        });
        summary.bytesSent += body.byteLength;
        if (res.status === 416 || res.status === 422) {
          const err = (await res.json()) as { code?: string; details?: { received?: number } };
          if (err.code === 'TERN_ATTACHMENT_RANGE' && typeof err.details?.received === 'number') {
            at = err.details.received;
            continue;
          }
          if (err.code === 'TERN_ATTACHMENT_DIGEST_MISMATCH') {
            at = 0;
            continue;
          }
          throw Object.assign(new Error(err.code ?? `HTTP ${res.status}`), { code: err.code });
        }
        if (!res.ok) throw await refusal(res);
        const now = (await res.json()) as { received: number; complete?: boolean; atHeadquarters?: boolean };
        at = now.received;
        atHq = now.complete === true && (now.atHeadquarters ?? true);
        await files.setUploaded(file.digest, at);
        if (file.uploaded < file.size) opts.onProgress?.(done + at, total);
      }
      if (at >= file.size) {
        await files.setUploaded(file.digest, file.size, atHq);
        if (file.uploaded < file.size) {
          summary.files += 1;
          summary.waiting -= 1;
        }
      }
      if (file.uploaded < file.size) done += file.size;
    } catch (e) {
      // A refusal while checking a file already uploaded is not news to the person syncing: it stays
      // unconfirmed and is asked again next time.
      if (file.uploaded < file.size || e instanceof TypeError) summary.error ??= e;
      // A network failure stops the round: the next sync resumes from the server's status.
      if (e instanceof TypeError) break;
    }
  }
  return summary;
}

async function refusal(res: Response): Promise<Error> {
  const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
  return Object.assign(new Error(body.message ?? `HTTP ${res.status}`), { code: body.code ?? 'TERN_HTTP' });
}
