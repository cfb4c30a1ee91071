import type { FastifyInstance } from 'fastify';
import type { ServerStore } from '@tern/store';
import { checkReadiness } from '../health/readiness.ts';
import type { ReadinessOptions } from '../health/readiness.ts';

export interface HealthRouteOptions {
  store: ServerStore;
  missions: () => Promise<string[]>;
  readiness: ReadinessOptions;
}

/** One probe's answer is shared by the probes that arrive within this window (a probe is no load). */
const REUSE_MS = 1000;

/**
 * `GET /api/health`: liveness — the process answers (a supervisor restarts it when it does not).
 * `GET /api/ready`: readiness — every store answers a read and the disk has room; 503 with what is
 * wrong in words otherwise (a load balancer stops sending requests; docs/operator-guide.md). Both are
 * open without a session, so neither names a mission: the server log does, under the request id.
 */
export async function healthRoute(app: FastifyInstance, opts: HealthRouteOptions): Promise<void> {
  const started = Date.now();
  app.get('/api/health', async () => ({
    status: 'ok',
    time: new Date().toISOString(),
    uptimeSeconds: Math.round((Date.now() - started) / 1000),
  }));

  let last: { at: number; answer: ReturnType<typeof probe> } | undefined;
  const probe = async () => checkReadiness(opts.store, await opts.missions(), opts.readiness);
  app.get('/api/ready', async (req, reply) => {
    if (!last || Date.now() - last.at > REUSE_MS) last = { at: Date.now(), answer: probe() };
    const { ready, checks } = await last.answer;
    const failing = checks.filter((c) => !c.ok);
    if (failing.length) req.log.warn({ failing }, 'not ready');
    return reply.status(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'not ready',
      problems: failing.map((c) => c.problem),
      checks: checks.map(({ name, ok, ms }) => ({ name, ok, ms })),
    });
  });
}
