import type { Answers } from '@tern/forms';
import type { Scope } from './answer-path.ts';

/**
 * Finds repeat instances by their `_id` in the answers, never by position: removing one instance
 * leaves the others' fields (and their subscriptions) alone. Index maps are cached per items array
 * (answers are replaced, not mutated, so a cached array never changes).
 */
export class InstanceLocator {
  private readonly indexOf = new WeakMap<readonly unknown[], Map<string, number>>();

  constructor(private readonly answers: () => Answers) {}

  /** Read from `root`, locating instances by id in the entered answers (the evaluated copy keeps their order). */
  readFrom(root: Answers, scope: Scope, name: string): unknown {
    let rec: Answers | undefined = root;
    let raw: Answers = this.answers();
    for (const step of scope) {
      const items = raw[step.repeat];
      if (!Array.isArray(items)) return undefined;
      const i = this.indexIn(items, step.id);
      if (i === undefined) return undefined;
      raw = items[i] as Answers;
      const evaluated: unknown = rec?.[step.repeat];
      rec = Array.isArray(evaluated) ? (evaluated[i] as Answers | undefined) : undefined;
    }
    return rec?.[name];
  }

  record(scope: Scope): Answers | null {
    let rec: Answers = this.answers();
    for (const step of scope) {
      const items = rec[step.repeat];
      if (!Array.isArray(items)) return null;
      const i = this.indexIn(items, step.id);
      if (i === undefined) return null;
      rec = items[i] as Answers;
    }
    return rec;
  }

  /** The (repeat, index) steps of a scope in the current answers, or null when an instance is gone. */
  recordPath(scope: Scope): Array<{ repeat: string; index: number }> | null {
    const out: Array<{ repeat: string; index: number }> = [];
    let rec: Answers = this.answers();
    for (const step of scope) {
      const items = rec[step.repeat];
      if (!Array.isArray(items)) return null;
      const i = this.indexIn(items, step.id);
      if (i === undefined) return null;
      out.push({ repeat: step.repeat, index: i });
      rec = items[i] as Answers;
    }
    return out;
  }

  frame(
    scope: Scope,
    root: Answers,
  ): { records: Array<Record<string, unknown>>; positions: number[] } | null {
    const path = this.recordPath(scope);
    if (!path) return null;
    const records: Array<Record<string, unknown>> = [root];
    const positions: number[] = [];
    let rec = root;
    for (const step of path) {
      const items = rec[step.repeat];
      if (!Array.isArray(items)) return null;
      rec = items[step.index] as Answers;
      records.push(rec);
      positions.push(step.index + 1);
    }
    return { records, positions };
  }

  instanceOrder(scope: Scope): number {
    const path = this.recordPath(scope);
    return path ? path.reduce((acc, s) => acc * 1000 + s.index, 0) : 0;
  }

  indexIn(items: readonly unknown[], id: string): number | undefined {
    let m = this.indexOf.get(items);
    if (!m) {
      m = new Map();
      items.forEach((it, i) => m!.set(String((it as { _id?: unknown })?._id), i));
      this.indexOf.set(items, m);
    }
    return m.get(id);
  }
}
