import type { FastifyInstance, FastifyRequest } from 'fastify';
import { decide } from '../auth/permissions.ts';
import { TernError } from '../errors.ts';
import type { ServerDeps } from '../deps.ts';
import type { RelayStatus } from './relay.ts';
import { statusPage } from './status-page.ts';

/** What the routes need of a running relay (relay.ts). */
export interface RelayHandle {
  status(): RelayStatus;
  syncNow(): Promise<RelayStatus>;
}

/**
 * The relay's status for the mission data officer (decision 197): `GET /api/relay/status` (JSON),
 * `POST /api/relay/sync` (a pass now, answered when it ends) and `GET /relay` (the same as a page).
 * `relay.status`: data officers see the missions they work in, admins all. On a server that is not
 * a relay the routes answer 404 TERN_NOT_FOUND after the permission check.
 */
export async function relayStatusRoutes(
  app: FastifyInstance,
  deps: ServerDeps & { relay: RelayHandle | undefined },
): Promise<void> {
  /** The status with only the missions the caller may see; 401/403 through the one hook. */
  const visible = async (req: FastifyRequest, s: RelayStatus | null): Promise<RelayStatus | null> => {
    const who = req.principal;
    const mine = s?.missions.filter((m) => who && decide(who, 'relay.status', m.mission).allowed) ?? [];
    const first = who?.missions[0] ?? null;
    // The hook decides (and audits) for a mission the caller works in, or for none at all.
    await deps.authorize(req, 'relay.status', mine[0]?.mission ?? first);
    if (!s)
      throw new TernError(
        'TERN_NOT_FOUND',
        'This Tern server is not a mission relay (TERN_UPSTREAM is not set)',
      );
    return { ...s, missions: mine };
  };

  app.get('/api/relay/status', async (req) => visible(req, deps.relay?.status() ?? null));

  app.post('/api/relay/sync', { bodyLimit: 1024 }, async (req) => {
    await visible(req, deps.relay?.status() ?? null);
    return visible(req, (await deps.relay!.syncNow()) ?? null);
  });

  app.get('/relay', async (req, reply) => {
    let s: RelayStatus | null;
    try {
      s = await visible(req, deps.relay?.status() ?? null);
    } catch (e) {
      if (!(e instanceof TernError)) throw e;
      return reply
        .status(e.status)
        .type('text/html; charset=utf-8')
        .send(statusPage(null, e.message, req));
    }
    return reply.type('text/html; charset=utf-8').send(statusPage(s, null, req));
  });
}
