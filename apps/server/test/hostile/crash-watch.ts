/**
 * Uncaught exceptions and unhandled rejections while the suite runs are findings, not test-runner noise:
 * on a real server either one ends the process (the 6,000-level `_local` body on main). The watch takes
 * over both events for the duration of the suite, records what arrives, and gives the runner its
 * listeners back afterwards.
 */
export class CrashWatch {
  readonly seen: string[] = [];
  private saved: Array<[string, NodeJS.UncaughtExceptionListener[]]> = [];
  private readonly onError = (e: unknown) => {
    this.seen.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  };

  start(): void {
    for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
      this.saved.push([event, process.listeners(event as 'uncaughtException')]);
      process.removeAllListeners(event);
      process.on(event as 'uncaughtException', this.onError);
    }
  }

  stop(): void {
    for (const [event, listeners] of this.saved) {
      process.removeListener(event, this.onError);
      for (const l of listeners) process.on(event as 'uncaughtException', l);
    }
    this.saved = [];
  }

  /** What arrived since the mark. */
  since(mark: number): string[] {
    return this.seen.slice(mark);
  }
}
