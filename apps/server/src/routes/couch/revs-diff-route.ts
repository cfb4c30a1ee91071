import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DocIdShape, RevShape, openMission, parseOr400 } from './couch-request.ts';
import type { CouchDeps } from './couch-request.ts';
import { RecordView } from '../record-view.ts';

const MAX_IDS = 1000;
const RevsDiffBody = z
  .record(DocIdShape, z.array(RevShape).min(1, 'must list at least one rev').max(1000))
  .refine((r) => Object.keys(r).length <= MAX_IDS, `at most ${MAX_IDS} document ids per request`);

/**
 * `POST /couch/:db/_revs_diff`: which of these revisions does the mission lack? Answers only the ids
 * with something missing, with `possible_ancestors`.
 * https://docs.couchdb.org/en/stable/api/database/misc.html#db-revs-diff
 */
export async function revsDiffRoute(app: FastifyInstance, deps: CouchDeps): Promise<void> {
  app.post<{ Params: { db: string } }>('/:db/_revs_diff', async (req) => {
    // Only a pushing replicator asks the target this, as the first step of a write.
    const db = await openMission(req, deps, req.params.db, 'couch.write');
    const body = parseOr400(RevsDiffBody, req.body ?? null, '_revs_diff body');
    // Revs are content hashes: "the server has it" would confirm a guess of someone else's record, so
    // outside an interviewer's view every rev answers missing (a push of them is then refused).
    const view = RecordView.of(req.principal, db, deps.store.ops(req.params.db));
    if (!view) return db.revsDiff(body);
    const ids = Object.keys(body);
    const shown = await view.visibleIds(ids);
    const known = await db.revsDiff(
      Object.fromEntries(ids.filter((id) => shown.has(id)).map((id) => [id, body[id]!])),
    );
    for (const id of ids) if (!shown.has(id)) known[id] = { missing: body[id]! };
    return known;
  });
}
