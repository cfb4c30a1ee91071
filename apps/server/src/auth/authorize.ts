import type { FastifyRequest } from 'fastify';

/**
 * The one hook point where authorisation plugs in. Every route asks it before touching data, both sync
 * doors included; the permission table itself comes with accounts (docs/security.md).
 */
export type Action =
  | 'sync.push'
  | 'sync.pull'
  | 'couch.read'
  | 'couch.write'
  | 'case.read'
  | 'case.write'
  | 'export'
  | 'conflict.resolve'
  | 'admin';

/** Throws a TernError (403) when `req` may not do `action` in `mission`; returns when it may. */
export type Authorize = (req: FastifyRequest, action: Action, mission: string | null) => void | Promise<void>;

/** Until accounts exist every request is allowed; the server logs a warning at start when this is in use. */
export const allowAll: Authorize = () => undefined;
