/**
 * Runs a task once a run of changes pauses: each `poke` moves the due time on, without a new timer per
 * keystroke (a timer that fires early waits the rest). The answer store validates this way.
 */
export class PauseTimer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private due = 0;

  constructor(
    private readonly task: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The task runs `delayMs` after the last poke. */
  poke(delayMs: number): void {
    this.due = this.now() + delayMs;
    if (!this.timer) this.arm(delayMs);
  }

  /** Whatever was pending will not run (the task runs now some other way, or the store is gone). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => {
      const rest = this.due - this.now();
      if (rest > 0) this.arm(rest);
      else {
        this.timer = null;
        this.task();
      }
    }, ms);
  }
}
