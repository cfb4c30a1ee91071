import { existsSync } from 'node:fs';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { TernStore } from '@tern/store';
import { ERRORS, TernError } from './errors.ts';
import { compactSyncRoute } from './routes/compact-sync-route.ts';
import { conflictsRoute } from './routes/conflicts-route.ts';
import { devicesRoute } from './routes/devices-route.ts';
import { exportRoute } from './routes/export-route.ts';
import { formsRoute } from './routes/forms-route.ts';
import { FormRegistry } from './forms/form-registry.ts';
import { couchDoor } from './routes/couch/couch-door.ts';
import { healthRoute } from './routes/health-route.ts';
import { allowAll } from './auth/authorize.ts';
import type { ServerDeps } from './deps.ts';
import type { Authorize } from './auth/authorize.ts';
import type { FormLookup } from './validate-doc.ts';

export interface AppOptions {
  store: TernStore;
  missions: string[];
  /** Folder of the built PWA; when absent the API runs alone. */
  webDist?: string;
  forms?: FormLookup;
  logger?: FastifyServerOptions['logger'];
  bodyLimit?: number;
  /** Authorisation hook asked by every data route; see auth/authorize.ts. */
  authorize?: Authorize;
}

/** Build the Fastify app. Tests drive it with `inject()`; main.ts listens on a port. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: opts.bodyLimit ?? 8 * 1024 * 1024 });
  const missions = new Set(opts.missions);

  // One place turns every error into an HTTP response with a stable code and a readable message.
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof TernError) {
      req.log.warn({ code: err.code }, err.message);
      return reply.status(err.status).send({
        code: err.code,
        error: ERRORS[err.code].title,
        message: err.message,
        ...(err.details !== undefined ? { details: err.details } : {}),
      });
    }
    const e = err as { statusCode?: number; code?: string; message: string };
    if (e.statusCode === 413) {
      return reply.status(413).send({
        code: 'TERN_PAYLOAD_TOO_LARGE',
        error: ERRORS.TERN_PAYLOAD_TOO_LARGE.title,
        message: e.message,
      });
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply
        .status(e.statusCode)
        .send({ code: 'TERN_BAD_REQUEST', error: ERRORS.TERN_BAD_REQUEST.title, message: e.message });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({
      code: 'TERN_INTERNAL',
      error: ERRORS.TERN_INTERNAL.title,
      message: 'Internal error; see the server log',
    });
  });

  await app.register(fastifyCompress, { global: true, threshold: 1024 });
  await app.register(healthRoute);
  const registry = new FormRegistry(opts.store.forms());
  await registry.load();
  const deps: ServerDeps = {
    store: opts.store,
    forms: opts.forms ?? ((key) => registry.get(key)),
    missionExists: (m: string) => missions.has(m),
    authorize: opts.authorize ?? allowAll,
  };
  await app.register(compactSyncRoute, deps);
  await app.register(devicesRoute, deps);
  await app.register(exportRoute, deps);
  await app.register(formsRoute, { ...deps, registry });
  await app.register(conflictsRoute, { ...deps, missions: () => [...missions] });
  await app.register(couchDoor, { ...deps, prefix: '/couch' });

  if (opts.webDist && existsSync(opts.webDist)) {
    await app.register(fastifyStatic, { root: opts.webDist, prefix: '/', wildcard: false });
    // Client-side routes fall back to the app shell; unknown /api paths stay 404.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.status(404).send({
        code: 'TERN_NOT_FOUND',
        error: ERRORS.TERN_NOT_FOUND.title,
        message: `${req.method} ${req.url} is not a route`,
      });
    });
  } else {
    app.setNotFoundHandler((req, reply) =>
      reply.status(404).send({
        code: 'TERN_NOT_FOUND',
        error: ERRORS.TERN_NOT_FOUND.title,
        message: `${req.method} ${req.url} is not a route`,
      }),
    );
  }
  return app;
}
