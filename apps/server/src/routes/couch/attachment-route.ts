import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DIGEST_PATTERN } from '@tern/forms';
import { CouchError } from './couch-errors.ts';
import { DocIdShape, RevShape, openMission, parseOr400 } from './couch-request.ts';
import type { CouchDeps } from './couch-request.ts';
import { mediaRefs } from './couch-attachments.ts';
import { RecordView } from '../record-view.ts';

const AttQuery = z.object({ rev: RevShape.optional() }).loose();

/**
 * `GET /couch/:db/:docid/:attname`: one file of a record, as PouchDB's replicator fetches each
 * attachment stub it does not hold (decision 168). The name is the file's sha-256 in hex; the record
 * (its current winner, or `rev`) must name that file and be in the caller's view, and the caller
 * needs `attachment.read` as on `/api/missions/:m/attachments/:digest` (audited the same way).
 */
export async function attachmentRoute(app: FastifyInstance, deps: CouchDeps): Promise<void> {
  app.get<{ Params: { db: string; id: string; att: string } }>('/:db/:id/:att', async (req, reply) => {
    const mission = req.params.db;
    const db = await openMission(req, deps, mission, 'couch.read');
    await deps.authorize(req, 'attachment.read', mission);
    const id = parseOr400(DocIdShape, req.params.id, 'document id');
    const q = parseOr400(AttQuery, req.query, 'attachment query');
    const digest = req.params.att;
    if (!DIGEST_PATTERN.test(digest))
      throw new CouchError('not_found', 'Document is missing attachment (Tern names files by sha-256)');
    const view = RecordView.of(req.principal, db, deps.store.ops(mission));
    if (view && !(await view.visibleIds([id])).has(id)) throw new CouchError('not_found', 'missing');
    const doc = (await db.readDoc(id, q.rev !== undefined ? { rev: q.rev } : {})) as Record<string, unknown>;
    if (doc._deleted === true || !mediaRefs(doc.answers).has(digest))
      throw new CouchError('not_found', 'Document is missing attachment');
    const file = await deps.store.attachments(mission).read(digest);
    await deps.audit.append(req, {
      action: 'attachment.read',
      mission,
      outcome: file ? 'ok' : 'failed',
      details: { digest, record: id, door: 'couch' },
    });
    if (!file) throw new CouchError('not_found', 'Document is missing attachment (not uploaded yet)');
    return reply
      .header('content-type', 'application/octet-stream')
      .header('x-tern-media-type', file.mediaType)
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(file.bytes));
  });
}
