import { bodyAt } from '@tern/store';
import type { ServerStore } from '@tern/store';
import { mergeBaseCandidates } from '@tern/sync';
import type { Body, Branch } from '@tern/sync';
import { mergeEdges } from './merge-records.ts';

/**
 * The base of a three-way merge of two live branches: their nearest common ancestor whose body the
 * store still holds, or null (then every differing field is a conflict). Ancestry counts the branch a
 * merge or a resolution closed as a parent of the revision it wrote (decision 096), so an edit made on
 * a closed branch is merged against that branch, which the merged revision already contains. The
 * automatic merge and the admin's conflict view both ask here, so they always agree.
 */
export async function nearestBase(
  store: ServerStore,
  mission: string,
  docId: string,
  a: Branch,
  b: Branch,
): Promise<{ rev: string; body: Body } | null> {
  const db = store.mission(mission);
  const edges = await mergeEdges(store.ops(mission), docId);
  for (const rev of mergeBaseCandidates(a.revisions, b.revisions, edges)) {
    const body = await bodyAt(db, docId, rev);
    if (body) return { rev, body };
  }
  return null;
}
