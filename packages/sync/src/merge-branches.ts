import { approvalClash } from './approval-clash.ts';
import { nextRevision, revsFromHistory } from './rev-id.ts';
import { threeWayMerge } from './three-way-merge.ts';
import type { FieldConflict } from './three-way-merge.ts';
import type { Body, Revisions, WireDoc } from './types.ts';
import { beats } from './winning-rev.ts';

/**
 * Automatic merge of two live branches of one document, as a deterministic function of the branches:
 * the merged revision is a child of the winning leaf and the losing leaf is closed by a deleted child,
 * both with content-derived rev ids. Two servers (a mission relay and headquarters) that merge the
 * same branches therefore write the same revisions instead of a new conflict.
 * Conflict model: https://docs.couchdb.org/en/stable/replication/conflicts.html
 */
export interface Branch {
  rev: string;
  revisions: Revisions;
  body: Body;
}

export type MergeOutcome =
  | {
      kind: 'merged';
      /** Write both with new_edits:false: the merged child of the winner, and the loser's tombstone. */
      docs: [WireDoc, WireDoc];
      winner: string;
      loser: string;
      base: string | null;
      /** Which branch each changed field came from. */
      taken: Record<string, string>;
    }
  | {
      kind: 'conflict';
      winner: string;
      loser: string;
      base: string | null;
      conflicts: FieldConflict[];
      merged: Body;
    };

/** Revisions both histories share, nearest first: the candidates for the common ancestor. */
export function commonAncestors(a: Revisions, b: Revisions): string[] {
  const inB = new Set(revsFromHistory(b));
  return revsFromHistory(a).filter((r) => inB.has(r));
}

/** Order two branches as every replica would: the winningRev winner first. */
export function orderBranches(x: Branch, y: Branch): [Branch, Branch] {
  return beats({ rev: x.rev, deleted: false }, { rev: y.rev, deleted: false }) ? [x, y] : [y, x];
}

/** Fields that record who, when and on which device a revision was made: never a conflict. */
export const META_FIELDS = ['updatedAt', 'updatedBy', 'device'] as const;

export function mergeBranches(
  id: string,
  x: Branch,
  y: Branch,
  base: { rev: string; body: Body } | null,
): MergeOutcome {
  const [winner, loser] = orderBranches(x, y);
  const result = threeWayMerge(base?.body ?? null, winner.body, loser.body, { meta: META_FIELDS });
  const clash = approvalClash(base?.body ?? null, [winner.body, loser.body], result);
  if (clash) result.conflicts.push(clash);
  const common = { winner: winner.rev, loser: loser.rev, base: base?.rev ?? null };
  if (result.conflicts.length > 0)
    return { kind: 'conflict', ...common, conflicts: result.conflicts, merged: result.merged };
  const merged = nextRevision({ rev: winner.rev, revisions: winner.revisions }, result.merged);
  const closed = nextRevision({ rev: loser.rev, revisions: loser.revisions }, {}, { deleted: true });
  const taken = Object.fromEntries(
    Object.entries(result.taken).map(([path, side]) => [path, side === 0 ? winner.rev : loser.rev]),
  );
  return {
    kind: 'merged',
    ...common,
    taken,
    docs: [
      { ...result.merged, _id: id, _rev: merged.rev, _revisions: merged.revisions },
      { _id: id, _rev: closed.rev, _revisions: closed.revisions, _deleted: true },
    ],
  };
}

/**
 * Resolve a conflict with values chosen by a person: one revision on the winner with the resolved
 * body, and the loser closed. Deterministic too, so a retried resolution writes the same revisions.
 */
export function resolveBranches(id: string, x: Branch, y: Branch, resolved: Body): [WireDoc, WireDoc] {
  const [winner, loser] = orderBranches(x, y);
  const next = nextRevision({ rev: winner.rev, revisions: winner.revisions }, resolved);
  const closed = nextRevision({ rev: loser.rev, revisions: loser.revisions }, {}, { deleted: true });
  return [
    { ...resolved, _id: id, _rev: next.rev, _revisions: next.revisions },
    { _id: id, _rev: closed.rev, _revisions: closed.revisions, _deleted: true },
  ];
}
