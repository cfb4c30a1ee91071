/**
 * How many change feeds (longpoll requests) may be held open at once: per account and in total.
 * Issue 11, item 5: 2,000 longpolls from one account held 2,000 sockets, timers and store listeners,
 * slowed `/api/health` to 17 s and doubled the memory. A held feed costs little alone; the caps make
 * the sum bounded. Defaults: docs/operator-guide.md ("Change feeds").
 */
export interface FeedLimits {
  /** Open feeds per account, whatever the number of its sessions (sessions are cheap to make). */
  perAccount: number;
  /** Open feeds in the whole process. */
  total: number;
  /** Seconds a refused client is told to wait (`Retry-After`). */
  retryAfterSeconds: number;
}

export const DEFAULT_FEED_LIMITS: FeedLimits = { perAccount: 8, total: 200, retryAfterSeconds: 10 };

/** A held feed: wait on `signal` (raised at shutdown) and call `leave()` exactly once when done. */
export interface FeedTicket {
  signal: AbortSignal;
  leave(): void;
}

export type FeedRefusal = { refused: 'account' | 'total'; limit: number; retryAfterSeconds: number };

/**
 * Counts open feeds and hands each its own AbortController. Shutdown aborts them one by one from a
 * Set, instead of every request adding a listener to one shared signal (which raised
 * MaxListenersExceeded warnings under load and kept a closure per request on that signal).
 */
export class FeedGate {
  private readonly byAccount = new Map<string, number>();
  private readonly open = new Set<AbortController>();
  private closed = false;

  constructor(readonly limits: FeedLimits = DEFAULT_FEED_LIMITS) {}

  get size(): number {
    return this.open.size;
  }

  enter(account: string): FeedTicket | FeedRefusal {
    const retryAfterSeconds = this.limits.retryAfterSeconds;
    const mine = this.byAccount.get(account) ?? 0;
    if (mine >= this.limits.perAccount)
      return { refused: 'account', limit: this.limits.perAccount, retryAfterSeconds };
    if (this.open.size >= this.limits.total)
      return { refused: 'total', limit: this.limits.total, retryAfterSeconds };
    const ctl = new AbortController();
    if (this.closed) ctl.abort();
    this.open.add(ctl);
    this.byAccount.set(account, mine + 1);
    let left = false;
    return {
      signal: ctl.signal,
      leave: () => {
        if (left) return;
        left = true;
        this.open.delete(ctl);
        const n = (this.byAccount.get(account) ?? 1) - 1;
        if (n <= 0) this.byAccount.delete(account);
        else this.byAccount.set(account, n);
      },
    };
  }

  /** Shutdown: every held feed answers now, and feeds opened later answer at once. */
  closeAll(): void {
    this.closed = true;
    for (const ctl of this.open) ctl.abort();
  }
}

export const isRefusal = (t: FeedTicket | FeedRefusal): t is FeedRefusal => 'refused' in t;

/** The words of a refusal, for both error shapes. */
export function refusalMessage(r: FeedRefusal): string {
  return r.refused === 'account'
    ? `This account already holds ${r.limit} open change feeds; close one or retry in ${r.retryAfterSeconds} s`
    : `The server holds its maximum of ${r.limit} open change feeds; retry in ${r.retryAfterSeconds} s`;
}
