import type { SyncProgress } from './sync-contract.ts';
import { describe, expect, it } from 'vitest';
import { MemorySyncStorage } from './memory-storage.ts';
import { purgeConformance, storageConformance } from './testing/storage-conformance.ts';

describe('SyncStorage conformance: in-memory', () => {
  for (const [name, run] of Object.entries({ ...storageConformance, ...purgeConformance })) {
    it(name, () =>
      run(async () => {
        const storage = new MemorySyncStorage();
        return {
          storage,
          save: (id, body) => storage.save(id, body),
          read: async (id) => storage.read(id),
        };
      }),
    );
  }
});

describe('syncOnce progress', () => {
  it('reports documents and bytes done and the exact number still to push', async () => {
    const { MemoryServer } = await import('./testing/memory-server.ts');
    const { syncOnce } = await import('./replicator.ts');
    const storage = new MemorySyncStorage();
    for (let i = 0; i < 25; i++)
      await storage.save(`sub:01J00000000000000000000${String(i).padStart(3, '0')}`, { n: i });
    const all: SyncProgress[] = [];
    await syncOnce(storage, new MemoryServer(), {
      device: 'd',
      batchDocs: 10,
      onProgress: (p) => all.push(p),
    });
    // Each round trip: "send" with the batch's size, "store" once its answer is in, then "idle" with
    // the totals (this in-memory server streams nothing, so there is no "receive").
    expect(all.map((e) => e.phase)).toEqual(Array(3).fill(['send', 'store', 'idle']).flat());
    expect(all.filter((e) => e.phase === 'send').map((e) => e.sendingDocs)).toEqual([10, 10, 5]);
    const events = all.filter((e) => e.phase === 'idle');
    expect(events.every((e) => e.sendingDocs === 0 && e.sendingBytes === 0)).toBe(true);
    expect(events[2]!.pushedBytes).toBe(
      all.filter((e) => e.phase === 'send').reduce((n, e) => n + e.sendingBytes, 0),
    );
    expect(events.map((e) => [e.pushedDocs, e.toPush])).toEqual([
      [10, 15],
      [20, 5],
      [25, 0],
    ]);
    expect(events[2]!.pushedBytes).toBeGreaterThan(events[0]!.pushedBytes);
  });
});

describe('a record under review at headquarters', () => {
  const id = 'sub:01J0000000000000000000REV1';
  it('is marked from the pull that says so, even when the device already holds that revision, and the marks stay out of the body', async () => {
    const device = new MemorySyncStorage();
    const rev = await device.save(id, { answers: { notes: 'mine' } });
    const mine = (await device.pending(1))[0]!;
    await device.acknowledge([{ id, rev, ok: true }]);
    const marked = { ...mine, _conflicts: ['2-other'], _disputed: ['answers.notes'] };
    await device.applyPulled([marked], 'cp-1');
    const held = (await device.read(id))!;
    expect(held.rev).toBe(rev);
    expect(held.underReview).toEqual({ leaves: ['2-other'], disputed: ['answers.notes'] });
    expect(held.body).toEqual({ answers: { notes: 'mine' } });
    // A local edit keeps the mark; the pull of a resolution without the marks clears it.
    await device.save(id, { answers: { notes: 'mine, again' } });
    expect((await device.read(id))!.underReview?.disputed).toEqual(['answers.notes']);
    const edited = (await device.read(id))!;
    await device.applyPulled(
      [{ ...edited.body, _id: id, _rev: edited.rev, _revisions: edited.revisions }],
      'cp-2',
    );
    expect((await device.read(id))!.underReview).toBeUndefined();
  });

  it('is marked on insert, without `_conflicts` or `_disputed` in the body a later edit would push', async () => {
    const source = new MemorySyncStorage();
    await source.save(id, { answers: { notes: 'theirs' } });
    const doc = (await source.pending(1))[0]!;
    const device = new MemorySyncStorage();
    await device.applyPulled([{ ...doc, _conflicts: ['2-x'], _disputed: ['answers.notes'] }], 'cp');
    await device.save(id, { ...(await device.read(id))!.body, note: 'edited' });
    const pushed = (await device.pending(1))[0]!;
    expect(
      Object.keys(pushed)
        .filter((k) => k.startsWith('_'))
        .sort(),
    ).toEqual(['_id', '_rev', '_revisions']);
    expect((await device.read(id))!.underReview?.leaves).toEqual(['2-x']);
  });
});
