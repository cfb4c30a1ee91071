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

/** What LevelDB and Node say when the disk fails a write: full, over quota, read-only, broken. */
const IO_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO']);
const IO_MESSAGE = /^IO error: |no space left on device/i;

/**
 * A write the disk refused, reaching a route as the engine threw it. The store passes on errors
 * without a CouchDB status unchanged, and LevelDB's IO errors have none: without this they were
 * answered 500 "internal error" (a session, audit or bookkeeping write on a full disk; found by the
 * fault campaign, `npm run soak -- --seed 2`). It is the store's trouble, not a bug: 503 with the cause.
 */
export function ternErrorOfDisk(e: unknown): TernError | null {
  const x = e as { code?: unknown; message?: unknown } | null;
  const message = typeof x?.message === 'string' ? x.message : '';
  if (!(typeof x?.code === 'string' && IO_CODES.has(x.code)) && !IO_MESSAGE.test(message)) return null;
  return new TernError('TERN_STORE_FAILED', `The store could not complete the write: ${message}`);
}
