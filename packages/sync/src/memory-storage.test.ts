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
    const events: Array<{ pushedDocs: number; toPush: number; pushedBytes: number }> = [];
    await syncOnce(storage, new MemoryServer(), {
      device: 'd',
      batchDocs: 10,
      onProgress: (p) => events.push(p),
    });
    expect(events.map((e) => [e.pushedDocs, e.toPush])).toEqual([
      [10, 15],
      [20, 5],
      [25, 0],
    ]);
    expect(events[2]!.pushedBytes).toBeGreaterThan(events[0]!.pushedBytes);
  });
});
