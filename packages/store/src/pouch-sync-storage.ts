import { assertPulledPage, bodyOf, decidePull, nextRevision } from '@tern/sync';
import type { Body, PushResult, SyncStorage, WireDoc } from '@tern/sync';
import { PouchDB } from './pouch.ts';
import type { Pouch } from './pouch.ts';

interface DeviceState {
  _id: string;
  _rev?: string;
  checkpoint: string | null;
  /** id → the local rev that waits to be pushed. */
  pending: Record<string, string>;
  /** id → the local rev the server refused, with why. */
  rejected: Record<string, { rev: string; code: string; reason: string; field?: string }>;
}

const STATE_ID = '_local/tern-device-state';

/**
 * A device-side SyncStorage over PouchDB (a Node client or a mission relay's own copy).
 * Every revision is written with new_edits:false, so PouchDB keeps all branches; the device's
 * "current" revision of a document is its pending or rejected local rev when it has one, else the winner.
 * Pulled documents are written before the checkpoint: the checkpoint never runs ahead of the data.
 */
export class PouchSyncStorage implements SyncStorage {
  private readonly db: Pouch;

  /** A device database in memory (tests) or on LevelDB at `path`. */
  constructor(where: { kind: 'memory'; name: string } | { kind: 'leveldb'; path: string }) {
    this.db =
      where.kind === 'memory'
        ? new PouchDB<Record<string, unknown>>(where.name, { adapter: 'memory' })
        : new PouchDB<Record<string, unknown>>(where.path);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  private async state(): Promise<DeviceState> {
    try {
      return (await this.db.get(STATE_ID)) as unknown as DeviceState;
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw e;
      return { _id: STATE_ID, checkpoint: null, pending: {}, rejected: {} };
    }
  }

  private async saveState(s: DeviceState): Promise<void> {
    const res = await this.db.put(s as unknown as PouchDB.Core.PutDocument<Record<string, unknown>>);
    s._rev = res.rev;
  }

  private async current(
    id: string,
  ): Promise<{ doc: WireDoc; state: 'pending' | 'rejected' | 'synced' } | undefined> {
    const s = await this.state();
    const localRev = s.pending[id] ?? s.rejected[id]?.rev;
    try {
      const doc = (await this.db.get(id, {
        revs: true,
        ...(localRev ? { rev: localRev } : {}),
      })) as unknown as WireDoc;
      return { doc, state: s.pending[id] ? 'pending' : s.rejected[id] ? 'rejected' : 'synced' };
    } catch (e) {
      if ((e as { status?: number }).status === 404) return undefined;
      throw e;
    }
  }

  /** Make a local edit on top of the device's current revision. */
  async save(id: string, body: Body, opts: { deleted?: boolean } = {}): Promise<string> {
    const cur = await this.current(id);
    const { rev, revisions } = nextRevision(
      cur ? { rev: cur.doc._rev, revisions: cur.doc._revisions } : null,
      body,
      opts,
    );
    const doc = {
      ...body,
      _id: id,
      _rev: rev,
      _revisions: revisions,
      ...(opts.deleted ? { _deleted: true } : {}),
    };
    await this.db.bulkDocs([doc] as unknown as PouchDB.Core.PutDocument<Record<string, unknown>>[], {
      new_edits: false,
    });
    const s = await this.state();
    s.pending[id] = rev;
    delete s.rejected[id];
    await this.saveState(s);
    return rev;
  }

  async read(id: string): Promise<{ rev: string; body: Body; state: string } | undefined> {
    const cur = await this.current(id);
    return cur && { rev: cur.doc._rev, body: bodyOf(cur.doc), state: cur.state };
  }

  async pending(limit: number): Promise<WireDoc[]> {
    const s = await this.state();
    const wanted = Object.entries(s.pending).slice(0, limit);
    if (wanted.length === 0) return [];
    const got = await this.db.bulkGet({ docs: wanted.map(([id, rev]) => ({ id, rev })), revs: true });
    return got.results.flatMap((r) => r.docs.flatMap((d) => ('ok' in d ? [d.ok as unknown as WireDoc] : [])));
  }

  async pendingCount(): Promise<number> {
    return Object.keys((await this.state()).pending).length;
  }

  async acknowledge(results: PushResult[]): Promise<void> {
    const s = await this.state();
    for (const r of results) {
      if (s.pending[r.id] !== r.rev) continue; // edited while in flight: stays pending
      delete s.pending[r.id];
      if (!r.ok)
        s.rejected[r.id] = {
          rev: r.rev,
          code: r.code,
          reason: r.reason,
          ...(r.field ? { field: r.field } : {}),
        };
    }
    await this.saveState(s);
  }

  async applyPulled(docs: WireDoc[], checkpoint: string): Promise<void> {
    assertPulledPage(docs);
    const s = await this.state();
    const toWrite: WireDoc[] = [];
    for (const doc of docs) {
      const cur = await this.current(doc._id);
      const local = cur && {
        rev: cur.doc._rev,
        revisions: cur.doc._revisions,
        unpushed: cur.state !== 'synced',
      };
      const decision = decidePull(local, doc);
      // Every pulled revision is stored (PouchDB keeps branches); only the device's notion of its own
      // pending edit decides what it shows.
      if (decision !== 'same') toWrite.push(doc);
      if (decision === 'fast-forward') delete s.pending[doc._id];
    }
    if (toWrite.length) {
      await this.db.bulkDocs(toWrite as unknown as PouchDB.Core.PutDocument<Record<string, unknown>>[], {
        new_edits: false,
      });
    }
    s.checkpoint = checkpoint;
    await this.saveState(s);
  }

  /** Every document's winner (tombstones too: a deletion the server lost must come back) is pending. */
  async requeueAll(): Promise<void> {
    const s = await this.state();
    const all = await this.db.changes({ since: 0, return_docs: true });
    for (const c of all.results) {
      const rev = c.changes[0]?.rev;
      if (rev && !s.pending[c.id] && !s.rejected[c.id]) s.pending[c.id] = rev;
    }
    await this.saveState(s);
  }

  async checkpoint(): Promise<string | null> {
    return (await this.state()).checkpoint;
  }
}
