import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DocIdShape, RevShape, openMission, parseOr400, queryFlag } from './couch-request.ts';
import type { CouchDeps } from './couch-request.ts';
import { auditCouchRead, okPairs } from './couch-audit.ts';
import { RecordView } from '../record-view.ts';
import { entriesWithAttachments, mayReadFiles } from './couch-attachments.ts';

const BulkGetQuery = z.object({ revs: queryFlag, latest: queryFlag, attachments: queryFlag }).loose();
const BulkGetBody = z.object({
  docs: z
    .array(
      z
        .object({ id: DocIdShape, rev: RevShape.optional(), atts_since: z.array(RevShape).optional() })
        .loose(),
    )
    .max(1000, 'at most 1000 documents per request'),
});

/**
 * `POST /couch/:db/_bulk_get`: many revisions in one request. PouchDB's replicator asks with
 * `revs=true&latest=true` for the revisions `_revs_diff` reported missing. The answer has one entry
 * per request, `{id, docs: [{ok: doc} | {error: {id, rev, error, reason}}]}`; with `latest` a rev that
 * is no longer a leaf answers the leaves descending from it.
 * https://docs.couchdb.org/en/stable/api/database/bulk-api.html#db-bulk-get
 */
export async function bulkGetRoute(app: FastifyInstance, deps: CouchDeps): Promise<void> {
  app.post<{ Params: { db: string } }>('/:db/_bulk_get', async (req) => {
    const db = await openMission(req, deps, req.params.db, 'couch.read');
    const q = parseOr400(BulkGetQuery, req.query, '_bulk_get query');
    const body = parseOr400(BulkGetBody, req.body ?? null, '_bulk_get body');
    // Files go as `_attachments` (decision 168): stubs, or inline with `attachments=true`; `atts_since`
    // is ignored (every file is sent whole when asked inline).
    const docs = body.docs.map((d) => (d.rev ? { id: d.id, rev: d.rev } : { id: d.id }));
    // A record outside an interviewer's view answers as a missing one, any revision of it: an older
    // revision of a case they no longer hold would still carry its personal data (decision 135).
    const view = RecordView.of(req.principal, db, deps.store.ops(req.params.db));
    const shown = view ? await view.visibleIds(docs.map((d) => d.id)) : null;
    const asked = shown ? docs.filter((d) => shown.has(d.id)) : docs;
    const found =
      asked.length > 0 ? (await db.bulkGet(asked, { revs: q.revs, latest: q.latest })).results : [];
    let k = 0;
    const answer = {
      results: docs.map((d) => (!shown || shown.has(d.id) ? found[k++]! : missing(d))),
    };
    const sent = answer.results.flatMap((r) => okPairs((r as { docs?: unknown[] }).docs ?? []));
    await auditCouchRead(deps, req, req.params.db, '_bulk_get', sent);
    if (!mayReadFiles(req, req.params.db)) return answer;
    const files = deps.store.attachments(req.params.db);
    const results = await Promise.all(
      answer.results.map(async (r) => {
        const docs = (r as { docs?: unknown[] }).docs;
        return docs ? { ...r, docs: await entriesWithAttachments(docs, files, q.attachments) } : r;
      }),
    );
    return { results };
  });
}

function missing(d: { id: string; rev?: string }): Record<string, unknown> {
  return {
    id: d.id,
    docs: [{ error: { id: d.id, rev: d.rev ?? 'undefined', error: 'not_found', reason: 'missing' } }],
  };
}
