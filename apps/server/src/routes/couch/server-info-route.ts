import type { FastifyInstance, FastifyRequest } from 'fastify';
import { scopeOf } from '../../auth/permissions.ts';
import { CouchError } from './couch-errors.ts';
import { openMission } from './couch-request.ts';
import type { CouchDeps } from './couch-request.ts';

/**
 * `GET /couch/` (server welcome) and `GET|PUT /couch/:db` (database info; creation is refused).
 * PouchDB's HTTP adapter reads `/couch/:db/` before anything else and PUTs it when that is a 404.
 */
export async function serverInfoRoute(app: FastifyInstance, deps: CouchDeps): Promise<void> {
  app.get('/', async (req) => {
    // The welcome names no mission: any session whose role may read through the door somewhere gets
    // it (replicators probe it); others go through the hook for its 401/403 and audit.
    const who = req.principal;
    if (!who || scopeOf(who.role, 'couch.read') === 'none') await deps.authorize(req, 'couch.read', null);
    // The CouchDB version is the protocol level spoken, so clients pick the modern replication path
    // (_bulk_get, opaque seqs). No `uuid`: PouchDB then names checkpoints after the database URL.
    return { couchdb: 'Welcome', version: '3.3.3', vendor: { name: 'Tern' }, features: [] };
  });

  const info = async (req: FastifyRequest<{ Params: { db: string } }>) => {
    const db = await openMission(req, deps, req.params.db, 'couch.read');
    const i = await db.info();
    return {
      db_name: req.params.db,
      doc_count: i.docCount,
      doc_del_count: 0,
      update_seq: i.updateSeq,
      purge_seq: 0,
      compact_running: false,
      instance_start_time: '0',
    };
  };
  app.get<{ Params: { db: string } }>('/:db', info);
  app.get<{ Params: { db: string } }>('/:db/', info);

  // Authorised against the named mission whether or not it exists, so the refusal reads the same
  // either way; only someone allowed to write there learns that it exists (412).
  const create = async (req: FastifyRequest<{ Params: { db: string } }>) => {
    const { db } = req.params;
    await deps.authorize(req, 'couch.write', db);
    if (deps.missionExists(db))
      throw new CouchError('file_exists', 'The database could not be created, the file already exists.');
    throw new CouchError(
      'forbidden',
      `Mission ${JSON.stringify(db)} does not exist; missions are created by an administrator, not through the CouchDB door`,
    );
  };
  app.put<{ Params: { db: string } }>('/:db', create);
  app.put<{ Params: { db: string } }>('/:db/', create);
}
