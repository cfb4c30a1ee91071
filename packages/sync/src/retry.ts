/**
 * Retry with exponential backoff and full jitter, for round trips over bad links.
 * Only errors the caller marks as transient are retried; everything else surfaces at once.
 */
export interface RetryOptions {
  retries: number;
  baseMs: number;
  maxMs: number;
  isTransient: (e: unknown) => boolean;
  onRetry?: (attempt: number, delayMs: number, e: unknown) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions): Promise<T> {
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= opts.retries || !opts.isTransient(e)) throw e;
      const delay = Math.round(random() * Math.min(opts.maxMs, opts.baseMs * 2 ** attempt));
      opts.onRetry?.(attempt + 1, delay, e);
      await sleep(delay);
    }
  }
}
