import { describe, expect, it } from 'vitest';
import { SyncHttpError, isTransient } from './round-trip-error.ts';
import { withRetry } from './retry.ts';

describe('withRetry', () => {
  const fast = { baseMs: 100, maxMs: 1000, sleep: async () => undefined, random: () => 1 };

  it('retries transient failures with growing, capped delays, then succeeds', async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls < 5) throw new TypeError('fetch failed');
        return 'ok';
      },
      { ...fast, retries: 5, isTransient, onRetry: (_a, d) => delays.push(d) },
    );
    expect(result).toBe('ok');
    expect(delays).toEqual([100, 200, 400, 800]);
  });

  it('gives up after the allowed retries with the last error', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw new SyncHttpError(503, 'TERN_STORE_FAILED', 'busy');
        },
        { ...fast, retries: 2, isTransient },
      ),
    ).rejects.toThrow('busy');
    expect(calls).toBe(3);
  });

  it('does not retry a final error such as 400 or 403', async () => {
    for (const status of [400, 403, 404, 413, 422]) {
      let calls = 0;
      await expect(
        withRetry(
          async () => {
            calls += 1;
            throw new SyncHttpError(status, 'X', 'no');
          },
          { ...fast, retries: 5, isTransient },
        ),
      ).rejects.toThrow('no');
      expect(calls, String(status)).toBe(1);
    }
  });

  it('classifies transient errors', () => {
    expect(isTransient(new TypeError('fetch failed'))).toBe(true);
    expect(isTransient(Object.assign(new Error('t'), { name: 'TimeoutError' }))).toBe(true);
    expect(isTransient(new SyncHttpError(429, 'x', 'slow down'))).toBe(true);
    expect(isTransient(new SyncHttpError(500, 'x', 'boom'))).toBe(true);
    expect(isTransient(new SyncHttpError(501, 'x', 'nope'))).toBe(false);
    expect(isTransient(new Error('parse'))).toBe(false);
  });
});
