import { TernError } from '../errors.ts';

/**
 * Research queries per researcher per UTC day (docs/research-privacy.md, "tracker queries"): the
 * disclosure control answers the same cell the same way every time, but an attacker with unlimited
 * distinct queries can still average out noise across different cells (Dinur and Nissim); a budget
 * bounds what one account can try. Counted in memory per server process: a restart starts the day's
 * count again, and several processes behind a load balancer each count their own.
 */
export class QueryBudget {
  private readonly used = new Map<string, { day: string; n: number }>();

  constructor(
    readonly perDay: number,
    private readonly now: () => number,
  ) {}

  /**
   * Count one query of `username`, or refuse with 429 TERN_RESEARCH_BUDGET_EXCEEDED. `first` in the
   * refusal's details is true only for the first refusal of the day (the one worth auditing).
   */
  take(username: string): void {
    const at = new Date(this.now());
    const day = at.toISOString().slice(0, 10);
    const u = this.used.get(username);
    const entry = u && u.day === day ? u : { day, n: 0 };
    entry.n += 1;
    this.used.set(username, entry);
    if (entry.n <= this.perDay) return;
    const reset = new Date(`${day}T00:00:00.000Z`).getTime() + 24 * 3600 * 1000;
    throw new TernError(
      'TERN_RESEARCH_BUDGET_EXCEEDED',
      `${username} has used today's ${this.perDay} research queries; the budget renews at ${new Date(reset).toISOString()}`,
      {
        perDay: this.perDay,
        resetsAt: new Date(reset).toISOString(),
        retryAfterSeconds: Math.ceil((reset - at.getTime()) / 1000),
        first: entry.n === this.perDay + 1,
      },
    );
  }
}
