import { catchUp } from '@tern/research';
import type { AnalyticsStore, ChangeSource, ResearchKeys } from '@tern/research';

export interface FeederOptions {
  store: AnalyticsStore;
  keys: ResearchKeys;
  /** A mission's changes feed (a `MissionDb`). */
  source: (mission: string) => ChangeSource;
  /** Every mission that exists now. */
  missions: () => Promise<string[]>;
  /** Quiet time after a write before the catch-up runs (writes of one sync come in several batches). */
  debounceMs?: number;
  /** The longest a nudged mission waits while writes keep coming: the lag bound's main term. */
  maxWaitMs?: number;
  onError?: (mission: string, err: unknown) => void;
}

/**
 * Keeps the analytics store caught up with every mission's changes feed (decision 104): all missions at
 * start, then a mission shortly after each write to it (`nudge`, called by the store wrapper in
 * write-signal.ts). Catch-ups run one at a time; a nudge during one is picked up right after it, so a
 * write is counted within `maxWaitMs` plus one catch-up (about 1 s after a sync, well inside the
 * issue's 5 s). A failed catch-up is logged and retried on the next nudge; the store's checkpoint makes
 * a retry resume where the failure stopped.
 */
export class AnalyticsFeeder {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private firstNudge = 0;
  private running: Promise<void> | null = null;
  private closed = false;
  /** The mission list being read by catchUpAll (its catch-ups are not pending yet). */
  private listing: Promise<void> = Promise.resolve();
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;

  constructor(private readonly o: FeederOptions) {
    this.debounceMs = o.debounceMs ?? 250;
    this.maxWaitMs = o.maxWaitMs ?? 2000;
  }

  get store(): AnalyticsStore {
    return this.o.store;
  }

  /** Catch up with every mission now (start-up, after a rebuild). */
  async catchUpAll(): Promise<void> {
    const listed = this.o.missions().then((missions) => {
      for (const m of missions) this.pending.add(m);
      this.run();
    });
    this.listing = listed.catch(() => undefined);
    await listed;
    await this.settled();
  }

  /** A mission was written to: catch up with it soon. */
  nudge(mission: string): void {
    if (this.closed) return;
    const now = Date.now();
    if (this.pending.size === 0 || this.timer === null) this.firstNudge = now;
    this.pending.add(mission);
    if (this.running) return; // picked up when the running catch-up ends
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstNudge + this.maxWaitMs - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, wait);
  }

  /** Resolves when no catch-up runs or waits (tests, the rebuild command, shutdown). */
  async settled(): Promise<void> {
    await this.listing;
    for (let i = 0; i < 1000 && (this.running || this.timer); i++) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
        this.run();
      }
      await this.running;
    }
  }

  /** Empty the store and catch up with every mission from the start. */
  async rebuild(): Promise<void> {
    await this.settled();
    await this.o.store.reset();
    await this.catchUpAll();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.pending.clear();
    await this.settled();
    await this.o.store.close();
  }

  private run(): void {
    if (this.running || this.closed) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      // Writes that came during the catch-up: their own round, without a new quiet period.
      if (this.pending.size > 0 && !this.closed) this.run();
    });
  }

  private async drain(): Promise<void> {
    const missions = [...this.pending].sort();
    this.pending.clear();
    for (const m of missions) {
      if (this.closed) return;
      try {
        await catchUp(this.o.store, this.o.source(m), this.o.keys);
      } catch (e) {
        this.o.onError?.(m, e);
      }
    }
  }
}
