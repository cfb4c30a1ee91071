import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Accounts } from './accounts.ts';
import { principalOf } from './accounts.ts';
import type { Principal } from './roles.ts';
import type { Sessions } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The account behind the request's session, or null. Set by the session hook on /api and /couch. */
    principal: Principal | null;
    sessionState: 'none' | 'ok' | 'expired' | 'unknown' | 'device-retired';
    sessionToken: string | null;
    /** The device the session's login named (decision 221), or null. */
    sessionDevice: string | null;
    /** The mission where the session's device was retired, when that ended the session. */
    sessionRetiredIn: string | null;
  }
}

export const SESSION_COOKIE = 'tern_session';

/**
 * The token comes from the `tern_session` cookie (the PWA: HttpOnly, so page scripts never see it) or
 * an `Authorization: Bearer` header (replicators, relays, scripts). The header wins when both are sent.
 */
export function tokenOf(req: FastifyRequest): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return req.cookies?.[SESSION_COOKIE] ?? null;
}

/**
 * The paths whose requests carry a session: `/api/…` and the CouchDB door, `/couch` itself included
 * (PouchDB asks `GET /couch` without the slash; it answered 401 to everyone before, issue 11 item 6),
 * and a relay's status page `/relay` (relay/status-route.ts), the one page rendered on the server.
 */
export function carriesSession(url: string): boolean {
  const path = url.split('?', 1)[0]!;
  return path.startsWith('/api/') || path === '/couch' || path.startsWith('/couch/') || path === '/relay';
}

export function installSessionHook(app: FastifyInstance, sessions: Sessions, accounts: Accounts): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionState', 'none');
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('sessionDevice', null);
  app.decorateRequest('sessionRetiredIn', null);
  app.addHook('onRequest', async (req) => {
    if (!carriesSession(req.url)) return;
    const token = tokenOf(req);
    if (!token) return;
    req.sessionToken = token;
    const r = await sessions.resolve(token);
    if (r.state === 'device-retired') {
      // Ended by retiring its device (decision 221): no account behind it, and the refusal says why.
      req.sessionState = r.state;
      req.sessionDevice = r.device;
      req.sessionRetiredIn = r.mission;
      return;
    }
    if (r.state !== 'ok') {
      req.sessionState = r.state;
      return;
    }
    const account = await accounts.get(r.session.username);
    if (!account || account.disabled) {
      req.sessionState = 'unknown';
      return;
    }
    req.principal = principalOf(account);
    req.sessionState = 'ok';
    req.sessionDevice = r.session.device ?? null;
  });
}
