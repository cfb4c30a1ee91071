import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TernError } from '../errors.ts';
import { carriesSession } from './session-hook.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Is `origin` (an Origin header) the site this request was addressed to, by host and port? */
export function sameSite(origin: string, req: FastifyRequest): boolean {
  try {
    const o = new URL(origin);
    // The Host header read with the origin's scheme, so default ports compare equal (:443 and none).
    const h = new URL(`${o.protocol}//${req.host}`);
    return o.host === h.host;
  } catch {
    return false; // "null", garbage, or a Host header that is not a host
  }
}

/**
 * Cross-site request forgery, second line (the session cookie is SameSite=Strict, the first):
 * a state-changing request to /api or /couch that carries an Origin header must come from this site
 * or from one listed in `allowedOrigins` (e.g. a separately hosted web app). Browsers send Origin on
 * every cross-site POST; replicators, relays and scripts send none and are not affected. Issue 11,
 * item 6. The body's media type is the other half: only JSON parsers are installed (app.ts), so a
 * `text/plain` form post gets 415 before any handler runs.
 */
export function installOriginGuard(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowed = new Set(allowedOrigins.map((o) => o.toLowerCase().replace(/\/+$/, '')));
  app.addHook('onRequest', async (req) => {
    if (!STATE_CHANGING.has(req.method) || !carriesSession(req.url)) return;
    const origin = req.headers.origin;
    if (origin === undefined) return;
    if (sameSite(origin, req) || allowed.has(origin.toLowerCase())) return;
    req.log.warn({ url: req.url.split('?', 1)[0], method: req.method }, 'cross-site request refused');
    throw new TernError(
      'TERN_ORIGIN_REFUSED',
      `${req.method} from another site (${origin}) is refused: use Tern from its own address`,
    );
  });
}
