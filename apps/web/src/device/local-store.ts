import { assertPulledPage, bodyOf, decidePull } from '@tern/sync';
import type { Body, PullApplied, PushResult, SyncStorage, WireDoc } from '@tern/sync';
import type { DocRow, Review, TernDb } from './db.ts';
import { freshIvs } from '../crypto/sealed.ts';
import type { Sealed } from '../crypto/sealed.ts';
import { docsOf } from './doc-repository.ts';
import type { ClearRow, DocRepository } from './doc-repository.ts';

const checkpointKey = (mission: string) => `checkpoint:${mission}`;
/** Cases that left the user's view and still have records on the device (decision 136). */
const leavingKey = (mission: string) => `leaving:${mission}`;

export function toWire(row: DocRow, body: Body): WireDoc {
  return {
    ...body,
    _id: row.id,
    _rev: row.rev,
    _revisions: row.revisions,
    ...(row.deleted ? { _deleted: true } : {}),
  };
}

/**
 * What a pulled document says about a review at headquarters: `_conflicts` (other live leaves) and
 * `_disputed` (clashing field paths). Absent both, the record is not (or no longer) under review.
 */
export function reviewOf(doc: WireDoc): Review | undefined {
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  const leaves = strings(doc._conflicts);
  const disputed = strings(doc._disputed);
  return leaves.length > 0 || disputed.length > 0 ? { leaves, disputed } : undefined;
}

/** Split a pulled document into its clear row fields and its body (still to be sealed). */
export function fromWire(doc: WireDoc, mission: string): { row: ClearRow; body: Body } {
  assertPulledPage([doc]);
  const body = bodyOf(doc);
  const now = new Date().toISOString();
  return {
    row: {
      id: doc._id,
      mission,
      type: doc._id.split(':')[0] ?? 'unknown',
      rev: doc._rev,
      revisions: doc._revisions,
      deleted: doc._deleted === true,
      syncState: 'synced',
      createdAt: typeof body.createdAt === 'string' ? body.createdAt : now,
      updatedAt: now,
    },
    body,
  };
}

/** The row with `review` set, or without the field when there is none. */
function withReview(row: DocRow, review: Review | undefined): DocRow {
  const { review: _old, ...rest } = row;
  return review ? { ...rest, review } : rest;
}

/**
 * The replicator's view of one mission's documents in the device's Dexie database, encrypting and
 * decrypting transparently with the mission's data key: the replicator sees plain WireDocs, IndexedDB
 * only ciphertext. Everything goes through the device's DocRepository, which seals before its
 * transactions and decides each write against the row as stored.
 */
export class DexieSyncStorage implements SyncStorage {
  private readonly docs: DocRepository;

  constructor(
    private readonly db: TernDb,
    private readonly mission: string,
    private readonly key: CryptoKey,
  ) {
    this.docs = docsOf(db);
  }

  async pending(limit: number): Promise<WireDoc[]> {
    const rows = await this.docs.find({ mission: this.mission, state: 'pending', limit });
    return Promise.all(rows.map(async (r) => toWire(r, await this.docs.openBody(this.key, r))));
  }

  async pendingCount(): Promise<number> {
    return this.docs.count({ mission: this.mission, state: 'pending' });
  }

  async acknowledge(results: PushResult[]): Promise<void> {
    // Seal rejection reasons first: no WebCrypto inside the transaction.
    const reasons = new Map<string, Sealed>();
    for (const r of results)
      if (!r.ok) reasons.set(`${r.id} ${r.rev}`, await this.docs.sealText(this.key, r.id, r.rev, r.reason));
    await this.docs.commit(
      results.map((r) => ({
        id: r.id,
        decide: (row) => {
          // An edit made while the batch was in flight has another rev: it stays pending.
          if (!row || row.rev !== r.rev) return null;
          const { rejection: _old, ...rest } = row;
          if (r.ok) return { ...rest, syncState: 'synced' };
          return {
            ...rest,
            syncState: 'rejected',
            rejection: {
              code: r.code,
              reason: reasons.get(`${r.id} ${r.rev}`)!,
              ...(r.field ? { field: r.field } : {}),
            },
          };
        },
      })),
    );
  }

  /** Pages sealed ahead of their `applyPulled` (pull ahead, decision 219), by their array. */
  private readonly prepared = new WeakMap<WireDoc[], Promise<DocRow[]>>();

  /** Start sealing a page that comes next while the page before it is written (nothing is stored). */
  preparePulled(docs: WireDoc[]): void {
    if (this.prepared.has(docs)) return;
    const sealing = this.sealPulled(docs);
    // Not lost: `applyPulled` of this page awaits the same promise and throws its error.
    sealing.catch(() => undefined);
    this.prepared.set(docs, sealing);
  }

  async applyPulled(
    docs: WireDoc[],
    checkpoint: string,
    gone: string[] = [],
    progress?: (prepared: number) => void,
  ): Promise<PullApplied> {
    const early = this.prepared.get(docs);
    this.prepared.delete(docs);
    const sealed = await (early ?? this.sealPulled(docs, progress));
    if (early) progress?.(sealed.length);
    // A pulled document of a departed case means it is back in view; `gone` adds the newly departed.
    const pulledIds = new Set(docs.map((d) => d._id));
    const leaving = [...(await this.leaving()).filter((id) => !pulledIds.has(id)), ...gone];
    const inserted: string[] = [];
    // One transaction: the checkpoint never advances past documents that are not stored.
    await this.docs.commit(
      docs.map((doc, i) => ({
        id: doc._id,
        decide: (row) => {
          const incoming = sealed[i]!;
          const decision = decidePull(
            row && { rev: row.rev, revisions: row.revisions, unpushed: row.syncState !== 'synced' },
            doc,
          );
          if (decision === 'insert') inserted.push(doc._id);
          if (decision === 'insert' || decision === 'fast-forward' || decision === 'take-remote-conflict')
            return row ? { ...incoming, createdAt: row.createdAt } : incoming;
          // keep-local, keep-local-conflict, same: the local revision stays as it is (pending ones get
          // pushed), but the server's word on a review holds for the record whichever revision we show.
          return row ? withReview(row, incoming.review) : null;
        },
      })),
      [
        { key: checkpointKey(this.mission), value: checkpoint },
        { key: leavingKey(this.mission), value: JSON.stringify([...new Set(leaving)]) },
      ],
    );
    return { inserted };
  }

  /**
   * Validate and seal a pulled page, outside any transaction; a malformed document stops the whole
   * page. Sealing is most of the time a large page takes here: it is reported, so progress keeps
   * moving. Checked in order (the first malformed one is the error), then sealed side by side, 100 at
   * a time: WebCrypto queues the work (awaiting each in turn would serialise it), and the progress
   * line moves per slice instead of jumping from 0 to the whole page.
   */
  private async sealPulled(docs: WireDoc[], progress?: (prepared: number) => void): Promise<DocRow[]> {
    const open = docs.map((doc) => fromWire(doc, this.mission));
    // The page's IVs in one draw from the random source, not one call per record.
    const ivs = freshIvs(open.length);
    const sealed: DocRow[] = [];
    for (let from = 0; from < open.length; from += 100) {
      const slice = open.slice(from, from + 100);
      const done = await Promise.all(
        slice.map(async ({ row, body }, i) =>
          withReview(await this.docs.seal(this.key, row, body, ivs[from + i]), reviewOf(docs[from + i]!)),
        ),
      );
      sealed.push(...done);
      progress?.(sealed.length);
    }
    return sealed;
  }

  /**
   * Drop the departed cases and their records that are synced, row by row in one transaction, each
   * only if it is still the revision read (an edit made meanwhile stays). Bodies are sealed, so the
   * mission's records are opened to find each case's records by `caseId`; this runs only when a case
   * left (decision 136).
   */
  async purgeLeft(): Promise<string[]> {
    const leaving = await this.leaving();
    if (leaving.length === 0) return [];
    const cases = new Set(leaving);
    const rows = await this.docs.openAll(this.key, { mission: this.mission });
    const ofCase = (r: (typeof rows)[number]) =>
      cases.has(r.id)
        ? r.id
        : typeof r.body.caseId === 'string' && cases.has(r.body.caseId)
          ? r.body.caseId
          : null;
    const dropped: string[] = [];
    const staying = new Set<string>();
    const drop = rows.filter((r) => {
      const c = ofCase(r);
      if (c === null) return false;
      if (r.syncState !== 'synced') staying.add(c);
      return r.syncState === 'synced';
    });
    await this.docs.commit(
      drop.map((r) => ({
        id: r.id,
        decide: (row) => {
          if (!row || row.rev !== r.rev || row.syncState !== 'synced') {
            if (row) staying.add(ofCase(r)!);
            return null;
          }
          dropped.push(r.id);
          return 'delete';
        },
      })),
      [{ key: leavingKey(this.mission), value: JSON.stringify(leaving.filter((c) => staying.has(c))) }],
    );
    return dropped;
  }

  private async leaving(): Promise<string[]> {
    const raw = (await this.db.meta.get(leavingKey(this.mission)))?.value;
    if (!raw) return [];
    try {
      const list: unknown = JSON.parse(raw);
      return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  }

  /**
   * Synced rows become pending again (tombstones too); rejected ones stay as they are. The files
   * headquarters said it held may be gone with the restore too: each is asked about again at the next
   * upload step and sent anew where the server lacks it (decision 229).
   */
  async requeueAll(): Promise<void> {
    const synced = await this.docs.find({ mission: this.mission, state: 'synced' });
    await this.docs.commit(
      synced.map((r) => ({
        id: r.id,
        decide: (row) => (row && row.syncState === 'synced' ? { ...row, syncState: 'pending' } : null),
      })),
    );
    await this.db.attachments
      .where('mission')
      .equals(this.mission)
      .modify((row) => {
        delete row.atHeadquarters;
      });
  }

  async checkpoint(): Promise<string | null> {
    return (await this.db.meta.get(checkpointKey(this.mission)))?.value ?? null;
  }
}
