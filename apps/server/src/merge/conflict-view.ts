import { liveBranches } from '@tern/store';
import type { ServerStore } from '@tern/store';
import { META_FIELDS, mergeBranches, orderBranches } from '@tern/sync';
import type { Body, Branch, FieldConflict } from '@tern/sync';
import { nearestBase } from './merge-base.ts';

/** What an admin sees for one conflict: the ancestor, each branch with who/when/where, and the clashing fields. */
export interface ConflictView {
  mission: string;
  docId: string;
  form: string | null;
  base: { rev: string; body: Body } | null;
  branches: Array<{
    rev: string;
    body: Body;
    author: string | null;
    device: string | null;
    time: string | null;
  }>;
  fields: FieldConflict[];
  /** Every non-clashing field already merged; resolution starts from it. */
  merged: Body;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * The two branches an admin resolves first, in winner order, and their nearest common ancestor with a
 * body: the same base the automatic merge uses (merge-base.ts).
 */
export async function conflictPair(store: ServerStore, mission: string, docId: string) {
  const branches = await liveBranches(store.mission(mission), docId);
  if (branches.length < 2) return null;
  const sorted = branches.slice().sort((x, y) => (orderBranches(x, y)[0] === x ? -1 : 1));
  const [a, b] = sorted as [Branch, Branch];
  const base = await nearestBase(store, mission, docId, a, b);
  return { a, b, base, leaves: sorted.length };
}

export async function conflictView(
  store: ServerStore,
  mission: string,
  docId: string,
): Promise<ConflictView | null> {
  const pair = await conflictPair(store, mission, docId);
  if (!pair) return null;
  const outcome = mergeBranches(docId, pair.a, pair.b, pair.base);
  const describe = (br: Branch) => ({
    rev: br.rev,
    body: br.body,
    author: str(br.body.updatedBy) ?? str(br.body.createdBy),
    device: str(br.body.device),
    time: str(br.body.updatedAt) ?? str(br.body.createdAt),
  });
  return {
    mission,
    docId,
    form: str(pair.a.body.form),
    base: pair.base,
    branches: [describe(pair.a), describe(pair.b)],
    fields: outcome.kind === 'conflict' ? outcome.conflicts : [],
    merged: outcome.kind === 'conflict' ? outcome.merged : outcome.docs[0],
  };
}

export { META_FIELDS };
