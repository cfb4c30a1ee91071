import { revsFromHistory } from './rev-id.ts';
import type { Body, Revisions } from './types.ts';
import { conflictsOf, winningRev } from './winning-rev.ts';
import type { Leaf } from './winning-rev.ts';

/**
 * A document's revision tree as a map from rev to parent, the way CouchDB keeps every branch:
 * https://docs.couchdb.org/en/stable/replication/conflicts.html#revision-tree
 * Bodies are kept for revisions whose body was received (ancestors sent only as ids have none).
 */
export interface RevNode {
  parent: string | null;
  deleted: boolean;
  body?: Body;
}

export type RevTree = Map<string, RevNode>;

/**
 * Graft a revision and its `_revisions` history into the tree. Idempotent: adding a revision twice
 * changes nothing. Returns whether the tree changed.
 */
export function graft(tree: RevTree, revisions: Revisions, leaf: { deleted: boolean; body?: Body }): boolean {
  const path = revsFromHistory(revisions);
  let changed = false;
  for (let i = path.length - 1; i >= 0; i--) {
    const rev = path[i]!;
    const parent = path[i + 1] ?? null;
    const existing = tree.get(rev);
    if (!existing) {
      tree.set(rev, i === 0 ? { parent, ...leaf } : { parent, deleted: false });
      changed = true;
    } else {
      if (existing.parent === null && parent !== null) {
        existing.parent = parent; // a longer history reached us: stem it back on
        changed = true;
      }
      if (i === 0 && existing.body === undefined && leaf.body !== undefined) {
        existing.body = leaf.body;
        existing.deleted = leaf.deleted;
        changed = true;
      }
    }
  }
  return changed;
}

export function leavesOf(tree: RevTree): Leaf[] {
  const parents = new Set<string>();
  for (const node of tree.values()) if (node.parent) parents.add(node.parent);
  return [...tree.entries()]
    .filter(([rev]) => !parents.has(rev))
    .map(([rev, n]) => ({ rev, deleted: n.deleted }));
}

export function winnerOf(tree: RevTree): Leaf {
  return winningRev(leavesOf(tree));
}

export function conflictsIn(tree: RevTree): string[] {
  return conflictsOf(leavesOf(tree));
}

/** `_revisions` of `rev` walking parents, newest first (stops at the first unknown ancestor). */
export function historyOf(tree: RevTree, rev: string, limit = 1000): Revisions {
  const ids: string[] = [];
  let cur: string | null = rev;
  const start = Number(rev.split('-')[0]);
  while (cur && ids.length < limit) {
    ids.push(cur.slice(cur.indexOf('-') + 1));
    cur = tree.get(cur)?.parent ?? null;
  }
  return { start, ids };
}
