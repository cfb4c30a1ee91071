import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.ts';

describe('LoginThrottle', () => {
  const opts = { free: 2, maxDelayMs: 4000, forgetMs: 60_000, maxTracked: 3 };

  it('doubles the wait past the free attempts, up to the cap, and forgets after a quiet hour', () => {
    let now = 0;
    const t = new LoginThrottle(opts, () => now);
    expect(t.attempt('a')).toEqual({ ok: true });
    expect(t.attempt('a')).toEqual({ ok: true });
    expect(t.attempt('a')).toEqual({ ok: false, retryAfterMs: 1000 });
    const waits = [];
    for (let i = 0; i < 4; i++) {
      const d = t.attempt('a');
      if (!d.ok) {
        waits.push(d.retryAfterMs);
        now += d.retryAfterMs;
      }
      expect(t.attempt('a')).toEqual({ ok: true });
    }
    expect(waits).toEqual([1000, 2000, 4000, 4000]);
    now += 60_001;
    expect(t.attempt('a')).toEqual({ ok: true });
  });

  it('tracks a bounded number of names, dropping the least recently tried', () => {
    const t = new LoginThrottle(opts, () => 0);
    for (const n of ['a', 'a', 'b', 'c', 'd']) t.attempt(n);
    expect(t.attempt('a')).toEqual({ ok: true }); // 'a' was dropped, so it starts again
  });

  it('recognises only its own known-device mark for the same account', () => {
    const t = new LoginThrottle(opts, () => 0);
    const other = new LoginThrottle(opts, () => 0);
    const cookies = { [t.cookieName('a')]: t.cookieValue('a') };
    expect(t.isKnownDevice('a', cookies)).toBe(true);
    expect(t.isKnownDevice('b', { [t.cookieName('b')]: t.cookieValue('a') })).toBe(false);
    expect(other.isKnownDevice('a', cookies)).toBe(false);
  });
});
