import { bodyOf } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { decide } from '../auth/permissions.ts';
import type { Principal } from '../auth/roles.ts';
import type { DocRejection } from './rejection.ts';
import type { StoredState } from './stored-state.ts';

/**
 * Who may push a deleted revision (a tombstone). Interviewers never delete: a record of a person met in
 * the field is kept. A data officer (the `record.delete` action) may:
 * - close a branch with an empty tombstone while the document stays alive through another live leaf
 *   (what the automatic merge writes on one server, replicated to another by a relay);
 * - delete a record with `{mission, deletion: {by, at, reason}}` (check-doc.ts checks the shape),
 *   the earlier revisions staying in the tree as history; `by` must be the pusher unless the
 *   revision is replicated (a relay carries other officers' deletions).
 * Without a principal (a route test with `allowAll`) nothing is checked, as everywhere. The caller reads
 * the document's leaves first (`StoredState.leavesOf`).
 */
export function deleteRejection(
  doc: WireDoc,
  stored: StoredState,
  who: Principal | null,
  mission: string,
  opts: { replicated: boolean; batch: readonly WireDoc[] },
): DocRejection | null {
  if (!doc._deleted || !who) return null;
  const d = decide(who, 'record.delete', mission);
  if (!d.allowed)
    return {
      code: 'TERN_DELETE_FORBIDDEN',
      reason: `Records are not deleted from the field: ${d.reason}`,
      field: '_deleted',
    };
  const body = bodyOf(doc);
  const deletion = body.deletion as { by?: unknown } | undefined;
  if (deletion) {
    if (!opts.replicated && deletion.by !== who.username)
      return {
        code: 'TERN_DELETE_FORBIDDEN',
        reason: `deletion.by must be the account deleting (${who.username})`,
        field: 'deletion.by',
      };
    return null;
  }
  // An empty tombstone: it may only close a branch, never make the document disappear.
  const parent = doc._revisions.ids[1] ? `${doc._revisions.start - 1}-${doc._revisions.ids[1]}` : null;
  const live = stored
    .knownLeaves(doc._id)
    .filter((l) => !l.deleted && l.rev !== parent)
    .map((l) => l.rev);
  const liveInBatch = opts.batch.filter((o) => o._id === doc._id && !o._deleted && o._rev !== parent);
  if (live.length > 0 || liveInBatch.length > 0) return null;
  return {
    code: 'TERN_DELETE_FORBIDDEN',
    reason: 'Deleting a record needs a reason: send {mission, deletion: {by, at, reason}} with _deleted',
    field: 'deletion',
  };
}
