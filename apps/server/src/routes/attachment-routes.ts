import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DIGEST_PATTERN } from '@tern/forms';
import { isStoreError } from '@tern/store';
import type { AttachmentStatus } from '@tern/store';
import { TernError } from '../errors.ts';
import type { Action } from '../auth/authorize.ts';
import type { ServerDeps } from '../deps.ts';

/** The largest file a media answer may carry unless the deployment sets another (decision 125). */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** The largest chunk one request may carry; devices send 256 KiB. */
export const MAX_CHUNK_BYTES = 1024 * 1024;

const RECORD_ID = /^[a-z]+:[0-9A-Za-z_-]{1,100}$/;

/** Where a media answer names a file: every object with this digest in the record's answers. */
function refsTo(value: unknown, digest: string, out: Array<{ mediaType: unknown; size: unknown }> = []) {
  if (Array.isArray(value)) for (const v of value) refsTo(v, digest, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.digest === digest) out.push({ mediaType: o.mediaType, size: o.size });
    else for (const v of Object.values(o)) refsTo(v, digest, out);
  }
  return out;
}

/** `bytes 0-262143/1048576` → first, last, total; null when malformed. */
export function parseContentRange(h: unknown): { first: number; last: number; total: number } | null {
  const m = typeof h === 'string' ? /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15})$/.exec(h.trim()) : null;
  if (!m) return null;
  const [first, last, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return first <= last && last < total ? { first, last, total } : null;
}

/**
 * What the attachment routes ask of a running mission relay (relay/file-replicator.ts, decisions 229–230).
 * Absent on headquarters and on any server that is not a relay.
 */
export interface RelayFiles {
  /** Has headquarters acknowledged holding this file complete? The relay vouches only then. */
  atHeadquarters(mission: string, digest: string): Promise<boolean>;
  /**
   * Someone at the relay asked for a file the relay does not hold complete. True when a record at the
   * relay names it and it is not known to be only on a tablet: it is then fetched first at the next pass.
   */
  ask(mission: string, digest: string): Promise<boolean>;
}

/** `bytes=<first>-[<last>]` → the slice of a file of `size` bytes; null when absent or unsatisfiable. */
export function parseRange(h: unknown, size: number): { first: number; last: number } | null {
  const m = typeof h === 'string' ? /^bytes=(\d{1,15})-(\d{0,15})$/.exec(h.trim()) : null;
  if (!m) return null;
  const first = Number(m[1]);
  const last = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return first <= last && first < size ? { first, last } : null;
}

const INLINE = /^(image\/(png|jpeg|gif|webp|avif)|audio\/[\w.+-]+|video\/[\w.+-]+)$/;

/**
 * Files of media answers (decision 125): a device uploads a file once its record is on the server, in
 * chunks that resume where the server's bytes end (`GET …/status`, then `PUT` with `Content-Range`);
 * a data officer reads it (audited `attachment.read`). Every refusal stores nothing.
 */
export async function attachmentRoutes(
  app: FastifyInstance,
  deps: ServerDeps & { maxAttachmentBytes?: number | undefined; relayFiles?: RelayFiles | undefined },
): Promise<void> {
  const maxBytes = deps.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: MAX_CHUNK_BYTES },
    (_req, body, done) => done(null, body),
  );

  const open = async (req: FastifyRequest, action: Action) => {
    const { mission, digest } = req.params as { mission: string; digest: string };
    await deps.authorize(req, action, mission);
    if (!deps.missionExists(mission))
      throw new TernError('TERN_MISSION_NOT_FOUND', `Mission ${JSON.stringify(mission)} does not exist`);
    if (!DIGEST_PATTERN.test(digest))
      throw new TernError('TERN_BAD_REQUEST', 'A file is named by its sha-256: 64 lowercase hex digits');
    return { mission, digest, files: deps.store.attachments(mission) };
  };
  const shown = (s: AttachmentStatus) => ({
    digest: s.digest,
    received: s.received,
    size: s.size,
    complete: s.complete,
  });
  /**
   * Decision 229: `atHeadquarters` is what a tablet may rely on to consider its file safe. At
   * headquarters it is `complete`; at a relay it is true only once headquarters acknowledged the file.
   */
  const vouched = async (mission: string, s: AttachmentStatus) => ({
    ...shown(s),
    atHeadquarters: deps.relayFiles
      ? s.complete && (await deps.relayFiles.atHeadquarters(mission, s.digest))
      : s.complete,
  });

  app.get('/api/missions/:mission/attachments/:digest/status', async (req) => {
    const { mission, files, digest } = await open(req, 'attachment.write');
    return vouched(mission, await files.status(digest));
  });

  app.put('/api/missions/:mission/attachments/:digest', async (req) => {
    const { mission, digest, files } = await open(req, 'attachment.write');
    const record = (req.query as { record?: unknown }).record;
    if (typeof record !== 'string' || !RECORD_ID.test(record))
      throw new TernError('TERN_BAD_REQUEST', 'Name the record that holds this file: ?record=<record id>');
    const doc = await deps.store.mission(mission).get(record);
    const ref = doc && !doc._deleted ? refsTo(doc.answers, digest)[0] : undefined;
    if (!ref || typeof ref.size !== 'number' || typeof ref.mediaType !== 'string')
      throw new TernError(
        'TERN_ATTACHMENT_NOT_REFERENCED',
        `Record ${record} of mission ${mission} does not name the file ${digest}`,
      );
    if (ref.size > maxBytes)
      throw new TernError(
        'TERN_ATTACHMENT_TOO_LARGE',
        `The file is ${ref.size} bytes; this server takes at most ${maxBytes}`,
        { size: ref.size, limit: maxBytes },
      );
    const range = parseContentRange(req.headers['content-range']);
    const body = req.body;
    if (!(body instanceof Uint8Array))
      throw new TernError('TERN_UNSUPPORTED_MEDIA_TYPE', 'A chunk is sent as application/octet-stream');
    const held = await files.status(digest);
    const refuse = (why: string) =>
      new TernError('TERN_ATTACHMENT_RANGE', why, { received: held.received, size: ref.size });
    if (!range) throw refuse('Content-Range must read "bytes <first>-<last>/<total>"');
    if (range.total !== ref.size)
      throw refuse(`The file is ${String(ref.size)} bytes as its record says, not ${range.total}`);
    if (range.last - range.first + 1 !== body.byteLength)
      throw refuse(
        `Content-Range names ${range.last - range.first + 1} bytes; the body has ${body.byteLength}`,
      );
    if (held.complete) return vouched(mission, held);
    if (range.first !== held.received)
      throw refuse(`The server holds ${held.received} bytes of this file; send from there`);
    try {
      return await vouched(mission, await files.append(digest, range.first, ref.size, ref.mediaType, body));
    } catch (e) {
      if (isStoreError(e, 'TERN_STORE_CONFLICT')) throw refuse(e.message);
      if (isStoreError(e, 'TERN_STORE_INVALID'))
        throw new TernError('TERN_ATTACHMENT_DIGEST_MISMATCH', e.message, { received: 0 });
      throw e;
    }
  });

  app.get('/api/missions/:mission/attachments/:digest', async (req, reply) => {
    const { mission, digest, files } = await open(req, 'attachment.read');
    const file = await files.read(digest);
    // A part (`Range: bytes=<first>-<last>`) lets a relay on 2G resume a file where a cut left it
    // (decision 230); every part read is audited like a whole file.
    const asked = req.headers.range;
    const part = file && asked !== undefined ? parseRange(asked, file.size) : null;
    await deps.audit.append(req, {
      action: 'attachment.read',
      mission,
      // A Range refused below (416) sent no byte: audited as failed, with the header as asked.
      outcome: file && (asked === undefined || part) ? 'ok' : 'failed',
      details: {
        digest,
        ...(part
          ? { range: `${part.first}-${part.last}` }
          : asked !== undefined
            ? { range: asked.slice(0, 100) }
            : {}),
      },
    });
    if (!file) {
      if (deps.relayFiles && (await deps.relayFiles.ask(mission, digest)))
        throw new TernError(
          'TERN_ATTACHMENT_NOT_AT_RELAY',
          `This relay does not hold the file ${digest} yet; a record here names it, and the relay asks headquarters for it first at its next exchange`,
        );
      throw new TernError('TERN_NOT_FOUND', `The server holds no complete file ${digest}`);
    }
    if (asked !== undefined && !part)
      throw new TernError(
        'TERN_ATTACHMENT_RANGE',
        `Range must read "bytes=<first>-[<last>]" within the file's ${file.size} bytes`,
        { size: file.size },
      );
    // Only pictures, sounds and videos open in the page; anything else (HTML, SVG, PDF…) downloads,
    // sandboxed, so a file cannot run as the app.
    const inline = INLINE.test(file.mediaType);
    if (part) reply.status(206).header('content-range', `bytes ${part.first}-${part.last}/${file.size}`);
    return reply
      .header('accept-ranges', 'bytes')
      .header('x-tern-media-type', file.mediaType)
      .header('content-type', inline ? file.mediaType : 'application/octet-stream')
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${digest}"`)
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(part ? file.bytes.subarray(part.first, part.last + 1) : file.bytes));
  });
}
