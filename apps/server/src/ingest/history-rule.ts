import { DEFAULT_REVS_LIMIT, revsFromHistory } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import type { DocRejection } from './rejection.ts';
import type { StoredState } from './stored-state.ts';

/**
 * A pushed revision must grow the document's revision tree, not plant a new one beside it. CouchDB
 * stores any history it is given (`new_edits:false`), so a member of a mission could push `999-fff`
 * with a one-id history: it would share no ancestor with the real record and, with the highest
 * generation, become the winner everyone reads. Tern refuses that:
 * - the history must end at `_rev` (`{start, ids[0]}` is the rev);
 * - for a document the server holds, the history must contain a revision of its tree (the device
 *   edited something the server knows); the winner's history is checked first (the common case),
 *   then every leaf, deleted ones included (a device editing on a branch the merge has closed);
 * - for a new document the history must be complete, down to generation 1 (or as long as the revs
 *   limit): a device always sends the whole history of a record it made.
 * https://docs.couchdb.org/en/stable/replication/conflicts.html#revision-tree
 */
export async function historyRejection(doc: WireDoc, stored: StoredState): Promise<DocRejection | null> {
  const h = doc._revisions;
  if (`${h.start}-${h.ids[0]}` !== doc._rev)
    return reject(`_revisions ends at ${h.start}-${h.ids[0]}, not at _rev ${doc._rev}`);
  if (h.ids.length > h.start)
    return reject(`_revisions lists ${h.ids.length} revisions above generation ${h.start}`);
  const pushed = new Set(revsFromHistory(h));
  const winner = stored.winner(doc._id);
  if (winner && revsFromHistory(winner._revisions).some((r) => pushed.has(r))) return null;
  const leaves = await stored.leavesOf(doc._id);
  if (leaves.length === 0) {
    if (h.ids.length === h.start || h.ids.length >= DEFAULT_REVS_LIMIT) return null;
    return reject(
      `a new document's history must go back to generation 1; it has ${h.ids.length} of ${h.start} revisions`,
    );
  }
  if (leaves.some((l) => revsFromHistory(l.revisions).some((r) => pushed.has(r)))) return null;
  return reject(
    `the history of ${doc._rev} shares no revision with the stored document: it does not continue any of its branches`,
  );
}

function reject(reason: string): DocRejection {
  return { code: 'TERN_REV_HISTORY', reason: `Revision history refused: ${reason}`, field: '_revisions' };
}
