import { winningRev } from '@tern/sync';
import type { Revisions, WireDoc } from '@tern/sync';
import type { MissionDb, ServerStore } from '@tern/store';

/**
 * One stored document: its winner and every leaf (live or deleted) with its history and the document as
 * stored (the oracles read a winner's answers and review from it). No second, canonical copy of each
 * body: no oracle compared it, and making one for every changed 100 KB record was a tenth of the
 * volume run's time (decision 223). A change is seen through the update sequence and the changes feed.
 */
export interface DocState {
  winner: string;
  deleted: boolean;
  leaves: Map<string, { deleted: boolean; revisions: Revisions; doc: Record<string, unknown> }>;
}

/** mission → id → state. `_local` documents are checkpoints, not records, and are left out. */
export type Digest = Map<string, Map<string, DocState>>;

async function docState(db: MissionDb, id: string): Promise<DocState | undefined> {
  let found: Array<{ ok?: WireDoc }>;
  try {
    found = (await db.readDoc(id, { openRevs: 'all', revs: true })) as unknown as Array<{ ok?: WireDoc }>;
  } catch {
    return undefined;
  }
  const leaves: DocState['leaves'] = new Map();
  for (const f of found) {
    if (!f.ok) continue;
    leaves.set(f.ok._rev, { deleted: f.ok._deleted === true, revisions: f.ok._revisions, doc: f.ok });
  }
  if (leaves.size === 0) return undefined;
  const w = winningRev([...leaves].map(([rev, l]) => ({ rev, deleted: l.deleted })));
  return { winner: w.rev, deleted: w.deleted, leaves };
}

/**
 * Reads the records of missions incrementally: a mission whose update sequence has not moved is not
 * read again (PouchDB bumps the sequence on every document write, so an unchanged sequence means
 * unchanged records); otherwise only the documents in the changes feed since the last read are.
 */
export class RecordDigest {
  private seqs = new Map<string, string | number>();
  readonly digest: Digest = new Map();

  constructor(private readonly store: ServerStore) {}

  /** Bring the digest up to date; returns the ids that changed, per mission. */
  async refresh(missions: string[]): Promise<Map<string, Set<string>>> {
    const changed = new Map<string, Set<string>>();
    for (const m of missions) {
      const db = this.store.mission(m);
      const seq = await db.updateSeq();
      const last = this.seqs.get(m);
      if (last !== undefined && String(last) === String(seq)) continue;
      // Every change since the last read, deleted documents included (the compact pull's list).
      const feed = await db.couchChanges({
        since: last === undefined ? 0 : Number(last),
        limit: 1_000_000,
        allDocs: true,
        includeDocs: false,
        conflicts: false,
      });
      const docs = this.digest.get(m) ?? new Map<string, DocState>();
      const ids = new Set<string>();
      for (const c of feed.results) {
        if (c.id.startsWith('_local/')) continue;
        ids.add(c.id);
        const s = await docState(db, c.id);
        if (s) docs.set(c.id, s);
        else docs.delete(c.id);
      }
      this.digest.set(m, docs);
      this.seqs.set(m, feed.last_seq);
      if (last !== undefined && ids.size) changed.set(m, ids);
    }
    return changed;
  }

  /** A copy of one document's state (the digest is updated in place). */
  get(mission: string, id: string): DocState | undefined {
    return this.digest.get(mission)?.get(id);
  }
}

/** Every revision a document's tree knows (the leaves and their histories). */
export function knownRevs(s: DocState | undefined): Set<string> {
  const out = new Set<string>();
  for (const l of s?.leaves.values() ?? [])
    l.revisions.ids.forEach((h, i) => out.add(`${l.revisions.start - i}-${h}`));
  return out;
}
