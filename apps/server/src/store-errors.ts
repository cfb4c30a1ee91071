import type { StoreError, StoreErrorCode } from '@tern/store';
import { TernError } from './errors.ts';
import type { ErrorCode } from './errors.ts';

/**
 * A store error that reached a route unhandled, as the server's own error. Routes handle the expected
 * cases themselves (an absent record is `undefined`, a stale revision is retried); what is left here is
 * what the client can still be told plainly. The CouchDB door has its own mapping (couch-errors.ts).
 */
const FROM_STORE: Record<StoreErrorCode, ErrorCode> = {
  TERN_STORE_NOT_FOUND: 'TERN_NOT_FOUND',
  TERN_STORE_CONFLICT: 'TERN_CONFLICT',
  TERN_STORE_INVALID: 'TERN_BAD_REQUEST',
  TERN_STORE_DOC_TOO_DEEP: 'TERN_DOC_TOO_LARGE',
  TERN_STORE_BAD_MISSION: 'TERN_BAD_REQUEST',
  TERN_STORE_UNAVAILABLE: 'TERN_STORE_FAILED',
};

export function ternErrorOfStore(e: StoreError): TernError {
  return new TernError(FROM_STORE[e.code], e.message);
}
