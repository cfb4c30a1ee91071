import type { Branch, MergeOutcome } from '@tern/sync';

type Ops = PouchDB.Database<Record<string, unknown>>;

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

const isConflict409 = (e: unknown) => (e as { status?: number }).status === 409;

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
  try {
    await ops.put(rec as unknown as PouchDB.Core.PutDocument<Record<string, unknown>>);
  } catch (e) {
    if (!isConflict409(e)) throw e;
  }
}

export async function getConflict(ops: Ops, docId: string): Promise<ConflictRecord | undefined> {
  try {
    return (await ops.get(`conflict:${docId}`)) as unknown as ConflictRecord;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return undefined;
    throw e;
  }
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
  await ops.put(rec as unknown as PouchDB.Core.PutDocument<Record<string, unknown>>);
}

export async function clearConflict(ops: Ops, docId: string) {
  const existing = await getConflict(ops, docId);
  if (existing?._rev) await ops.remove(existing._id, existing._rev);
}

export async function openConflicts(ops: Ops): Promise<ConflictRecord[]> {
  const res = await ops.allDocs({ include_docs: true, startkey: 'conflict:', endkey: 'conflict:\uffff' });
  return res.rows.map((r) => r.doc as unknown as ConflictRecord);
}

export async function mergeRecords(ops: Ops, docId: string): Promise<MergeRecord[]> {
  const res = await ops.allDocs({
    include_docs: true,
    startkey: `merge:${docId}:`,
    endkey: `merge:${docId}:\uffff`,
  });
  return res.rows.map((r) => r.doc as unknown as MergeRecord);
}

/** For documents of a pulled page: the open conflict of each one that has one. */
export async function openConflictsOf(ops: Ops, docIds: string[]): Promise<Map<string, ConflictRecord>> {
  if (docIds.length === 0) return new Map();
  const res = await ops.allDocs({ include_docs: true, keys: docIds.map((id) => `conflict:${id}`) });
  const out = new Map<string, ConflictRecord>();
  for (const row of res.rows) {
    const doc = 'doc' in row ? (row.doc as unknown as ConflictRecord | undefined) : undefined;
    if (doc) out.set(doc.docId, doc);
  }
  return out;
}

/** A person's resolution of a conflict: which leaves, which choices, the revision written, who and when. */
export async function recordResolution(
  ops: Ops,
  mission: string,
  docId: string,
  r: { revs: [string, string]; resolvedRev: string; choices: Record<string, unknown>; by: string },
) {
  try {
    await ops.put({
      _id: `resolution:${docId}:${r.resolvedRev}`,
      type: 'resolution',
      mission,
      docId,
      ...r,
      at: new Date().toISOString(),
    } as unknown as PouchDB.Core.PutDocument<Record<string, unknown>>);
  } catch (e) {
    if (!isConflict409(e)) throw e;
  }
  await clearConflict(ops, docId);
}
