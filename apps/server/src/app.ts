import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { StoreError } from '@tern/store';
import type { ServerStore } from '@tern/store';
import { ERRORS, TernError, unlabelFailedStream } from './errors.ts';
import { installRequestGate } from './request-gate.ts';
import { ternErrorOfDisk, ternErrorOfStore } from './store-errors.ts';
import { AuditLog } from './audit/audit-log.ts';
import { Accounts } from './auth/accounts.ts';
import { authorizeWith } from './auth/authorize.ts';
import type { Authorize } from './auth/authorize.ts';
import { Missions } from './auth/missions.ts';
import { DEFAULT_LOGIN_THROTTLE, LoginThrottle } from './auth/login-throttle.ts';
import type { LoginThrottleOptions } from './auth/login-throttle.ts';
import { installOriginGuard } from './auth/origin-guard.ts';
import { installSessionHook } from './auth/session-hook.ts';
import { securityHeaders } from './security-headers.ts';
import { DEFAULT_FEED_LIMITS, FeedGate } from './feeds/feed-gate.ts';
import type { FeedLimits } from './feeds/feed-gate.ts';
import { JSON_MAX_DEPTH, installJsonParser } from './json-body.ts';
import { Sessions } from './auth/sessions.ts';
import { getDevice } from './devices/device-registry.ts';
import { accountRoutes } from './routes/account-routes.ts';
import { auditRoute } from './routes/audit-route.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { compactSyncRoute } from './routes/compact-sync-route.ts';
import { conflictsRoute } from './routes/conflicts-route.ts';
import { attachmentRoutes } from './routes/attachment-routes.ts';
import type { RelayFiles } from './routes/attachment-routes.ts';
import { devicesRoute } from './routes/devices-route.ts';
import { exportRoute } from './routes/export-route.ts';
import { formsRoute } from './routes/forms-route.ts';
import { FormRegistry } from './forms/form-registry.ts';
import type { XlsformWorkerLimits } from './forms/import-in-worker.ts';
import { couchDoor } from './routes/couch/couch-door.ts';
import { demographyRoutes } from './routes/demography-routes.ts';
import { MatchQueue } from './matching/match-queue.ts';
import { matchingRoutes } from './routes/matching-routes.ts';
import { healthRoute } from './routes/health-route.ts';
import type { ReadinessOptions } from './health/readiness.ts';
import { missionRoutes } from './routes/mission-routes.ts';
import { recordRoutes } from './routes/record-routes.ts';
import { researchGrantRoute } from './routes/research/research-grant-route.ts';
import { profileGrantRoute } from './routes/profiles/profile-grant-route.ts';
import { profileReadRoutes } from './routes/profiles/profile-read-routes.ts';
import { profileSyncRoute } from './routes/profiles/profile-sync-route.ts';
import { publicProfileRoutes } from './routes/profiles/public-profile-routes.ts';
import { researchRoutes } from './routes/research/research-routes.ts';
import { openResearch } from './research/research-service.ts';
import { PersonLinks } from './matching/person-links.ts';
import type { ResearchOptions } from './research/research-service.ts';
import { signalWrites } from './research/write-signal.ts';
import type { ServerDeps } from './deps.ts';
import type { FormLookup } from './ingest/check-doc.ts';
import { sharedKey, throttledRefresh } from './shared-state.ts';
import { relayAccountsRoute } from './routes/relay-accounts-route.ts';
import { relayStatusRoutes } from './relay/status-route.ts';
import type { RelayHandle } from './relay/status-route.ts';
import { profileDeviceKeys } from './profiles/profile-device-key.ts';
import { figureSeal } from './profiles/tern-figures.ts';
import { profileFiguresRoute } from './routes/profiles/profile-figures-route.ts';
import { profileConflictRoutes } from './routes/profiles/profile-conflict-routes.ts';

export interface AppOptions {
  store: ServerStore;
  /** Missions made sure to exist at start (bootstrap, `TERN_MISSIONS`); others are created by admins. */
  missions?: string[];
  /** Folder of the built PWA; when absent the API runs alone. */
  webDist?: string;
  forms?: FormLookup;
  logger?: FastifyServerOptions['logger'];
  bodyLimit?: number;
  /** Replace the permission check. Tests of a route's own logic only (auth/authorize.ts `allowAll`). */
  authorize?: Authorize;
  /** Session lifetime; 12 hours by default. */
  sessionTtlMs?: number;
  /** Login attempts per client address and time window; 10 a minute by default. */
  login?: { max: number; timeWindowMs: number };
  /** Mark the session cookie `Secure` (serve over TLS). */
  cookieSecure?: boolean;
  /**
   * Fastify's `trustProxy`: set it to the reverse proxy's address when there is one, so the login rate
   * limit and the audit log see the client's address instead of the proxy's.
   */
  trustProxy?: boolean | string;
  /** Per-account slowing of logins after failed attempts (auth/login-throttle.ts). */
  loginThrottle?: Partial<LoginThrottleOptions>;
  /** How often the cached missions and forms are read again for other processes' additions; 1 s. */
  sharedRefreshMs?: number;
  /** Caps on held change feeds (longpolls), per account and in total (feeds/feed-gate.ts). */
  feeds?: Partial<FeedLimits>;
  /** The largest media file accepted (decision 125); 10 MB by default. */
  maxAttachmentBytes?: number;
  /** The deepest JSON body accepted; deeper bodies get 400 before they are parsed (json-body.ts). */
  jsonMaxDepth?: number;
  /** Other origins allowed to send state-changing requests (the app's own always is; auth/origin-guard.ts). */
  allowedOrigins?: string[];
  /**
   * Sync and bulk requests worked on at once; the others wait before their bodies are read
   * (request-gate.ts). Unlimited when absent.
   */
  syncConcurrency?: number;
  /** The clock (tests move it to expire sessions). */
  now?: () => number;
  /** Time, memory and concurrency limits of XLSForm imports (forms/import-in-worker.ts); tests lower them. */
  xlsformLimits?: Partial<XlsformWorkerLimits>;
  /** Research on trends: the analytics store, its secret, k, the query budget (research/research-service.ts). */
  research?: ResearchOptions;
  /** What `GET /api/ready` checks beyond the stores: the data folder's free space (health/readiness.ts). */
  readiness?: ReadinessOptions;
  /** Relay mode (`TERN_UPSTREAM`, relay/relay.ts): the running relay behind the status routes. */
  relay?: RelayHandle;
  /** Relay mode: where the relay's files stand with headquarters (decisions 229–230). */
  relayFiles?: RelayFiles;
}

/** A caller's `X-Request-Id` is kept when it is short and plain; otherwise the server makes one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Every request gets an id: in every log line of the request, in the `X-Request-Id` header of every
 * refusal or failure (4xx, 5xx) and in the message of a 500, so an operator finds the log lines a user's error belongs to. A proxy's
 * or client's id is kept when it is safe to log.
 */
export function requestId(req: { headers: Record<string, string | string[] | undefined> }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Pino paths that may hold secrets; removed from every log line whatever the level. */
export const LOG_REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'body.password',
  'body.deviceSecret',
];

function errorBody(code: keyof typeof ERRORS, message: string, details?: unknown) {
  return { code, error: ERRORS[code].title, message, ...(details !== undefined ? { details } : {}) };
}

/** Build the Fastify app. Tests drive it with `inject()`; main.ts listens on a port. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? 8 * 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
    genReqId: requestId,
  });
  // The id travels with refusals and failures only: an operator needs it to find a user's error in the
  // log, and a success on a slow link should not pay 50 bytes for it (decision 093's header budget).
  app.addHook('onSend', async (req, reply) => {
    if (reply.statusCode >= 400) reply.header('x-request-id', req.id);
  });
  const now = opts.now ?? Date.now;
  const sys = opts.store.system();
  const audit = new AuditLog(sys, now);
  const accounts = new Accounts(sys, now);
  const missions = new Missions(sys, now);
  const sessions = new Sessions(sys, opts.sessionTtlMs ?? 12 * 3600 * 1000, now);
  await missions.load();
  await sessions.purgeExpired();
  for (const id of opts.missions ?? []) await missions.create({ id }, 'bootstrap', true);

  // One place turns every error into an HTTP response with a stable code and a readable message.
  app.setErrorHandler((thrown, req, reply) => {
    unlabelFailedStream(reply);
    const err = thrown instanceof StoreError ? ternErrorOfStore(thrown) : (ternErrorOfDisk(thrown) ?? thrown);
    if (err instanceof TernError) {
      req.log.warn({ code: err.code }, err.message);
      return reply.status(err.status).send(errorBody(err.code, err.message, err.details));
    }
    const e = err as { statusCode?: number; code?: string; message: string };
    if (e.statusCode === 415)
      return reply
        .status(415)
        .send(
          errorBody(
            'TERN_UNSUPPORTED_MEDIA_TYPE',
            `The body must be JSON (Content-Type: application/json), not ${JSON.stringify(req.headers['content-type'] ?? '')}`,
          ),
        );
    if (e.statusCode === 413) return reply.status(413).send(errorBody('TERN_PAYLOAD_TOO_LARGE', e.message));
    if (e.statusCode === 429) {
      req.log.warn({ url: req.url }, 'rate limited');
      return reply.status(429).send(errorBody('TERN_RATE_LIMITED', e.message));
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
      return reply.status(e.statusCode).send(errorBody('TERN_BAD_REQUEST', e.message));
    req.log.error({ err }, 'unhandled error');
    return reply
      .status(500)
      .send(errorBody('TERN_INTERNAL', `Internal error; see the server log (request id ${req.id})`));
  });

  await securityHeaders(app);
  // Bodies are JSON (deep nesting refused before parsing) or what a route registers itself (the
  // XLSForm upload). No text/plain: it is what a cross-site form can post without a preflight.
  const jsonMaxDepth = opts.jsonMaxDepth ?? JSON_MAX_DEPTH;
  installJsonParser(app, { maxDepth: jsonMaxDepth });
  app.removeContentTypeParser('text/plain');
  installOriginGuard(app, opts.allowedOrigins ?? []);
  const feeds = new FeedGate({ ...DEFAULT_FEED_LIMITS, ...opts.feeds });
  // Held longpolls answer at once at shutdown instead of holding close() up to their timeout.
  app.addHook('preClose', async () => feeds.closeAll());
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      message: `Too many attempts: wait ${ctx.after} and try again`,
    }),
  });
  await app.register(fastifyCompress, { global: true, threshold: 1024 });
  if (opts.syncConcurrency !== undefined) installRequestGate(app, opts.syncConcurrency);
  installSessionHook(app, sessions, accounts);
  await app.register(healthRoute, {
    store: opts.store,
    missions: async () => (await missions.list()).map((m) => m.id),
    readiness: opts.readiness ?? {},
  });
  const registry = new FormRegistry(opts.store.forms());
  await registry.load();
  // Another process on the same store may add missions and form versions (decision 173): read them
  // again at most once a second, before the request that comes after.
  const refresh = throttledRefresh(
    async () => {
      await missions.load();
      await registry.load();
    },
    opts.sharedRefreshMs ?? 1000,
    now,
  );
  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/couch/')) await refresh();
  });
  // The analytics store follows every mission's writes, whichever route made them (decision 104).
  const research = await openResearch(opts.research ?? {}, {
    store: opts.store,
    missions: async () => (await missions.list()).map((m) => m.id),
    now,
    log: app.log,
    links: async () =>
      (await new PersonLinks(opts.store.system(), now).links()).map((l) => [l.a, l.b] as const),
  });
  app.addHook('onClose', () => research.close());
  app.decorate('research', research);
  const deps: ServerDeps = {
    store: signalWrites(opts.store, (m) => research.nudge(m)),
    forms: opts.forms ?? ((key) => registry.get(key)),
    missionExists: (m: string) => missions.has(m),
    authorize:
      opts.authorize ??
      authorizeWith(
        audit,
        async (device, mission) =>
          missions.has(mission) &&
          (await getDevice(opts.store.ops(mission), device))?.retiredAt !== undefined,
      ),
    audit,
    accounts,
    missions,
    sessions,
    now,
    cookieSecure: opts.cookieSecure ?? false,
    login: opts.login ?? { max: 10, timeWindowMs: 60_000 },
    loginThrottle: new LoginThrottle(
      { ...DEFAULT_LOGIN_THROTTLE, ...opts.loginThrottle },
      now,
      await sharedKey(sys, 'known-device'),
    ),
    feeds,
    profileDeviceKey: profileDeviceKeys(await sharedKey(sys, 'profile-device')),
    profileFigureSeal: figureSeal(await sharedKey(sys, 'profile-figures')),
    jsonMaxDepth,
  };
  await app.register(authRoutes, deps);
  await app.register(accountRoutes, deps);
  await app.register(missionRoutes, deps);
  await app.register(auditRoute, deps);
  await app.register(recordRoutes, deps);
  await app.register(compactSyncRoute, deps);
  await app.register(devicesRoute, deps);
  await app.register(exportRoute, deps);
  await app.register(formsRoute, { ...deps, registry, xlsformLimits: opts.xlsformLimits });
  await app.register(conflictsRoute, deps);
  await app.register(attachmentRoutes, {
    ...deps,
    maxAttachmentBytes: opts.maxAttachmentBytes,
    relayFiles: opts.relayFiles,
  });
  await app.register(couchDoor, { ...deps, prefix: '/couch', maxAttachmentBytes: opts.maxAttachmentBytes });
  await app.register(researchGrantRoute, deps);
  await app.register(researchRoutes, { ...deps, research });
  await app.register(demographyRoutes, deps);
  await app.register(matchingRoutes, { ...deps, matchQueue: new MatchQueue(opts.store) });
  await app.register(profileGrantRoute, deps);
  await app.register(profileSyncRoute, deps);
  await app.register(profileReadRoutes, deps);
  await app.register(profileFiguresRoute, { ...deps, research });
  await app.register(profileConflictRoutes, deps);
  await app.register(publicProfileRoutes, deps);
  await app.register(relayAccountsRoute, deps);
  await app.register(relayStatusRoutes, { ...deps, relay: opts.relay });

  const notFound = (method: string, url: string) =>
    errorBody('TERN_NOT_FOUND', `${method} ${url} is not a route`);
  if (opts.webDist && existsSync(opts.webDist)) {
    await app.register(fastifyStatic, { root: opts.webDist, prefix: '/', wildcard: false });
    // Client-side routes fall back to the app shell; unknown /api paths stay 404.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.status(404).send(notFound(req.method, req.url));
    });
  } else {
    app.setNotFoundHandler((req, reply) => reply.status(404).send(notFound(req.method, req.url)));
  }
  return app;
}
