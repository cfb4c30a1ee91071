import { isStoreError } from '@tern/store';
import type { DocStore, StoredDoc } from '@tern/store';
import type { Branch, MergeEdge, MergeOutcome } from '@tern/sync';

type Ops = DocStore;

/** A merge the server made by itself: which revisions, which fields from which side, who and when. */
export interface MergeRecord {
  _id: string;
  type: 'merge';
  mission: string;
  docId: string;
  winner: string;
  loser: string;
  base: string | null;
  mergedRev: string;
  taken: Record<string, string>;
  by: string;
  at: string;
}

/**
 * The open conflicts of the documents of one pulled page, chunk after chunk (decision 227). A mission
 * has few open conflicts and a first pull's page thousands of documents: for a full chunk (`chunk`
 * ids: a large page is under way) the mission's conflict records are listed, at most `chunk` + 1 of
 * them, one range read instead of `chunk` lookups. They are listed again for every chunk, after its
 * changes were read, so a conflict opened or resolved while a long page streams (minutes on 2G) is
 * seen by the chunks after it, as the lookups saw it. When the mission holds more than a chunk of
 * them, or the chunks are small (an everyday sync), each chunk's ids are looked up as before. A chunk
 * never reads more than `chunk` + 1 records beyond what its lookups read.
 */
export function openConflictsForPage(
  ops: Ops,
  chunk: number,
): (docIds: string[]) => Promise<Map<string, ConflictRecord>> {
  /** The mission held more open conflicts than a chunk: look ids up for the rest of the page. */
  let many = false;
  return async (docIds) => {
    if (many || docIds.length < chunk) return openConflictsOf(ops, docIds);
    const found = await ops.list<ConflictRecord & StoredDoc>('conflict:', { limit: chunk + 1 });
    if (found.length > chunk) {
      many = true;
      return openConflictsOf(ops, docIds);
    }
    const known = new Map(found.map((c) => [c.docId, c]));
    const out = new Map<string, ConflictRecord>();
    for (const id of docIds) {
      const c = known.get(id);
      if (c) out.set(id, c);
    }
    return out;
  };
}

/** A person's resolution of a conflict (`recordResolution`). */
export interface ResolutionRecord {
  _id: string;
  type: 'resolution';
  mission: string;
  docId: string;
  /** The two leaves the admin saw; the resolved revision continues the winner and closes the other. */
  revs: [string, string];
  resolvedRev: string;
  choices: Record<string, unknown>;
  by: string;
  at: string;
}

/** An open conflict waiting for an admin: the leaves and the clashing field paths. */
export interface ConflictRecord {
  _id: string;
  _rev?: string;
  type: 'conflict';
  mission: string;
  docId: string;
  leaves: string[];
  fields: string[];
  openedAt: string;
  updatedAt: string;
}

/** Idempotent: the record id is derived from the merged revision, so a repeated merge records once. */
export async function recordMerge(
  ops: Ops,
  mission: string,
  docId: string,
  o: Extract<MergeOutcome, { kind: 'merged' }>,
  by: string,
) {
  const rec: MergeRecord = {
    _id: `merge:${docId}:${o.docs[0]._rev}`,
    type: 'merge',
    mission,
    docId,
    winner: o.winner,
    loser: o.loser,
    base: o.base,
    mergedRev: o.docs[0]._rev,
    taken: o.taken,
    by,
    at: new Date().toISOString(),
  };
  await createOnce(ops, { ...rec });
}

/** Create a record whose id says what it records; the same record made again is already there. */
async function createOnce(ops: Ops, rec: StoredDoc): Promise<void> {
  try {
    await ops.create(rec);
  } catch (e) {
    if (!isStoreError(e, 'TERN_STORE_CONFLICT')) throw e; // already recorded
  }
}

export function getConflict(ops: Ops, docId: string): Promise<ConflictRecord | undefined> {
  return ops.get<ConflictRecord & StoredDoc>(`conflict:${docId}`);
}

export async function recordConflict(
  ops: Ops,
  mission: string,
  docId: string,
  leaves: Branch[],
  fields: string[],
) {
  const now = new Date().toISOString();
  const existing = await getConflict(ops, docId);
  const rec: ConflictRecord = {
    _id: `conflict:${docId}`,
    ...(existing?._rev ? { _rev: existing._rev } : {}),
    type: 'conflict',
    mission,
    docId,
    leaves: leaves.map((l) => l.rev),
    fields,
    openedAt: existing?.openedAt ?? now,
    updatedAt: now,
  };
  await ops.put(rec as ConflictRecord & StoredDoc);
}

export async function clearConflict(ops: Ops, docId: string) {
  const existing = await getConflict(ops, docId);
  if (existing?._rev) await ops.remove(existing._id, existing._rev);
}

export function openConflicts(ops: Ops): Promise<ConflictRecord[]> {
  return ops.list<ConflictRecord & StoredDoc>('conflict:');
}

export function mergeRecords(ops: Ops, docId: string): Promise<MergeRecord[]> {
  return ops.list<MergeRecord & StoredDoc>(`merge:${docId}:`);
}

/**
 * The ancestry the rev tree does not show (decision 096): each revision written by a merge or a
 * resolution has both branches it was made from as parents. One prefix read per kind of record (record
 * ids are `sub:<ULID>` or `case:<ULID>`, so no other document's records share the prefix).
 */
export async function mergeEdges(ops: Ops, docId: string): Promise<MergeEdge[]> {
  const [merges, resolutions] = await Promise.all([
    mergeRecords(ops, docId),
    ops.list<ResolutionRecord & StoredDoc>(`resolution:${docId}:`),
  ]);
  return [
    ...merges.flatMap((m) => [m.winner, m.loser].map((parent) => ({ rev: m.mergedRev, parent }))),
    ...resolutions.flatMap((r) => r.revs.map((parent) => ({ rev: r.resolvedRev, parent }))),
  ];
}

/** For documents of a pulled page: the open conflict of each one that has one. */
export async function openConflictsOf(ops: Ops, docIds: string[]): Promise<Map<string, ConflictRecord>> {
  if (docIds.length === 0) return new Map();
  const found = await ops.getMany<ConflictRecord & StoredDoc>(docIds.map((id) => `conflict:${id}`));
  const out = new Map<string, ConflictRecord>();
  for (const doc of found) if (doc) out.set(doc.docId, doc);
  return out;
}

/** A person's resolution of a conflict: which leaves, which choices, the revision written, who and when. */
export async function recordResolution(
  ops: Ops,
  mission: string,
  docId: string,
  r: Pick<ResolutionRecord, 'revs' | 'resolvedRev' | 'choices' | 'by'>,
) {
  const rec: ResolutionRecord = {
    _id: `resolution:${docId}:${r.resolvedRev}`,
    type: 'resolution',
    mission,
    docId,
    ...r,
    at: new Date().toISOString(),
  };
  await createOnce(ops, { ...rec });
  await clearConflict(ops, docId);
}
