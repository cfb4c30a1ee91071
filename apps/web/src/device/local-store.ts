import { assertPulledPage, bodyOf, decidePull } from '@tern/sync';
import type { Body, PushResult, SyncStorage, WireDoc } from '@tern/sync';
import type { DocRow, Review, TernDb } from './db.ts';
import { seal, sealText, unseal } from '../crypto/sealed.ts';
import type { Sealed } from '../crypto/sealed.ts';

const checkpointKey = (mission: string) => `checkpoint:${mission}`;

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
export function fromWire(doc: WireDoc, mission: string): { row: Omit<DocRow, 'sealed'>; body: Body } {
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

/**
 * The replicator's view of one mission's documents in the device's Dexie database, encrypting and
 * decrypting transparently with the mission's data key: the replicator sees plain WireDocs, IndexedDB
 * only ciphertext.
 *
 * WebCrypto is asynchronous and its promises are not IndexedDB's: awaiting one inside a Dexie
 * transaction lets the transaction commit early. So every seal/unseal happens outside transactions;
 * the transactions only read and write rows.
 */
export class DexieSyncStorage implements SyncStorage {
  constructor(
    private readonly db: TernDb,
    private readonly mission: string,
    private readonly key: CryptoKey,
  ) {}

  async pending(limit: number): Promise<WireDoc[]> {
    const rows = await this.db.docs
      .where('[mission+syncState]')
      .equals([this.mission, 'pending'])
      .limit(limit)
      .toArray();
    return Promise.all(rows.map(async (r) => toWire(r, await unseal(this.key, r.id, r.rev, r.sealed))));
  }

  async pendingCount(): Promise<number> {
    return this.db.docs.where('[mission+syncState]').equals([this.mission, 'pending']).count();
  }

  async acknowledge(results: PushResult[]): Promise<void> {
    // Seal rejection reasons before the transaction (WebCrypto cannot run inside it).
    const reasons = new Map<string, Sealed>();
    for (const r of results)
      if (!r.ok) reasons.set(`${r.id} ${r.rev}`, await sealText(this.key, r.id, r.rev, r.reason));
    await this.db.transaction('rw', this.db.docs, async () => {
      for (const r of results) {
        const row = await this.db.docs.get(r.id);
        // An edit made while the batch was in flight has another rev: it stays pending.
        if (!row || row.rev !== r.rev) continue;
        if (r.ok) await this.db.docs.update(r.id, { syncState: 'synced', rejection: undefined });
        else
          await this.db.docs.update(r.id, {
            syncState: 'rejected',
            rejection: {
              code: r.code,
              reason: reasons.get(`${r.id} ${r.rev}`)!,
              ...(r.field ? { field: r.field } : {}),
            },
          });
      }
    });
  }

  async applyPulled(docs: WireDoc[], checkpoint: string): Promise<void> {
    // Validate and seal first (outside the transaction); a malformed document stops the whole batch.
    const sealed: DocRow[] = [];
    for (const doc of docs) {
      const { row, body } = fromWire(doc, this.mission);
      const review = reviewOf(doc);
      sealed.push({
        ...row,
        sealed: await seal(this.key, row.id, row.rev, body),
        ...(review ? { review } : {}),
      });
    }
    // One transaction: the checkpoint never advances past documents that are not stored.
    await this.db.transaction('rw', this.db.docs, this.db.meta, async () => {
      for (let i = 0; i < docs.length; i += 1) {
        const doc = docs[i]!;
        const row = await this.db.docs.get(doc._id);
        const decision = decidePull(
          row && { rev: row.rev, revisions: row.revisions, unpushed: row.syncState !== 'synced' },
          doc,
        );
        if (decision === 'insert' || decision === 'fast-forward' || decision === 'take-remote-conflict') {
          await this.db.docs.put(row ? { ...sealed[i]!, createdAt: row.createdAt } : sealed[i]!);
        } else if (row) {
          // keep-local, keep-local-conflict, same: the local revision stays as it is (pending ones get
          // pushed), but the server's word on a review holds for the record whichever revision we show.
          await this.db.docs.update(row.id, { review: sealed[i]!.review });
        }
      }
      await this.db.meta.put({ key: checkpointKey(this.mission), value: checkpoint });
    });
  }

  async checkpoint(): Promise<string | null> {
    return (await this.db.meta.get(checkpointKey(this.mission)))?.value ?? null;
  }
}
