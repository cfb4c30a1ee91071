/** The codes of @tern/store. Every code is listed in docs/errors.md ("Store errors"); a test checks. */
export const STORE_ERROR_CODES = [
  'TERN_STORE_BAD_MISSION',
  'TERN_STORE_UNAVAILABLE',
  'TERN_STORE_NOT_FOUND',
  'TERN_STORE_CONFLICT',
  'TERN_STORE_INVALID',
  'TERN_STORE_DOC_TOO_DEEP',
] as const;

export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/**
 * Error catalogue of @tern/store: the only errors its interfaces throw, whatever engine is behind them
 * (PouchDB on LevelDB or in memory today, a CouchDB cluster later). `reason` is CouchDB's short word for
 * the same failure (`missing`, `deleted`, `Document update conflict.`), for the CouchDB door, which must
 * answer in CouchDB's shape.
 */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly reason?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

export const isStoreError = (e: unknown, code?: StoreErrorCode): e is StoreError =>
  e instanceof StoreError && (code === undefined || e.code === code);
