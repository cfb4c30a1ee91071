import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../deps.ts';
import { unlabelFailedStream } from '../../errors.ts';
import { ChangeHub } from '../../feeds/change-hub.ts';
import { installJsonParser } from '../../json-body.ts';
import { bulkDocsRoute } from './bulk-docs-route.ts';
import { bulkGetRoute } from './bulk-get-route.ts';
import { changesRoute } from './changes-route.ts';
import { CouchError, toCouchError } from './couch-errors.ts';
import type { CouchDeps } from './couch-request.ts';
import { docRoute } from './doc-route.ts';
import { localDocsRoute } from './local-docs-route.ts';
import { revsDiffRoute } from './revs-diff-route.ts';
import { serverInfoRoute } from './server-info-route.ts';

/**
 * The CouchDB replication door, registered under `/couch`: enough of CouchDB's HTTP API for PouchDB,
 * CouchDB and another Tern server to replicate with a mission (docs/protocol.md, "CouchDB door").
 * Encapsulated: its error shape, 404 and JSON parsing apply to `/couch` only.
 */
export async function couchDoor(
  app: FastifyInstance,
  deps: ServerDeps & { maxAttachmentBytes?: number | undefined },
): Promise<void> {
  // Named one by one: the options object also carries Fastify's `prefix`, which must not reach the
  // route plugins (they would prefix again).
  const { prefix: _prefix, ...shared } = deps as typeof deps & { prefix?: string };
  const couchDeps: CouchDeps = {
    ...shared,
    changes: new ChangeHub((mission) => deps.store.mission(mission)),
  };

  // CouchDB clients send `Content-Type: application/json` on bodiless requests too; an empty body is
  // "no body", not a JSON error. Anything else goes through the depth guard and Fastify's own
  // (prototype-safe) parser (json-body.ts).
  installJsonParser(app, { maxDepth: deps.jsonMaxDepth, emptyIsNoBody: true });

  app.setErrorHandler((err, req, reply) => {
    unlabelFailedStream(reply);
    const couch = toCouchError(err);
    if (couch) {
      req.log.warn({ couch: couch.error }, couch.reason);
      return reply.status(couch.status).send({ error: couch.error, reason: couch.reason });
    }
    req.log.error({ err }, 'unhandled error behind the CouchDB door');
    return reply
      .status(500)
      .send({ error: 'unknown_error', reason: `Internal error; see the server log (request id ${req.id})` });
  });
  app.setNotFoundHandler((req, reply) => {
    const e = new CouchError(
      'not_found',
      `${req.method} ${req.url.split('?')[0]} is not supported by Tern's CouchDB door`,
    );
    return reply.status(e.status).send({ error: e.error, reason: e.reason });
  });

  await app.register(serverInfoRoute, couchDeps);
  await app.register(localDocsRoute, couchDeps);
  await app.register(revsDiffRoute, couchDeps);
  await app.register(bulkDocsRoute, couchDeps);
  await app.register(bulkGetRoute, couchDeps);
  await app.register(changesRoute, couchDeps);
  await app.register(docRoute, couchDeps);
}
