import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CouchError } from './couch-errors.ts';
import { openMission, parseOr400 } from './couch-request.ts';
import type { CouchDeps } from './couch-request.ts';

/** Replication checkpoints are small; anything larger is not a checkpoint. */
const LOCAL_DOC_LIMIT = 64 * 1024;

const LocalId = z.string().min(1, 'must not be empty').max(200);
const LocalBody = z
  .object({
    _rev: z
      .string()
      .regex(/^0-[0-9]+$/, "must be a _local revision '0-N'")
      .optional(),
  })
  .loose();

/**
 * `GET|PUT /couch/:db/_local/:id`: documents that never replicate and keep no history, where
 * replicators keep their checkpoints. https://docs.couchdb.org/en/stable/api/local.html
 * They are not validated as Tern documents (they are not data), only bounded in size.
 */
export async function localDocsRoute(app: FastifyInstance, deps: CouchDeps): Promise<void> {
  app.get<{ Params: { db: string; id: string } }>('/:db/_local/:id', async (req) => {
    const db = await openMission(req, deps, req.params.db, 'couch.read');
    const id = parseOr400(LocalId, req.params.id, '_local id');
    const doc = await db.getLocal(id);
    if (!doc) throw new CouchError('not_found', 'missing');
    return doc;
  });

  app.put<{ Params: { db: string; id: string } }>(
    '/:db/_local/:id',
    { bodyLimit: LOCAL_DOC_LIMIT },
    async (req, reply) => {
      const db = await openMission(req, deps, req.params.db, 'couch.write');
      const id = parseOr400(LocalId, req.params.id, '_local id');
      const body = parseOr400(LocalBody, req.body, '_local document');
      const { _id: _ignored, ...doc } = body;
      return reply.status(201).send(await db.putLocal(id, doc));
    },
  );
}
