import type { CompiledForm, FieldInfo } from './compile-form.ts';

/**
 * What one answer can change elsewhere in a form, from the references in its expressions and texts
 * (decision 225). A form renderer uses it to do, on a keystroke, only the work that keystroke can
 * matter to: evaluate the form again only when some relevance, calculation or repeat count reads
 * the answer (directly or through other calculations and relevances, and through the nodes inside a
 * group or repeat whose relevance may change), and refresh only the nodes that show one of them.
 */
export interface ChangeReach {
  /**
   * Names other than the changed one whose relevance, calculated value or number of repeat entries
   * may change. Empty: evaluating the form again would give the same state with that one answer set.
   */
  readonly evaluated: ReadonlySet<string>;
  /**
   * Names whose display may change: the changed one, `evaluated`, and every node whose constraint,
   * choice filter or `${name}` texts read any of them.
   */
  readonly shown: ReadonlySet<string>;
}

interface Readers {
  /** name → nodes whose relevance, calculation or repeat count (or parent's relevance) reads it. */
  evaluation: Map<string, FieldInfo[]>;
  /** name → nodes that read it anywhere (constraint, choice filter, texts included). */
  any: Map<string, FieldInfo[]>;
  /** Some relevance, calculation or count reads the clock or chance: any change may change it. */
  volatile: boolean;
  reach: Map<string, ChangeReach>;
}

const cache = new WeakMap<CompiledForm, Readers>();

function readersOf(compiled: CompiledForm): Readers {
  const hit = cache.get(compiled);
  if (hit) return hit;
  const evaluation = new Map<string, FieldInfo[]>();
  const any = new Map<string, FieldInfo[]>();
  const add = (m: Map<string, FieldInfo[]>, name: string, f: FieldInfo) => {
    const list = m.get(name);
    if (list) list.push(f);
    else m.set(name, [f]);
  };
  let volatile = false;
  for (const f of compiled.fields) {
    if (f.volatile) volatile = true;
    // `deps`: the parent and the names read by relevance and calculation. A repeat count reads
    // names too; they are among `reads` (with the repeat's texts, counted here as well: a few more
    // evaluations, never one missed).
    const evaluated = new Set(f.deps);
    if (f.count) for (const r of f.reads) evaluated.add(r);
    for (const name of evaluated) add(evaluation, name, f);
    for (const name of new Set([...f.deps, ...f.reads])) add(any, name, f);
  }
  const readers: Readers = { evaluation, any, volatile, reach: new Map() };
  cache.set(compiled, readers);
  return readers;
}

/**
 * The reach of a change to `name` (a question, or a repeat whose entries were added or removed).
 * Null when the form has a relevance, calculation or count that reads the clock or chance, which
 * full evaluation recomputes on every change: then everything must be evaluated and refreshed.
 */
export function changeReach(compiled: CompiledForm, name: string): ChangeReach | null {
  const readers = readersOf(compiled);
  if (readers.volatile) return null;
  const hit = readers.reach.get(name);
  if (hit) return hit;
  const evaluated = new Set<string>();
  const queue = [name];
  while (queue.length > 0) {
    const n = queue.pop()!;
    for (const f of readers.evaluation.get(n) ?? []) {
      if (f.name === name || evaluated.has(f.name)) continue;
      evaluated.add(f.name);
      queue.push(f.name);
    }
  }
  const shown = new Set<string>([name, ...evaluated]);
  for (const n of [name, ...evaluated]) for (const f of readers.any.get(n) ?? []) shown.add(f.name);
  const reach: ChangeReach = { evaluated, shown };
  readers.reach.set(name, reach);
  return reach;
}
