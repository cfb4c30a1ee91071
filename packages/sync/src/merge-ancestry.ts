import { parseRev, revsFromHistory } from './rev-id.ts';
import type { Revisions } from './types.ts';

/**
 * A parent that a revision's `_revisions` history does not show. A merged (or resolved) revision is a
 * child of the winning leaf in the rev tree, but it also contains the losing leaf it closed: for a later
 * three-way merge it has two parents, like a merge commit in git. Without this edge, an edit made on the
 * losing leaf after the merge is compared with the merge against the old common ancestor, and a field
 * the merge took from that leaf clashes with itself (issue 12, decision 096).
 */
export interface MergeEdge {
  /** The revision written by the merge or the resolution. */
  rev: string;
  /** One of the branches it was made from. */
  parent: string;
}

const gen = (rev: string) => parseRev(rev).gen;

/** Nearer first among revisions neither of which descends from the other: higher generation, then greater rev. */
const nearer = (x: string, y: string) => gen(y) - gen(x) || (x < y ? 1 : x > y ? -1 : 0);

/**
 * The common ancestors of two leaves in the ancestry DAG (rev-history parents from both histories, plus
 * merge edges), nearest first: the candidates for the base of their three-way merge. A leaf counts as
 * its own ancestor. The order is a pure function of the histories and the set of edges (not of their
 * order, nor of which leaf is `a`), so two servers choose the same base and write the same revisions:
 * every revision comes before its own ancestors (a common ancestor that descends from another one has
 * seen more of both branches); between unrelated ones, the higher generation, then the greater rev.
 * With no edges this is the history's common part, nearest first (`commonAncestors`).
 */
export function mergeBaseCandidates(a: Revisions, b: Revisions, edges: readonly MergeEdge[]): string[] {
  const parents = new Map<string, Set<string>>();
  const link = (child: string, parent: string) => {
    if (child === parent) return;
    let set = parents.get(child);
    if (!set) parents.set(child, (set = new Set()));
    set.add(parent);
  };
  for (const h of [a, b]) {
    const revs = revsFromHistory(h);
    for (let i = 0; i + 1 < revs.length; i++) link(revs[i]!, revs[i + 1]!);
  }
  for (const e of edges) link(e.rev, e.parent);

  const ancestorsOf = (leaf: string) => {
    const seen = new Set([leaf]);
    const todo = [leaf];
    for (let r = todo.pop(); r !== undefined; r = todo.pop()) {
      for (const p of parents.get(r) ?? []) {
        if (seen.has(p)) continue;
        seen.add(p);
        todo.push(p);
      }
    }
    return seen;
  };
  const ofA = ancestorsOf(revsFromHistory(a)[0]!);
  const common = new Set([...ancestorsOf(revsFromHistory(b)[0]!)].filter((r) => ofA.has(r)));

  // Every ancestor of a common ancestor is common too, so the order is a topological sort of `common`
  // alone (Kahn's algorithm, children before parents), taking the nearest ready revision each time.
  const children = new Map<string, number>();
  for (const r of common)
    for (const p of parents.get(r) ?? []) if (common.has(p)) children.set(p, (children.get(p) ?? 0) + 1);
  const ready = [...common].filter((r) => !children.get(r));
  const out: string[] = [];
  while (ready.length > 0) {
    ready.sort(nearer);
    const r = ready.shift()!;
    out.push(r);
    for (const p of parents.get(r) ?? []) {
      if (!common.has(p)) continue;
      const left = children.get(p)! - 1;
      children.set(p, left);
      if (left === 0) ready.push(p);
    }
  }
  // Only histories that contradict each other (forged) can make a cycle: its revisions go last.
  if (out.length < common.size) {
    const placed = new Set(out);
    out.push(...[...common].filter((r) => !placed.has(r)).sort(nearer));
  }
  return out;
}
