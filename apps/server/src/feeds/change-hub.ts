/** What the hub needs of a mission's store: one wait for "a change after `since`". */
export interface ChangeSource {
  waitForChange(since: number, ms: number, signal: AbortSignal): Promise<boolean>;
}

/** How long one store watch runs before it is renewed (while someone still waits). */
const WATCH_MS = 60_000;

interface Waiter {
  since: number;
  done(changed: boolean): void;
}

/**
 * One store watch per mission, shared by every held longpoll of that mission. Each watch is a live
 * PouchDB changes feed that adds listeners to the mission's database; one per request raised
 * MaxListenersExceeded warnings past ten feeds and cost memory per request (issue 11, item 5).
 * A wake-up means "something changed after the oldest waiter's `since`": each woken request reads
 * again and, finding nothing newer than its own `since`, waits again (changes-route.ts).
 */
export class ChangeHub {
  private readonly watches = new Map<string, MissionWatch>();

  constructor(private readonly source: (mission: string) => ChangeSource) {}

  /** True when a change after `since` may exist; false after `ms` or when `signal` aborts. */
  wait(mission: string, since: number, ms: number, signal: AbortSignal): Promise<boolean> {
    let w = this.watches.get(mission);
    if (!w) {
      const made = new MissionWatch(this.source(mission), () => {
        if (this.watches.get(mission) === made) this.watches.delete(mission);
      });
      this.watches.set(mission, made);
      w = made;
    }
    return w.wait(since, ms, signal);
  }
}

class MissionWatch {
  private readonly waiters = new Set<Waiter>();
  private watch: { from: number; ctl: AbortController } | null = null;

  constructor(
    private readonly db: ChangeSource,
    private readonly onIdle: () => void,
  ) {}

  wait(since: number, ms: number, signal: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve(false);
      const onAbort = () => waiter.done(false);
      const timer = setTimeout(onAbort, ms);
      const waiter: Waiter = {
        since,
        done: (changed) => {
          if (!this.waiters.delete(waiter)) return;
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          resolve(changed);
          if (this.waiters.size === 0) this.stop();
        },
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(waiter);
      // A waiter older than the running watch's start would miss changes in between: start earlier.
      if (!this.watch || since < this.watch.from) this.start();
    });
  }

  private start(): void {
    this.watch?.ctl.abort();
    const from = Math.min(...[...this.waiters].map((w) => w.since));
    const watch = { from, ctl: new AbortController() };
    this.watch = watch;
    const settle = (changed: boolean) => {
      if (this.watch !== watch) return; // replaced by an earlier start, or stopped
      this.watch = null;
      if (changed) for (const w of [...this.waiters]) w.done(true);
      else if (this.waiters.size > 0) this.start(); // the watch ran out with requests still held
    };
    // A failed watch wakes everyone: each request reads again and answers from the store's state.
    this.db.waitForChange(from, WATCH_MS, watch.ctl.signal).then(settle, () => settle(true));
  }

  private stop(): void {
    this.watch?.ctl.abort();
    this.watch = null;
    this.onIdle();
  }
}
