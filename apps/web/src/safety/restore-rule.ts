import { historyContains } from '@tern/sync';
import type { DocRow } from '../device/db.ts';
import { DRAFT_REV } from '../form/drafts.ts';

type Version = Pick<DocRow, 'rev' | 'revisions' | 'updatedAt'>;

/**
 * What restoring one backup row does to the device's row with the same id:
 * - `add`: the device has no such record;
 * - `replace`: the backup's revision descends from the device's (the device's is one of its
 *   ancestors), or the device holds only the draft that the backup's record was saved from;
 * - `same`: the same revision is here already;
 * - `localNewer`: the backup's revision is an ancestor of the device's (or a draft of a saved record);
 * - `diverged`: neither descends from the other — two edits made apart. The device's stays; the
 *   backup file still holds the other one.
 * So a restore never overwrites a newer local revision. Ancestry is read from the `_revisions`
 * history (CouchDB's rule: a rev is an ancestor when it is in the other's history); a history cut by
 * the revs limit only makes more rows `diverged`, never replaced.
 */
export type RestoreDecision = 'add' | 'replace' | 'same' | 'localNewer' | 'diverged';

export function decideRestore(local: Version | undefined, incoming: Version): RestoreDecision {
  if (!local) return 'add';
  const localDraft = local.rev === DRAFT_REV;
  const incomingDraft = incoming.rev === DRAFT_REV;
  if (localDraft && incomingDraft) return incoming.updatedAt > local.updatedAt ? 'replace' : 'same';
  if (incomingDraft) return 'localNewer';
  if (localDraft) return 'replace';
  if (local.rev === incoming.rev) return 'same';
  if (historyContains(local.revisions, incoming.rev)) return 'localNewer';
  if (historyContains(incoming.revisions, local.rev)) return 'replace';
  return 'diverged';
}
