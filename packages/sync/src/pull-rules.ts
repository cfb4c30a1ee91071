import { historyContains, revsFromHistory } from './rev-id.ts';
import type { Revisions } from './types.ts';

/**
 * What a device does with a pulled revision, given what it holds for the same id.
 * The rule that keeps offline work safe: a pulled revision replaces the local one only when the local
 * rev is in the pulled revision's history (the server already has the local edit). Otherwise the local
 * edit is kept; if it is unpushed it will be pushed and the server keeps both branches
 * (https://docs.couchdb.org/en/stable/replication/conflicts.html).
 */
export type PullDecision =
  /** No local copy: store the pulled revision. */
  | 'insert'
  /** Same revision already here. */
  | 'same'
  /** Pulled revision descends from the local one: replace. */
  | 'fast-forward'
  /** Local revision descends from the pulled one (edited while in flight): keep local. */
  | 'keep-local'
  /** Branches diverged and the local edit is not on the server yet: keep it, it will be pushed. */
  | 'keep-local-conflict'
  /** Branches diverged but the local revision is already on the server: take the server's winner. */
  | 'take-remote-conflict';

export interface LocalState {
  rev: string;
  revisions: Revisions;
  /** True when the local revision has not been acknowledged by the server. */
  unpushed: boolean;
}

export function decidePull(
  local: LocalState | undefined,
  pulled: { _rev: string; _revisions: Revisions },
): PullDecision {
  if (!local) return 'insert';
  if (local.rev === pulled._rev) return 'same';
  if (historyContains(pulled._revisions, local.rev)) return 'fast-forward';
  if (historyContains(local.revisions, pulled._rev)) return 'keep-local';
  return local.unpushed ? 'keep-local-conflict' : 'take-remote-conflict';
}

/**
 * A pulled document must carry a history whose head is its own rev; anything else is a malformed page,
 * refused whole before anything of it is stored (every SyncStorage calls this first).
 */
export function assertPulledPage(
  docs: ReadonlyArray<{ _id: string; _rev: string; _revisions: Revisions }>,
): void {
  for (const doc of docs) {
    if (revsFromHistory(doc._revisions)[0] !== doc._rev) {
      throw new Error(`Pulled document ${doc._id} has rev ${doc._rev} that does not head its _revisions`);
    }
  }
}
