import { liveBranches } from '@tern/store';
import type { ServerStore } from '@tern/store';
import { mergeBranches, orderBranches } from '@tern/sync';
import type { Branch } from '@tern/sync';
import { nearestBase } from './merge-base.ts';
import { clearConflict, recordConflict, recordMerge } from './merge-records.ts';

export interface MergeActor {
  /** Who pushed the write that caused the merge (user id or device id). */
  by: string;
}

export interface AutoMergeReport {
  merged: string[];
  open: string[];
}

/** Bound on merges per document per call: each merge removes a leaf, so this is never reached in practice. */
const MAX_ROUNDS = 20;

/**
 * After a push (either door) leaves documents with more than one live leaf, merge what does not collide.
 * For each document: take the two best leaves (winningRev order), find their nearest common ancestor
 * whose body the store holds, three-way merge; write the merged child of the winner and close the
 * loser; repeat while leaves remain. A clash of the same field stops there and is recorded as an open
 * conflict for an admin. Design: docs/decisions/050-conflicts-and-merge.md.
 */
export async function autoMerge(
  store: ServerStore,
  mission: string,
  ids: string[],
  actor: MergeActor,
  opts: { onlyBranched?: boolean } = {},
): Promise<AutoMergeReport> {
  const db = store.mission(mission);
  const ops = store.ops(mission);
  const report: AutoMergeReport = { merged: [], open: [] };
  // After a write, look only at the written documents that now have several leaves (deleted ones
  // count: closing a branch clears its conflict), asking the store about these ids alone: the check
  // costs in proportion to the batch, whatever other devices write meanwhile (decision 097). The
  // common case (new records, plain edits) then merges nothing.
  let candidates = new Set(ids);
  if (opts.onlyBranched) {
    const branched = await db.branched(ids);
    candidates = new Set(ids.filter((id) => branched.has(id)));
  }
  for (const id of candidates) {
    let branches = await liveBranches(db, id);
    for (let round = 0; branches.length > 1 && round < MAX_ROUNDS; round++) {
      const sorted = branches.slice().sort((x, y) => (orderBranches(x, y)[0] === x ? -1 : 1));
      const [a, b] = sorted as [Branch, Branch];
      const base = await nearestBase(store, mission, id, a, b);
      const outcome = mergeBranches(id, a, b, base);
      if (outcome.kind === 'conflict') {
        await recordConflict(
          ops,
          mission,
          id,
          sorted,
          outcome.conflicts.map((c) => c.path),
        );
        report.open.push(id);
        break;
      }
      await db.writeReplicated(outcome.docs);
      await recordMerge(ops, mission, id, outcome, actor.by);
      report.merged.push(id);
      branches = await liveBranches(db, id);
    }
    if (branches.length <= 1) await clearConflict(ops, id);
  }
  return report;
}
