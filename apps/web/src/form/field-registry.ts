import { sameIds, sameOutputs } from './field-snapshot.ts';
import type { Entry, FieldFrame, FieldSnapshot } from './field-snapshot.ts';

/**
 * The fields an AnswerStore has handed out, by key and by node name, and their snapshots: after a
 * change the store refreshes only the names the change can reach (decision 225), or all of them.
 */
export class FieldRegistry {
  readonly byKey = new Map<string, Entry>();
  /** The entries of each node name, in every scope (a change refreshes those its reach names). */
  private readonly byName = new Map<string, Set<Entry>>();

  constructor(private readonly snapshotOf: (e: Entry) => FieldSnapshot) {}

  add(entry: Entry): void {
    this.byKey.set(entry.key, entry);
    let same = this.byName.get(entry.info.name);
    if (!same) this.byName.set(entry.info.name, (same = new Set()));
    same.add(entry);
  }

  /** Forget the fields whose key starts with `prefix` (a repeat entry removed). */
  removeUnder(prefix: string): void {
    for (const [k, e] of this.byKey)
      if (k.startsWith(prefix)) {
        this.byKey.delete(k);
        this.byName.get(e.info.name)?.delete(e);
      }
  }

  /**
   * Recompute the snapshot of the mounted fields named in `names` (every mounted field: null); notify
   * those that changed. Of the name `only`, just `entry` is refreshed (the field typed in: the same
   * question in other repeat entries did not change). Unmounted fields are refreshed when next read.
   */
  notify(names: ReadonlySet<string> | null, only?: string, entry?: Entry): void {
    const changed: Entry[] = [];
    const check = (e: Entry) => {
      if (e.listeners.size === 0) return;
      const prev = e.snap;
      if (this.refresh(e) !== prev) changed.push(e);
    };
    if (names === null) for (const e of this.byKey.values()) check(e);
    else
      for (const n of names) {
        if (n === only) {
          if (entry) check(entry);
        } else for (const e of this.byName.get(n) ?? []) check(e);
      }
    for (const e of changed) for (const l of e.listeners) l();
  }

  /** The entry's snapshot, replaced only when something in it changed (React compares by identity). */
  refresh(e: Entry): FieldSnapshot {
    const next = this.snapshotOf(e);
    const prev = e.snap;
    const frameChanged =
      next.relevant !== prev.relevant ||
      next.error !== prev.error ||
      !sameIds(next.ids, prev.ids) ||
      !sameOutputs(next.outputs, prev.outputs) ||
      next.offered !== prev.offered;
    if (frameChanged || next.value !== prev.value) e.snap = next;
    if (frameChanged) e.frame = frameOf(next);
    return e.snap;
  }
}

/** A snapshot without its value (what a frame re-renders for). */
export function frameOf(s: FieldSnapshot): FieldFrame {
  return { relevant: s.relevant, error: s.error, ids: s.ids, outputs: s.outputs, offered: s.offered };
}
