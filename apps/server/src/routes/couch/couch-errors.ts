import { TernError } from '../../errors.ts';

/**
 * The CouchDB door answers errors the way CouchDB does, `{error, reason}`, because replicators read
 * `error` (PouchDB turns `forbidden`/`unauthorized` into a `denied` event, `conflict` into a 409) and
 * not Tern's codes. Every `error` here is listed in docs/errors.md (a test checks that).
 * https://docs.couchdb.org/en/stable/api/basics.html#http-status-codes
 */
export const COUCH_ERRORS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  file_exists: 412,
  too_large: 413,
  bad_content_type: 415,
  // Cloudant's name for 429; Tern answers it when a longpoll would pass the feed caps (feed-gate.ts).
  too_many_requests: 429,
  unknown_error: 500,
  service_unavailable: 503,
} as const;

export type CouchErrorName = keyof typeof COUCH_ERRORS;

export class CouchError extends Error {
  readonly status: number;
  constructor(
    readonly error: CouchErrorName,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'CouchError';
    this.status = COUCH_ERRORS[error];
  }
}

const BY_STATUS: Record<number, CouchErrorName> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  412: 'file_exists',
  413: 'too_large',
  415: 'bad_content_type',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/**
 * Turn anything thrown behind the door into a CouchDB error, or null for a bug (answered 500 and
 * logged). Order matters: Tern errors (authorisation) and Fastify errors (body parsing) carry a status
 * of their own; PouchDB errors carry CouchDB's own `name` and `status` already.
 */
export function toCouchError(err: unknown): CouchError | null {
  if (err instanceof CouchError) return err;
  if (err instanceof TernError) return new CouchError(BY_STATUS[err.status] ?? 'unknown_error', err.message);
  const e = err as { statusCode?: number; status?: number; name?: string; message?: string };
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new CouchError(BY_STATUS[e.statusCode] ?? 'bad_request', e.message ?? 'Bad request');
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500 && typeof e.name === 'string') {
    const name = e.name in COUCH_ERRORS ? (e.name as CouchErrorName) : (BY_STATUS[e.status] ?? 'bad_request');
    return new CouchError(name, e.message ?? name);
  }
  return null;
}
