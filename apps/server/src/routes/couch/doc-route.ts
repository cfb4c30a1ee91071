import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CouchError } from './couch-errors.ts';
import { DocIdShape, RevShape, openMission, parseOr400, queryFlag } from './couch-request.ts';
import type { CouchDeps } from './couch-request.ts';
import { auditCouchRead, okPairs } from './couch-audit.ts';
import { RecordView } from '../record-view.ts';
import { entriesWithAttachments, mayReadFiles, withAttachments } from './couch-attachments.ts';
import { attachmentRoute } from './attachment-route.ts';

const OpenRevs = z
  .string()
  .transform((s, ctx) => {
    if (s === 'all') return 'all' as const;
    try {
      const list = z.array(RevShape).min(1).max(1000).safeParse(JSON.parse(s));
      if (list.success) return list.data;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: "must be 'all' or a JSON array of revision ids" });
    return z.NEVER;
  })
  .optional();

const DocQuery = z
  .object({
    rev: RevShape.optional(),
    revs: queryFlag,
    conflicts: queryFlag,
    latest: queryFlag,
    open_revs: OpenRevs,
    attachments: queryFlag,
  })
  .loose();

/**
 * `GET /couch/:db/:docid` with rev, revs, conflicts, latest and open_revs (`all` or a JSON list).
 * With open_revs the answer is JSON `[{ok: doc} | {missing: rev}]` (CouchDB sends that for
 * `Accept: application/json`; Tern never answers multipart: PouchDB asks JSON, decision 168).
 * Records carry their files as `_attachments` stubs, or inline with `attachments=true`.
 * https://docs.couchdb.org/en/stable/api/document/common.html#get--db-docid
 */
export async function docRoute(app: FastifyInstance, deps: CouchDeps): Promise<void> {
  app.get<{ Params: { db: string; id: string } }>('/:db/:id', async (req) => {
    const db = await openMission(req, deps, req.params.db, 'couch.read');
    const id = parseOr400(DocIdShape, req.params.id, 'document id');
    // Static routes (_changes, _local/…) win over this one, so what reaches here with `_` is an
    // endpoint Tern does not offer, not a document.
    if (id.startsWith('_'))
      throw new CouchError('not_found', `${id} is not supported by Tern's CouchDB door`);
    const q = parseOr400(DocQuery, req.query, 'document query');
    // Outside an interviewer's view the record is missing, exactly as one never stored (decision 135).
    const view = RecordView.of(req.principal, db, deps.store.ops(req.params.db));
    if (view && !(await view.visibleIds([id])).has(id)) throw new CouchError('not_found', 'missing');
    const doc = await db.readDoc(id, {
      ...(q.rev !== undefined ? { rev: q.rev } : {}),
      ...(q.open_revs !== undefined ? { openRevs: q.open_revs } : {}),
      revs: q.revs,
      conflicts: q.conflicts,
      latest: q.latest,
    });
    const sent = Array.isArray(doc) ? okPairs(doc) : okPairs([{ ok: doc }]);
    await auditCouchRead(deps, req, req.params.db, 'doc', sent);
    // Files as `_attachments` (decision 168), for callers who may read files.
    if (!mayReadFiles(req, req.params.db)) return doc;
    const files = deps.store.attachments(req.params.db);
    return Array.isArray(doc)
      ? entriesWithAttachments(doc, files, q.attachments)
      : withAttachments(doc as Record<string, unknown>, files, q.attachments);
  });

  await app.register(attachmentRoute, deps);

  // Design documents are never stored (see ingest/reserved-fields.ts), so none can be read.
  app.get<{ Params: { db: string } }>('/:db/_design/*', async (req) => {
    await openMission(req, deps, req.params.db, 'couch.read');
    throw new CouchError('not_found', 'missing');
  });
}
