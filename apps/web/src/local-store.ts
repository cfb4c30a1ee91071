import { decidePull, revsFromHistory } from '@tern/sync';
import type { PushResult, SyncStorage, WireDoc } from '@tern/sync';
import type { DocRow, TernDb } from './db.ts';

const checkpointKey = (mission: string) => `checkpoint:${mission}`;

export function toWire(row: DocRow): WireDoc {
  return {
    ...row.body,
    _id: row.id,
    _rev: row.rev,
    _revisions: row.revisions,
    ...(row.deleted ? { _deleted: true } : {}),
  };
}

export function fromWire(doc: WireDoc, mission: string): DocRow {
  // A pulled document must carry a history whose head is its rev; anything else is a malformed batch.
  if (revsFromHistory(doc._revisions)[0] !== doc._rev) {
    throw new Error(`Pulled document ${doc._id} has rev ${doc._rev} that does not head its _revisions`);
  }
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!k.startsWith('_')) body[k] = v;
  return {
    id: doc._id,
    mission,
    type: doc._id.split(':')[0] ?? 'unknown',
    rev: doc._rev,
    revisions: doc._revisions,
    deleted: doc._deleted === true,
    body,
    syncState: 'synced',
    updatedAt: new Date().toISOString(),
  };
}

/** The replicator's view of one mission's documents in the device's Dexie database. */
export class DexieSyncStorage implements SyncStorage {
  constructor(
    private readonly db: TernDb,
    private readonly mission: string,
  ) {}

  async pending(limit: number): Promise<WireDoc[]> {
    const rows = await this.db.docs
      .where('[mission+syncState]')
      .equals([this.mission, 'pending'])
      .limit(limit)
      .toArray();
    return rows.map(toWire);
  }

  async pendingCount(): Promise<number> {
    return this.db.docs.where('[mission+syncState]').equals([this.mission, 'pending']).count();
  }

  async acknowledge(results: PushResult[]): Promise<void> {
    await this.db.transaction('rw', this.db.docs, async () => {
      for (const r of results) {
        const row = await this.db.docs.get(r.id);
        // An edit made while the batch was in flight has another rev: it stays pending.
        if (!row || row.rev !== r.rev) continue;
        if (r.ok) await this.db.docs.update(r.id, { syncState: 'synced', rejection: undefined });
        else
          await this.db.docs.update(r.id, {
            syncState: 'rejected',
            rejection: { code: r.code, reason: r.reason, ...(r.field ? { field: r.field } : {}) },
          });
      }
    });
  }

  async applyPulled(docs: WireDoc[], checkpoint: string): Promise<void> {
    // One transaction: the checkpoint never advances past documents that are not stored.
    await this.db.transaction('rw', this.db.docs, this.db.meta, async () => {
      for (const doc of docs) {
        const row = await this.db.docs.get(doc._id);
        const decision = decidePull(
          row && { rev: row.rev, revisions: row.revisions, unpushed: row.syncState !== 'synced' },
          doc,
        );
        if (decision === 'insert' || decision === 'fast-forward' || decision === 'take-remote-conflict') {
          await this.db.docs.put(fromWire(doc, this.mission));
        }
        // keep-local, keep-local-conflict, same: the local revision stays as it is (pending ones get pushed).
      }
      await this.db.meta.put({ key: checkpointKey(this.mission), value: checkpoint });
    });
  }

  async checkpoint(): Promise<string | null> {
    return (await this.db.meta.get(checkpointKey(this.mission)))?.value ?? null;
  }
}
