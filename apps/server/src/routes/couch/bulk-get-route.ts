import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DocIdShape, RevShape, openMission, parseOr400, queryFlag } from './couch-request.ts';
import type { CouchDeps } from './couch-request.ts';
import { auditCouchRead, okPairs } from './couch-audit.ts';

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
    // Tern documents carry no attachments, so `attachments` and `atts_since` change nothing.
    const docs = body.docs.map((d) => (d.rev ? { id: d.id, rev: d.rev } : { id: d.id }));
    const answer = await db.bulkGet(docs, { revs: q.revs, latest: q.latest });
    const sent = answer.results.flatMap((r) => okPairs((r as { docs?: unknown[] }).docs ?? []));
    await auditCouchRead(deps, req, req.params.db, '_bulk_get', sent);
    return answer;
  });
}
