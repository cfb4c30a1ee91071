import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DocIdShape, RevShape, openMission, parseOr400 } from './couch-request.ts';
import type { CouchDeps } from './couch-request.ts';

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
    return db.revsDiff(body);
  });
}
