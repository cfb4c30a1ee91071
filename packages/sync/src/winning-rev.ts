import { parseRev } from './rev-id.ts';

/**
 * The deterministic winner among a document's leaf revisions, identical to PouchDB's winningRev
 * (pouchdb-merge/src/winningRev.js) and CouchDB's rule:
 * https://docs.couchdb.org/en/stable/replication/conflicts.html#working-with-conflicting-documents
 *
 * A live (non-deleted) leaf beats a deleted one; then the longest history (highest generation) wins;
 * then the greater hash in plain string comparison. Every replica picks the same winner from the same
 * leaves, with no communication.
 */
export interface Leaf {
  rev: string;
  deleted: boolean;
}

export function beats(a: Leaf, b: Leaf): boolean {
  if (a.deleted !== b.deleted) return !a.deleted;
  const pa = parseRev(a.rev);
  const pb = parseRev(b.rev);
  if (pa.gen !== pb.gen) return pa.gen > pb.gen;
  return pa.hash > pb.hash;
}

export function winningRev(leaves: readonly Leaf[]): Leaf {
  if (leaves.length === 0) throw new RangeError('winningRev: a document has at least one leaf');
  let winner = leaves[0]!;
  for (const leaf of leaves.slice(1)) if (beats(leaf, winner)) winner = leaf;
  return winner;
}

/**
 * `_conflicts` as CouchDB reports it: the live leaves that lost, best first.
 * Deleted leaves are not conflicts (https://docs.couchdb.org/en/stable/api/document/common.html).
 */
export function conflictsOf(leaves: readonly Leaf[]): string[] {
  const winner = winningRev(leaves);
  return leaves
    .filter((l) => !l.deleted && l.rev !== winner.rev)
    .sort((a, b) => (beats(a, b) ? -1 : beats(b, a) ? 1 : 0))
    .map((l) => l.rev);
}
