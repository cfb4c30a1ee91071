import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DIGEST_PATTERN } from '@tern/forms';
import type { AttachmentStore } from '@tern/store';
import { decide } from '../../auth/permissions.ts';
import { CouchError } from './couch-errors.ts';

/** A media answer's reference to its file (decision 125): sha-256, type and size. */
export interface MediaRef {
  digest: string;
  mediaType: string;
  size: number;
}

/** Every file a record's answers name, once each, in answer order (repeats and groups included). */
export function mediaRefs(
  value: unknown,
  out = new Map<string, MediaRef>(),
  depth = 0,
): Map<string, MediaRef> {
  if (depth > 64 || !value || typeof value !== 'object') return out;
  if (Array.isArray(value)) for (const v of value) mediaRefs(v, out, depth + 1);
  else {
    const o = value as Record<string, unknown>;
    if (
      typeof o.digest === 'string' &&
      DIGEST_PATTERN.test(o.digest) &&
      typeof o.mediaType === 'string' &&
      typeof o.size === 'number'
    ) {
      if (!out.has(o.digest)) out.set(o.digest, { digest: o.digest, mediaType: o.mediaType, size: o.size });
    } else for (const v of Object.values(o)) mediaRefs(v, out, depth + 1);
  }
  return out;
}

/** CouchDB's `digest` field for a file Tern names by its sha-256 in hex. */
const couchDigest = (hex: string) => `sha256-${Buffer.from(hex, 'hex').toString('base64')}`;

/** May the caller read files? Interviewers may not (their devices never download files, decision 125). */
export const mayReadFiles = (req: FastifyRequest, mission: string): boolean =>
  !req.principal || decide(req.principal, 'attachment.read', mission).allowed;

type Doc = Record<string, unknown> & { _id?: unknown; _rev?: unknown; _deleted?: unknown };

/**
 * A record as the CouchDB door sends it (decision 168): `_attachments` names every file its answers
 * name that the server holds complete, by its sha-256 in hex, as a stub (`stub: true`, type, length,
 * revpos) or, with `attachments=true`, with the bytes in base64 (`data`). A file not uploaded yet is
 * left out, so a replicator never asks for bytes the server does not have. Documents are not changed.
 */
export async function withAttachments(doc: Doc, files: AttachmentStore, inline: boolean): Promise<Doc> {
  if (doc._deleted === true || typeof doc._id !== 'string' || !doc._id.startsWith('sub:')) return doc;
  const refs = [...mediaRefs(doc.answers).values()];
  if (refs.length === 0) return doc;
  const revpos = typeof doc._rev === 'string' ? Number.parseInt(doc._rev, 10) : 1;
  const atts: Record<string, unknown> = {};
  for (const r of refs) {
    if (inline) {
      const file = await files.read(r.digest);
      if (file)
        atts[r.digest] = {
          content_type: file.mediaType,
          digest: couchDigest(r.digest),
          revpos,
          data: Buffer.from(file.bytes).toString('base64'),
        };
    } else {
      const s = await files.status(r.digest);
      if (s.complete)
        atts[r.digest] = {
          content_type: s.mediaType,
          digest: couchDigest(r.digest),
          length: s.size,
          revpos,
          stub: true,
        };
    }
  }
  return Object.keys(atts).length > 0 ? { ...doc, _attachments: atts } : doc;
}

/** `withAttachments` over `{ok: doc}` entries (open_revs, `_bulk_get`), leaving errors as they are. */
export async function entriesWithAttachments<E>(
  entries: E[],
  files: AttachmentStore,
  inline: boolean,
): Promise<E[]> {
  return Promise.all(
    entries.map(async (e) => {
      const ok = (e as { ok?: Doc }).ok;
      return ok ? ({ ...e, ok: await withAttachments(ok, files, inline) } as E) : e;
    }),
  );
}

/** A file a pushed document carried, checked and ready to store once the document is accepted. */
export interface PushedFile extends MediaRef {
  bytes: Uint8Array;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The `_attachments` of a pushed document, taken off it (Tern stores records without them) and
 * checked: each one with `data` must be base64, at most `maxBytes`, and its sha-256 must be a file
 * the record's answers name with that size (the name does not matter; the bytes do). Stubs are
 * dropped (the file is named by the answers and arrives, or arrived, on its own). Throws a
 * CouchError saying which file and why; nothing is stored by this function.
 */
export function takeAttachments(doc: Doc, maxBytes: number): { doc: Doc; files: PushedFile[] } {
  const { _attachments: raw, ...rest } = doc;
  if (raw === undefined) return { doc, files: [] };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new CouchError('bad_request', '_attachments must be an object of attachments');
  const refs = mediaRefs(rest.answers);
  const files: PushedFile[] = [];
  for (const [name, att] of Object.entries(raw as Record<string, unknown>).slice(0, 1001)) {
    if (files.length >= 1000) throw new CouchError('bad_request', 'at most 1000 attachments per document');
    if (!att || typeof att !== 'object')
      throw new CouchError('bad_request', `attachment ${name}: not an object`);
    const a = att as { stub?: unknown; data?: unknown };
    if (a.stub === true) continue;
    if (typeof a.data !== 'string' || !BASE64.test(a.data) || a.data.length % 4 !== 0)
      throw new CouchError(
        'bad_request',
        `attachment ${name}: data must be base64 (or the attachment a stub)`,
      );
    // Decoded size from the text's length, refused before decoding anything too large. `forbidden`:
    // PouchDB reports it as `denied` for this document and goes on with the others.
    const size = (a.data.length / 4) * 3 - (a.data.endsWith('==') ? 2 : a.data.endsWith('=') ? 1 : 0);
    if (size > maxBytes)
      throw new CouchError(
        'forbidden',
        `attachment ${name} is ${size} bytes; this server takes at most ${maxBytes} (TERN_ATTACHMENT_TOO_LARGE)`,
      );
    const bytes = new Uint8Array(Buffer.from(a.data, 'base64'));
    const digest = createHash('sha256').update(bytes).digest('hex');
    const ref = refs.get(digest);
    if (!ref)
      throw new CouchError(
        'forbidden',
        `attachment ${name}: its sha-256 ${digest} is no file this record's answers name (TERN_ATTACHMENT_NOT_REFERENCED)`,
      );
    if (ref.size !== bytes.byteLength)
      throw new CouchError(
        'forbidden',
        `attachment ${name}: ${bytes.byteLength} bytes, the answer says ${ref.size}`,
      );
    files.push({ ...ref, bytes });
  }
  return { doc: rest, files };
}

/** Store the files of an accepted document; a file the server already holds complete is kept as it is. */
export async function storePushedFiles(store: AttachmentStore, files: readonly PushedFile[]): Promise<void> {
  for (const f of files) {
    const held = await store.status(f.digest);
    if (held.complete) continue;
    // A partial upload from a device's chunked route is replaced only by starting again from 0:
    // the store appends in order, so the whole file goes in when nothing is held yet.
    if (held.received === 0) await store.append(f.digest, 0, f.size, f.mediaType, f.bytes);
    else await store.append(f.digest, held.received, f.size, f.mediaType, f.bytes.subarray(held.received));
  }
}
