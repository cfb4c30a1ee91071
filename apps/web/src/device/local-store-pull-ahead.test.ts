import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemorySyncStorage, syncOnce } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { MemoryServer } from '@tern/sync/testing';
import { openDb } from './db.ts';
import type { TernDb } from './db.ts';
import { DexieSyncStorage } from './local-store.ts';
import { docsOf } from './doc-repository.ts';
import { unseal } from '../crypto/sealed.ts';

/**
 * A first pull on the device with pull ahead (decision 219): pages sealed ahead of their write, the
 * write reading only the rows the device holds. Every record sealed, none lost or doubled, the
 * checkpoint never past what is stored, a local edit never replaced.
 */
let db: TernDb;
let key: CryptoKey;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = openDb(`pull-ahead-${n}`);
  key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
});
afterEach(async () => {
  await db.delete();
});

const idOf = (i: number) => `sub:${String(i).padStart(4, '0')}`;

async function serverWith(count: number): Promise<MemoryServer> {
  const server = new MemoryServer();
  const other = new MemorySyncStorage();
  for (let i = 0; i < count; i++) await other.save(idOf(i), { answers: { full_name: `Person ${i}` } });
  await syncOnce(other, server, { device: 'other' });
  return server;
}

describe('a first pull with pull ahead', () => {
  it('stores every record once, sealed, with the checkpoint of the last page', async () => {
    const server = await serverWith(250);
    const storage = new DexieSyncStorage(db, 'demo', key);
    const summary = await syncOnce(storage, server, { device: 'tablet', pullLimit: 100, pullAhead: true });
    expect(summary.pulledDocs).toBe(250);
    const rows = await db.docs.toArray();
    expect(rows.map((r) => r.id).sort()).toEqual(Array.from({ length: 250 }, (_, i) => idOf(i)));
    // Never in clear: the name is not in the stored row, and opens only with the key.
    for (const row of rows.slice(0, 5)) {
      expect(JSON.stringify(row)).not.toContain('Person');
      const body = await unseal(key, row.id, row.rev, row.sealed);
      expect(body).toEqual({ answers: { full_name: `Person ${Number(row.id.slice(4))}` } });
    }
    expect(await storage.checkpoint()).toBe('250');
    // The page's IVs are drawn together but each row keeps 12 bytes of its own, all different: a
    // view into a shared buffer would be stored with the whole buffer (decision 227).
    for (const row of rows) {
      expect(row.sealed.iv.byteLength).toBe(12);
      expect(row.sealed.iv.buffer.byteLength).toBe(12);
    }
    expect(new Set(rows.map((r) => Array.from(r.sealed.iv).join(','))).size).toBe(rows.length);
  });

  it('a page sealed ahead that is malformed fails its own write, stores nothing and leaves no stray error', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const storage = new DexieSyncStorage(db, 'demo', key);
      const good: WireDoc = { _id: 'sub:a', _rev: '1-aa', _revisions: { start: 1, ids: ['aa'] }, n: 1 };
      // A rev that does not head its history: a forged page.
      const forged: WireDoc = { _id: 'sub:b', _rev: '2-bb', _revisions: { start: 1, ids: ['bb'] }, n: 2 };
      const page = [good, forged];
      storage.preparePulled(page);
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
      await expect(storage.applyPulled(page, '7')).rejects.toThrow(/does not head its _revisions/);
      expect(await db.docs.count()).toBe(0);
      expect(await storage.checkpoint()).toBeNull();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('a large page decides each row against the one stored: held rows at both ends of its range, a local edit kept', async () => {
    const server = await serverWith(200);
    const storage = new DexieSyncStorage(db, 'demo', key);
    // The device already holds the first and last records of the page (synced) and an edit of its own
    // of a record in the middle, never pushed, whose history the server's revision does not contain.
    await syncOnce(storage, server, { device: 'tablet', pullLimit: 1 });
    await db.docs
      .where('id')
      .noneOf([idOf(0), idOf(199)])
      .delete();
    await db.docs.bulkUpdate([
      { key: idOf(0), changes: { updatedAt: '2026-11-01T00:00:00.000Z' } },
      { key: idOf(199), changes: { updatedAt: '2026-11-01T00:00:00.000Z' } },
    ]);
    const mine = await docsOf(db).seal(
      key,
      {
        id: idOf(100),
        mission: 'demo',
        type: 'sub',
        rev: '1-mine',
        revisions: { start: 1, ids: ['mine'] },
        deleted: false,
        syncState: 'pending',
        createdAt: '2026-12-01T00:00:00.000Z',
        updatedAt: '2026-12-01T00:00:00.000Z',
      },
      { answers: { full_name: 'typed on this tablet' } },
    );
    await db.docs.put(mine);
    const all = Array.from({ length: 200 }, (_, i) => server.winnerDoc(idOf(i)));
    await storage.applyPulled(all, '200');
    expect(await db.docs.count()).toBe(200);
    const kept = (await db.docs.get(idOf(100)))!;
    expect(kept.rev).toBe('1-mine');
    expect(kept.syncState).toBe('pending');
    // The records held before, at both ends of the page's range, were read and found the same
    // revision: left as they were (a row not read would have been written anew, with a new time).
    for (const id of [idOf(0), idOf(199)]) {
      const row = (await db.docs.get(id))!;
      expect(row.syncState).toBe('synced');
      expect(row.updatedAt).toBe('2026-11-01T00:00:00.000Z');
    }
    expect(await storage.checkpoint()).toBe('200');
  });
});
