import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Slowing per account, on top of the per-address login limit (issue 11, item 6: 30 guesses from 30
 * addresses were all answered). The first `free` attempts at an account pass; each later attempt must
 * wait twice as long as the one before (1 s, 2 s, 4 s …) up to `maxDelayMs`. An attempt is counted when
 * it STARTS, so guesses sent all at once cannot slip past the count while the password is hashed.
 * A success clears the count; so does `forgetMs` without an attempt.
 *
 * Never a lock that an attacker can hold forever against the real user:
 * - the wait is capped (15 minutes by default), and
 * - a browser that has logged in to the account before carries a "known device" cookie (HMAC of the
 *   username under a key of this process) and is not slowed at all, only bound by the per-address
 *   limit. This is OWASP's "device cookie" answer to lockout (Slow Down Online Guessing Attacks with
 *   Device Cookies). docs/decisions/093-server-hardening.md.
 *
 * Unknown names are counted exactly like real ones, so the answer does not reveal which exist.
 *
 * The counts are per process (decision 173): behind a load balancer with N processes a guesser gets at
 * most N times the attempts before each wait, i.e. log2(N) fewer doublings; the waits still double.
 */
export interface LoginThrottleOptions {
  free: number;
  maxDelayMs: number;
  forgetMs: number;
  /** Accounts tracked at once; the oldest entry is dropped past this (bounded memory). */
  maxTracked: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = {
  free: 5,
  maxDelayMs: 15 * 60_000,
  forgetMs: 60 * 60_000,
  maxTracked: 10_000,
};

interface Entry {
  attempts: number;
  lastAt: number;
  nextAt: number;
}

export type ThrottleDecision = { ok: true } | { ok: false; retryAfterMs: number };

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  /**
   * The known-device cookie's key. Several processes on one store share one (shared-state.ts), so a
   * cookie set by one is honoured by all; alone, a process may keep a key of its own.
   */
  private readonly key: Uint8Array;

  constructor(
    private readonly opts: LoginThrottleOptions,
    private readonly now: () => number,
    key?: Uint8Array,
  ) {
    this.key = key ?? new Uint8Array(randomBytes(32));
  }

  /** Reserve an attempt at `username`, or say how long to wait. Synchronous: check and count are one step. */
  attempt(username: string): ThrottleDecision {
    const t = this.now();
    let e = this.entries.get(username);
    if (e && t - e.lastAt > this.opts.forgetMs) {
      this.entries.delete(username);
      e = undefined;
    }
    if (e && e.attempts >= this.opts.free && t < e.nextAt) return { ok: false, retryAfterMs: e.nextAt - t };
    const attempts = (e?.attempts ?? 0) + 1;
    const over = attempts - this.opts.free;
    const delay = over < 0 ? 0 : Math.min(1000 * 2 ** Math.min(over, 30), this.opts.maxDelayMs);
    // Re-inserted so the Map's order is "least recently tried first" for the size bound.
    this.entries.delete(username);
    this.entries.set(username, { attempts, lastAt: t, nextAt: t + delay });
    if (this.entries.size > this.opts.maxTracked) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return { ok: true };
  }

  succeeded(username: string): void {
    this.entries.delete(username);
  }

  /** Cookie name for one account's known-device mark (several accounts share field tablets). */
  cookieName(username: string): string {
    return `tern_known_${createHash('sha256').update(username).digest('hex').slice(0, 16)}`;
  }

  cookieValue(username: string): string {
    return createHmac('sha256', this.key).update(`known-device:${username}`).digest('base64url');
  }

  isKnownDevice(username: string, cookies: Record<string, string | undefined> | undefined): boolean {
    const got = cookies?.[this.cookieName(username)];
    if (!got) return false;
    const want = new Uint8Array(Buffer.from(this.cookieValue(username)));
    const have = new Uint8Array(Buffer.from(got));
    return have.length === want.length && timingSafeEqual(have, want);
  }
}
