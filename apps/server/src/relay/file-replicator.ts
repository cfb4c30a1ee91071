import type { AttachmentStatus, ServerStore, StoredDoc } from '@tern/store';
import { isStoreError } from '@tern/store';
import { mediaRefs } from '../routes/couch/couch-attachments.ts';
import { FileNotes, SCAN_POINT as SCAN, forSize } from './file-notes.ts';
import type { FileNote } from './file-notes.ts';
import { UpstreamError } from './upstream.ts';
import type { Upstream } from './upstream.ts';

/** Where the relay's look through its records for the files they name stands (its own sequence). */
interface ScanPoint extends StoredDoc {
  seq: string | number | null;
}

/** Bytes per request either way: a cut on 2G costs at most this much again. */
export const RELAY_CHUNK_BYTES = 256 * 1024;

export interface FilePassReport {
  /** Files that reached headquarters, and that came down from it, this pass. */
  up: number;
  down: number;
  /** Bytes of files sent and received this pass (retries included). */
  bytes: number;
}

/** What the status page shows of the files of one mission (counts, digests, record ids, words). */
export interface FileCounts {
  /** At the relay, not yet acknowledged by headquarters. */
  up: number;
  /** At headquarters, not yet complete at the relay. */
  down: number;
  /** Named by a record, held by neither: still on the tablet that took it. */
  onTablets: number;
  /** Not looked at yet (named by a record that arrived since the last pass). */
  unseen: number;
  errors: Array<{
    digest: string;
    record: string;
    reason: string;
    code: string | null;
    attempts: number;
    nextAt: string;
  }>;
  errorsTotal: number;
}

interface HqStatus {
  received: number;
  size: number | null;
  complete: boolean;
}

interface HqRefusal {
  code?: string;
  message?: string;
  details?: { received?: number };
}

/** A refusal from headquarters about one file: noted on it, the pass goes on with the others. */
class FileRefused extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

/**
 * The files of one mission's media answers between the relay and headquarters (decisions 229–230),
 * after the records of each pass. Up: a file the relay holds complete goes to headquarters' file route
 * (`…/attachments/:digest/status`, then `PUT` chunks from where headquarters' bytes end), so
 * headquarters applies to it exactly what it applies to a tablet (a record of the mission must name
 * it, its size limit, the sha-256 checked on the last byte). Down: a file headquarters holds complete
 * and the relay does not comes in `Range` parts from where the relay's bytes end, into the relay's
 * store, which checks the sha-256 too. A note closes only when both hold it complete.
 */
export class FileReplicator {
  readonly notes: FileNotes;

  constructor(
    private readonly store: ServerStore,
    private readonly up: Upstream,
    readonly mission: string,
    private readonly o: {
      /** Bytes of files moved per pass at most (the chunk under way finishes): records keep flowing. */
      budgetBytes: number;
      /** The relay's own limit: a file over it is neither taken down nor kept. */
      maxBytes: number;
      retryMs: number;
      chunkBytes?: number;
      now?: () => number;
    },
  ) {
    this.notes = new FileNotes(store.ops(mission), o.retryMs, o.now);
  }

  private get base(): string {
    return `/api/missions/${encodeURIComponent(this.mission)}/attachments`;
  }

  /** Open a note for every file a record changed at the relay since the last look names. */
  async scan(pageSize = 100): Promise<void> {
    const ops = this.store.ops(this.mission);
    const db = this.store.mission(this.mission);
    const point = (await ops.get<ScanPoint>(SCAN)) ?? { _id: SCAN, seq: null };
    for (;;) {
      const page = await db.couchChanges({
        since: point.seq ?? 0,
        limit: pageSize,
        allDocs: false,
        includeDocs: true,
        conflicts: false,
      });
      if (page.results.length === 0) return;
      for (const c of page.results) {
        const doc = c.doc as Record<string, unknown> | undefined;
        if (!doc || c.deleted || doc._deleted === true || !c.id.startsWith('sub:')) continue;
        for (const ref of mediaRefs(doc.answers).values()) await this.notes.seen(ref, c.id);
      }
      point.seq = page.last_seq;
      point._rev = await ops.put(point);
    }
  }

  /** Has headquarters acknowledged this file (decision 229: the relay vouches only then)? */
  async atHeadquarters(digest: string): Promise<boolean> {
    if (await this.notes.isDone(digest)) return true;
    return false;
  }

  /** Asked at the relay: true when headquarters holds it as far as the relay knows (it comes first). */
  async ask(digest: string): Promise<boolean> {
    const n = await this.notes.ask(digest);
    return n?.state === 'down' || n?.state === 'new';
  }

  /**
   * One pass over the open notes: asked files first, then the most recently seen. A network failure
   * (no link, a cut, a timeout) stops the pass and is the relay's error; a refusal about one file is
   * noted on that file, which is tried again later with back-off.
   */
  async pass(): Promise<FilePassReport> {
    await this.scan();
    const report: FilePassReport = { up: 0, down: 0, bytes: 0 };
    const files = this.store.attachments(this.mission);
    const open = (await this.notes.open()).sort(
      (a, b) => Number(b.asked) - Number(a.asked) || b.seenAt.localeCompare(a.seenAt),
    );
    for (const first of open) {
      if (report.bytes >= this.o.budgetBytes) break;
      let n = first;
      try {
        const here = await files.status(n.digest);
        // Not due yet — unless a tablet just uploaded it here: that goes up at once (no link needed to know).
        if (!this.notes.due(n) && !(n.state === 'tablet' && here.complete)) continue;
        if (here.complete) {
          // Headquarters takes the file for a record that names the size its bytes have.
          const named = forSize(n, here.size ?? n.size);
          if (!named) throw misnamed(n, here.size ?? n.size);
          n = await this.notes.update(n, { state: 'up', looks: 0, ...named });
          if (await this.sendUp(n, report)) {
            await this.notes.done(n);
            report.up++;
          }
        } else {
          const hq = await this.up.json<HqStatus>('GET', `${this.base}/${n.digest}/status`);
          if (!hq.complete) {
            await this.notes.onTablets(n);
            continue;
          }
          // Headquarters checked its bytes' sha-256: its size is the file's, whatever a record here says.
          n = await this.notes.update(n, { state: 'down', looks: 0, size: hq.size ?? n.size });
          if (await this.bringDown(n, here, report)) {
            await this.notes.done(n);
            report.down++;
          }
        }
      } catch (e) {
        if (e instanceof FileRefused) await this.notes.failed(n, e.message, e.code);
        else if (e instanceof UpstreamError && e.status >= 400 && e.status < 500 && e.status !== 401)
          await this.notes.failed(n, e.message, null);
        else throw e;
      }
    }
    return report;
  }

  /** Counts for the status page, and the files in error (the 20 tried most recently). */
  async counts(): Promise<FileCounts> {
    const open = await this.notes.open();
    const errors = open.filter((n) => n.error !== null).sort((a, b) => b.nextAt.localeCompare(a.nextAt));
    return {
      up: open.filter((n) => n.state === 'up').length,
      down: open.filter((n) => n.state === 'down').length,
      onTablets: open.filter((n) => n.state === 'tablet').length,
      unseen: open.filter((n) => n.state === 'new').length,
      errors: errors.slice(0, 20).map((n) => ({
        digest: n.digest,
        record: n.record,
        reason: n.error ?? '',
        code: n.code,
        attempts: n.attempts,
        nextAt: n.nextAt,
      })),
      errorsTotal: errors.length,
    };
  }

  /**
   * Send the file to headquarters from where its bytes end. True once headquarters answers that it
   * holds the whole file (its sha-256 checked there); false when the pass's budget ran out first.
   */
  private async sendUp(n: FileNote, report: FilePassReport): Promise<boolean> {
    const hq = await this.up.json<HqStatus>('GET', `${this.base}/${n.digest}/status`);
    if (hq.complete) return true;
    const file = await this.store.attachments(this.mission).read(n.digest);
    if (!file) return false;
    const chunk = this.o.chunkBytes ?? RELAY_CHUNK_BYTES;
    let at = hq.received;
    // Bounded: each round moves forward, or resumes once where headquarters says its bytes end.
    for (let rounds = Math.ceil(file.size / chunk) * 2 + 4; rounds > 0; rounds--) {
      if (report.bytes >= this.o.budgetBytes) return false;
      const body = file.bytes.subarray(at, Math.min(at + chunk, file.size));
      const res = await this.up.bytes(
        'PUT',
        `${this.base}/${n.digest}?record=${encodeURIComponent(n.record)}`,
        {
          headers: {
            'content-type': 'application/octet-stream',
            'content-range': `bytes ${at}-${at + body.byteLength - 1}/${file.size}`,
          },
          body,
        },
      );
      report.bytes += body.byteLength;
      const answer = parse(res.body) as (HqStatus & HqRefusal) | null;
      if (res.status === 200 && answer) {
        if (answer.complete) return true;
        at = answer.received;
        continue;
      }
      if (answer?.code === 'TERN_ATTACHMENT_RANGE' && typeof answer.details?.received === 'number') {
        at = answer.details.received;
        continue;
      }
      if (res.status >= 500 || res.status === 401 || res.status === 429)
        throw new UpstreamError(res.status, `Headquarters had a problem with a file (HTTP ${res.status})`);
      throw refusal(res.status, answer, n);
    }
    throw new FileRefused(`The upload of file ${n.digest} did not move forward; it is tried again`, null);
  }

  /**
   * Take the file from headquarters in parts, from where the relay's bytes end, into the relay's
   * store (which checks the sha-256 on the last byte). True once the relay holds it complete.
   */
  private async bringDown(n: FileNote, here: AttachmentStatus, report: FilePassReport): Promise<boolean> {
    if (n.size > this.o.maxBytes)
      throw new FileRefused(
        `The file is ${n.size} bytes; this relay keeps at most ${this.o.maxBytes} (TERN_ATTACHMENT_TOO_LARGE)`,
        'TERN_ATTACHMENT_TOO_LARGE',
      );
    const files = this.store.attachments(this.mission);
    const chunk = this.o.chunkBytes ?? RELAY_CHUNK_BYTES;
    let at = here.received;
    for (let rounds = Math.ceil(n.size / chunk) * 2 + 4; rounds > 0; rounds--) {
      if (at >= n.size) return (await files.status(n.digest)).complete;
      if (report.bytes >= this.o.budgetBytes) return false;
      const last = Math.min(at + chunk, n.size) - 1;
      const res = await this.up.bytes('GET', `${this.base}/${n.digest}`, {
        headers: { range: `bytes=${at}-${last}` },
      });
      report.bytes += res.body.byteLength;
      if (res.status !== 206) {
        if (res.status >= 500 || res.status === 401 || res.status === 429)
          throw new UpstreamError(res.status, `Headquarters had a problem with a file (HTTP ${res.status})`);
        throw refusal(res.status, parse(res.body) as HqRefusal | null, n);
      }
      const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(res.headers.get('content-range') ?? '');
      if (!range || Number(range[1]) !== at || Number(range[3]) !== n.size)
        throw new FileRefused(
          `Headquarters sent bytes ${res.headers.get('content-range') ?? '(no range)'} of file ${n.digest}, not bytes ${at}-${last}/${n.size}`,
          null,
        );
      try {
        const s = await files.append(n.digest, at, n.size, n.mediaType, res.body);
        if (s.complete) return true;
        at = s.received;
      } catch (e) {
        // A tablet's upload of the same file moved the relay's bytes meanwhile: go on from there.
        if (isStoreError(e, 'TERN_STORE_CONFLICT')) at = (await files.status(n.digest)).received;
        else if (isStoreError(e, 'TERN_STORE_INVALID'))
          throw new FileRefused(
            `The bytes of file ${n.digest} from headquarters do not match its sha-256 or its record; they were discarded (TERN_ATTACHMENT_DIGEST_MISMATCH): ${e.message}`,
            'TERN_ATTACHMENT_DIGEST_MISMATCH',
          );
        else throw e;
      }
    }
    throw new FileRefused(`The download of file ${n.digest} did not move forward; it is tried again`, null);
  }
}

function parse(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

/** Headquarters' refusal of one file, in its words and with the relay's hint of what it means. */
function refusal(status: number, answer: HqRefusal | null, n: FileNote): FileRefused {
  const code = answer?.code ?? null;
  const hint =
    code === 'TERN_ATTACHMENT_NOT_REFERENCED'
      ? ` The record ${n.record} is not at headquarters (yet): the file goes once the record does.`
      : '';
  return new FileRefused(
    `Headquarters refused file ${n.digest} (HTTP ${status}${code ? `, ${code}` : ''})${answer?.message ? `: ${answer.message}` : ''}.${hint}`,
    code,
  );
}

/** No record seen at the relay names the file with the size its bytes have: it waits for one, in words. */
function misnamed(n: FileNote, size: number): FileRefused {
  const named = [...new Set(Object.values(n.namedBy ?? { [n.record]: n.size }))].join(' or ');
  return new FileRefused(
    `The relay holds file ${n.digest} complete, ${size} bytes (its sha-256 checked), but the records here name it with ${named} bytes. It goes to headquarters once a record names its size.`,
    null,
  );
}
