import { StoreError } from './errors.ts';

/**
 * PouchDB's errors turned into the store's own, at the boundary, so no caller ever tests a PouchDB
 * `status` or `name`. PouchDB errors carry CouchDB's status and short reason
 * (https://docs.couchdb.org/en/stable/api/basics.html#http-status-codes). Anything without a status is
 * not PouchDB's (a bug of ours): it goes through unchanged, to be logged as one.
 */
export function storeErrorOf(e: unknown, what: string): unknown {
  if (e instanceof StoreError) return e;
  const p = e as { status?: unknown; name?: unknown; message?: unknown; reason?: unknown; code?: unknown };
  // PouchDB's HTTP adapter (a store behind TERN_STORE_URL) lets node-fetch's network errors through.
  if (p.name === 'FetchError' && typeof p.message === 'string') {
    const said = p.message.replace(/\/\/[^/@\s]*@/g, '//'); // never a password, should one be in a URL
    return new StoreError(
      'TERN_STORE_UNAVAILABLE',
      `${what}: the store cannot be reached (${said})`,
      'unreachable',
      {
        cause: e,
      },
    );
  }
  if (typeof p.status !== 'number') return e;
  const reason = typeof p.message === 'string' && p.message !== '' ? p.message : String(p.name);
  switch (p.status) {
    case 404:
      return new StoreError('TERN_STORE_NOT_FOUND', `${what}: not found (${reason})`, reason, { cause: e });
    case 409:
      return new StoreError(
        'TERN_STORE_CONFLICT',
        `${what}: the revision given is not the current one`,
        'Document update conflict.',
        {
          cause: e,
        },
      );
    case 400:
    case 412:
      return new StoreError('TERN_STORE_INVALID', `${what}: ${reason}`, reason, { cause: e });
    default:
      return new StoreError('TERN_STORE_UNAVAILABLE', `${what}: the store failed (${reason})`, reason, {
        cause: e,
      });
  }
}

/** Await a PouchDB call and translate what it throws. */
export async function translated<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw storeErrorOf(e, what);
  }
}
