import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isRefusal, refusalMessage } from '../../feeds/feed-gate.ts';
import { CouchError } from './couch-errors.ts';
import { openMission, parseOr400, queryFlag } from './couch-request.ts';
import { mayReadFiles, withAttachments } from './couch-attachments.ts';
import type { CouchDeps } from './couch-request.ts';
import { auditCouchRead, okPairs } from './couch-audit.ts';
import { RecordView } from '../record-view.ts';

/** The most changes one response carries; a client that asks for more is told so (400). */
export const MAX_CHANGES = 10_000;
/** The longest a longpoll request is held open, whatever `timeout` asks. */
export const MAX_LONGPOLL_MS = 60_000;

const Millis = z
  .string()
  .regex(/^[0-9]+$/, 'must be milliseconds')
  .transform(Number)
  .optional();
/**
 * An update sequence this door handed out: a number on the embedded store and pouchdb-server, an
 * opaque string on a CouchDB cluster (`12-g1AAAA…`: a count, a dash, base64url; a few hundred
 * characters per shard copy). Passed back to the store as it came, never compared as a number.
 */
export const MAX_SEQ_LENGTH = 8_192;
const OPAQUE_SEQ = /^[0-9]+-[A-Za-z0-9_-]+$/;
const ChangesQuery = z
  .object({
    since: z
      .string()
      .max(MAX_SEQ_LENGTH, `must be at most ${MAX_SEQ_LENGTH} characters`)
      .regex(/^(now|[0-9]+|[0-9]+-[A-Za-z0-9_-]+)$/, "must be 'now' or an update sequence from this server")
      .optional(),
    limit: z
      .string()
      .regex(/^[0-9]+$/, 'must be a number')
      .transform(Number)
      .pipe(z.number().int().min(1).max(MAX_CHANGES))
      .optional(),
    style: z.enum(['main_only', 'all_docs']).optional(),
    include_docs: queryFlag,
    conflicts: queryFlag,
    feed: z.enum(['normal', 'longpoll'], { message: "must be 'normal' or 'longpoll'" }).optional(),
    timeout: Millis,
    heartbeat: z
      .union([z.literal('true'), z.string().regex(/^[0-9]+$/, 'must be milliseconds or true')])
      .optional(),
    descending: z.literal('false', { message: 'descending is not supported' }).optional(),
    filter: z.never({ message: 'filters are not supported; replicate the whole mission' }).optional(),
  })
  .loose();

/**
 * `GET /couch/:db/_changes`: what changed after `since`, oldest first, at most `limit` (default and
 * cap MAX_CHANGES). `feed=longpoll` holds the request until a change arrives, `timeout` passes, or the
 * `heartbeat` interval passes (Tern answers an empty page then instead of sending newlines; the client
 * polls again), at most MAX_LONGPOLL_MS, and never past shutdown or the client hanging up.
 * https://docs.couchdb.org/en/stable/api/database/changes.html
 */
export async function changesRoute(app: FastifyInstance, deps: CouchDeps): Promise<void> {
  app.get<{ Params: { db: string } }>('/:db/_changes', async (req, reply) => {
    const db = await openMission(req, deps, req.params.db, 'couch.read');
    const q = parseOr400(ChangesQuery, req.query, '_changes query');
    // An opaque sequence comes only from a CouchDB cluster: the embedded store would read it as
    // nothing and answer an empty page, and a replicator would believe it is up to date.
    if (q.since !== undefined && OPAQUE_SEQ.test(q.since) && !db.opaqueSequences)
      throw new CouchError(
        'bad_request',
        `since ${JSON.stringify(q.since.slice(0, 40))} is a CouchDB cluster's update sequence; this server's store counts changes with numbers, so it was not handed out here: replicate again from 0`,
      );
    let since: number | string =
      q.since === undefined ? 0 : q.since === 'now' || OPAQUE_SEQ.test(q.since) ? q.since : Number(q.since);
    // An interviewer's feed lists only the records they may see (decision 135); the sequence still
    // moves past the others, so a replicator never asks for them again.
    const view = RecordView.of(req.principal, db, deps.store.ops(req.params.db));
    const read = async () => {
      const p = await db.couchChanges({
        since,
        limit: q.limit ?? MAX_CHANGES,
        allDocs: q.style === 'all_docs',
        includeDocs: q.include_docs,
        conflicts: q.conflicts,
      });
      if (!view) return p;
      const shown = await view.visibleIds(p.results.map((c) => c.id));
      return { ...p, results: p.results.filter((c) => shown.has(c.id)) };
    };
    // With documents, a changes page is a pull like `_bulk_get`: audited with what it carried.
    const answer = async (p: Awaited<ReturnType<typeof read>>) => {
      if (q.include_docs)
        await auditCouchRead(
          deps,
          req,
          req.params.db,
          '_changes',
          okPairs(p.results.map((c) => ({ ok: c.doc }))),
        );
      if (!q.include_docs || !mayReadFiles(req, req.params.db)) return p;
      // Documents carry their files as `_attachments` stubs (decision 168).
      const files = deps.store.attachments(req.params.db);
      const results = await Promise.all(
        p.results.map(async (c) =>
          c.doc ? { ...c, doc: await withAttachments(c.doc as Record<string, unknown>, files, false) } : c,
        ),
      );
      return { ...p, results };
    };
    let page = await read();
    if (q.feed !== 'longpoll' || page.results.length > 0) return answer(page);

    // Longpoll with nothing new yet: wait from the sequence just read, so nothing slips between.
    // Held requests are capped per account and in total (feeds/feed-gate.ts); past a cap, 429.
    const ticket = deps.feeds.enter(req.principal?.username ?? 'anonymous');
    if (isRefusal(ticket)) {
      req.log.warn({ mission: req.params.db, refused: ticket.refused }, 'longpoll refused: too many feeds');
      void reply.header('retry-after', String(ticket.retryAfterSeconds));
      throw new CouchError('too_many_requests', refusalMessage(ticket));
    }
    // Numbers (one store) wait on the mission's shared watch; an opaque sequence (a cluster) cannot be
    // ordered against other waiters', so the request waits on a feed of its own from exactly there.
    let from: number | string = since === 'now' ? page.last_seq : since;
    const heartbeat =
      q.heartbeat === 'true' ? MAX_LONGPOLL_MS : q.heartbeat === undefined ? Infinity : Number(q.heartbeat);
    const waitMs = Math.max(0, Math.min(q.timeout ?? MAX_LONGPOLL_MS, heartbeat, MAX_LONGPOLL_MS));
    const deadline = Date.now() + waitMs;
    // One controller per request, raised by the client hanging up or by shutdown (the ticket's signal).
    const gone = new AbortController();
    const onGone = () => gone.abort();
    reply.raw.once('close', onGone);
    ticket.signal.addEventListener('abort', onGone, { once: true });
    // A feed entered after shutdown began gets a signal already raised, whose 'abort' never fires again.
    if (ticket.signal.aborted) gone.abort();
    try {
      // The mission's shared watch wakes on any change after its oldest waiter (feeds/change-hub.ts):
      // read again, and wait again while nothing newer than this request's `since` is there.
      while (!gone.signal.aborted && Date.now() < deadline) {
        const left = deadline - Date.now();
        const woken =
          typeof from === 'number'
            ? await deps.changes.wait(req.params.db, from, left, gone.signal)
            : await db.waitForChange(from, left, gone.signal);
        if (!woken) break;
        since = from;
        page = await read();
        if (page.results.length > 0) break;
        // Only changes this caller may not see: wait for the next one after them.
        from =
          typeof page.last_seq === 'number' && typeof from === 'number'
            ? Math.max(from, page.last_seq)
            : page.last_seq;
      }
    } finally {
      reply.raw.off('close', onGone);
      ticket.signal.removeEventListener('abort', onGone);
      ticket.leave();
    }
    return answer(page);
  });
}
