import { isStoreError } from '@tern/store';
import type { MissionDb } from '@tern/store';
import type { Revisions, WireDoc } from '@tern/sync';

/** One branch tip of a stored document, deleted ones included. */
export interface StoredLeaf {
  rev: string;
  deleted: boolean;
  revisions: Revisions;
}

/**
 * What admission needs to know of the documents a batch touches, read in bulk: the current winner of
 * each (one read for the whole batch), and, only for the documents whose pushed history does not meet
 * the winner's, every leaf (one read each: pushing onto a losing or closed branch, or a forgery).
 */
export class StoredState {
  private readonly leaves = new Map<string, StoredLeaf[]>();

  private constructor(
    private readonly db: MissionDb,
    private readonly winners: Map<string, WireDoc>,
    private readonly held: Set<string>,
  ) {}

  /** Two bulk reads for the whole batch: which ids exist at all, and the live winners of those. */
  static async read(db: MissionDb, ids: string[]): Promise<StoredState> {
    const held = await db.existing([...new Set(ids)]);
    const known = [...held];
    const found = await db.winnersWithHistory(known);
    const winners = new Map<string, WireDoc>();
    known.forEach((id, i) => {
      const w = found[i];
      if (w && !w._deleted) winners.set(id, w);
    });
    return new StoredState(db, winners, held);
  }

  /**
   * Also read the winners of these documents (the cases of a batch's records, for the assignment rule):
   * one bulk read of the ids not read yet.
   */
  async include(ids: readonly string[]): Promise<void> {
    const fresh = [...new Set(ids)].filter((id) => !this.held.has(id) && !this.winners.has(id));
    if (fresh.length === 0) return;
    const found = await this.db.winnersWithHistory(fresh);
    fresh.forEach((id, i) => {
      const w = found[i];
      if (w) this.held.add(id);
      if (w && !w._deleted) this.winners.set(id, w);
    });
  }

  /** The live winning revision, or undefined when the document is new or every branch is deleted. */
  winner(id: string): WireDoc | undefined {
    return this.winners.get(id);
  }

  /** The leaves read earlier by `leavesOf` (admission reads them before rules that need them). */
  knownLeaves(id: string): StoredLeaf[] {
    const known = this.leaves.get(id);
    if (!known) throw new Error(`Leaves of ${id} were not read before use`);
    return known;
  }

  /** Every leaf of the document (empty when it was never stored), read once per document. */
  async leavesOf(id: string): Promise<StoredLeaf[]> {
    const known = this.leaves.get(id);
    if (known) return known;
    let leaves: StoredLeaf[] = [];
    // A new document (the common push) has no leaves: no read.
    if (!this.held.has(id)) {
      this.leaves.set(id, leaves);
      return leaves;
    }
    try {
      const found = (await this.db.readDoc(id, { openRevs: 'all', revs: true })) as Array<{
        ok?: { _rev: string; _deleted?: boolean; _revisions: Revisions };
      }>;
      leaves = found.flatMap((r) =>
        r.ok ? [{ rev: r.ok._rev, deleted: r.ok._deleted === true, revisions: r.ok._revisions }] : [],
      );
    } catch (e) {
      if (!isStoreError(e, 'TERN_STORE_NOT_FOUND')) throw e;
    }
    this.leaves.set(id, leaves);
    return leaves;
  }
}
