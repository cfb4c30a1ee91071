/**
 * What a failed round trip to the server is, and whether it is worth trying again. Transports
 * (fetch-remote.ts, or any other SyncRemote) throw these; the replicator only classifies them, so the
 * sync core depends on this file and never on a transport (issue 10: it used to import the HTTP
 * transport for `isTransient`, a cycle through the core).
 */

/** A failed round trip, with what the UI needs to explain it and the replicator to decide a retry. */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}

/**
 * Whether a failure is worth retrying: the network dropped (fetch's TypeError), the request timed out,
 * or the server said it is busy or broken for now. A 4xx is final: the same request fails the same way.
 */
export function isTransient(e: unknown): boolean {
  if (e instanceof SyncHttpError)
    return e.status === 408 || e.status === 429 || (e.status >= 500 && e.status !== 501);
  if (e instanceof TypeError) return true;
  const name = (e as { name?: string } | null)?.name;
  return name === 'AbortError' || name === 'TimeoutError';
}
