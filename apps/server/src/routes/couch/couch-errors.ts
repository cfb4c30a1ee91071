import { StoreError } from '@tern/store';
import type { StoreErrorCode } from '@tern/store';
import { TernError } from '../../errors.ts';
import { ternErrorOfDisk } from '../../store-errors.ts';

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
 * The store's errors in CouchDB's words. `reason` is the store's CouchDB reason when it has one
 * (`missing`, `deleted`), so a replicator reads exactly what CouchDB would send.
 */
const FROM_STORE: Record<StoreErrorCode, CouchErrorName> = {
  TERN_STORE_NOT_FOUND: 'not_found',
  TERN_STORE_CONFLICT: 'conflict',
  TERN_STORE_INVALID: 'bad_request',
  TERN_STORE_DOC_TOO_DEEP: 'bad_request',
  TERN_STORE_BAD_MISSION: 'not_found',
  TERN_STORE_UNAVAILABLE: 'service_unavailable',
};

function fromStore(e: StoreError): CouchError {
  const name = FROM_STORE[e.code];
  const reason = name === 'not_found' || name === 'conflict' ? (e.reason ?? e.message) : e.message;
  return new CouchError(name, reason);
}

/**
 * Turn anything thrown behind the door into a CouchDB error, or null for a bug (answered 500 and
 * logged). Tern errors (authorisation) and Fastify errors (body parsing) carry a status of their own;
 * the store throws StoreErrors only.
 */
export function toCouchError(err: unknown): CouchError | null {
  if (err instanceof CouchError) return err;
  if (err instanceof TernError) {
    // A retired device's session (decision 221) is told why in Tern's code too: `forbidden` alone reads
    // as a permission a user could be given, and a replicator should stop, not ask for it.
    const reason = err.code === 'TERN_DEVICE_RETIRED' ? `${err.code}: ${err.message}` : err.message;
    return new CouchError(BY_STATUS[err.status] ?? 'unknown_error', reason);
  }
  if (err instanceof StoreError) return fromStore(err);
  const disk = ternErrorOfDisk(err);
  if (disk) return new CouchError('service_unavailable', disk.message);
  const e = err as { statusCode?: number; message?: string };
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new CouchError(BY_STATUS[e.statusCode] ?? 'bad_request', e.message ?? 'Bad request');
  }
  return null;
}
