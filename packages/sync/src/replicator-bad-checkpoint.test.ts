import { describe, expect, it } from 'vitest';
import { MemorySyncStorage } from './memory-storage.ts';
import { syncOnce } from './replicator.ts';
import type { SyncRemote } from './sync-contract.ts';
import { MemoryServer } from './testing/memory-server.ts';
import type { SyncRequest } from './types.ts';

/**
 * A device whose stored checkpoint the server does not recognise (issue 11: the server used to echo a
 * malformed `since` back, and the device silently stopped pulling). The server now answers
 * TERN_BAD_CHECKPOINT; the replicator pulls again from the start, once, and ends with what the server
 * holds.
 */
class StrictServer implements SyncRemote {
  readonly inner = new MemoryServer();
  readonly sinces: Array<string | null> = [];
  async exchange(req: SyncRequest) {
    this.sinces.push(req.since);
    if (req.since !== null && !/^[0-9]+$/.test(req.since))
      throw Object.assign(new Error('since is not a checkpoint of this server'), {
        code: 'TERN_BAD_CHECKPOINT',
      });
    return this.inner.exchange(req);
  }
}

describe('a checkpoint the server does not recognise', () => {
  it('restarts the pull from null and gets every record', async () => {
    const server = new StrictServer();
    const other = new MemorySyncStorage();
    await other.save('sub:1', { n: 1 });
    await other.save('sub:2', { n: 2 });
    await syncOnce(other, server.inner, { device: 'other' });

    const device = new MemorySyncStorage();
    await device.applyPulled([], 'abc');
    const summary = await syncOnce(device, server, { device: 'dev', retry: { retries: 0 } });
    expect(server.sinces).toEqual(['abc', null]);
    expect(summary.pulledDocs).toBe(2);
    expect(await device.checkpoint()).toMatch(/^[0-9]+$/);
  });

  it('pushes again everything it holds, so a server restored from an older backup gets it back', async () => {
    const server = new StrictServer();
    const device = new MemorySyncStorage();
    await device.save('sub:1', { n: 1 });
    await device.save('sub:2', { n: 2 });
    await syncOnce(device, server, { device: 'dev' });
    expect(await device.pendingCount()).toBe(0);
    // The server is "restored" to before these pushes: empty, and the device's checkpoint is not its own.
    const restored = new StrictServer();
    await device.applyPulled([], 'from-before-the-restore');
    const summary = await syncOnce(device, restored, { device: 'dev', retry: { retries: 0 } });
    expect(restored.sinces[0]).toBe('from-before-the-restore');
    expect(summary.pushedDocs).toBe(2);
    const other = new MemorySyncStorage();
    await syncOnce(other, restored.inner, { device: 'other' });
    expect([...other.docs.keys()].sort()).toEqual(['sub:1', 'sub:2']);
    expect(await device.pendingCount()).toBe(0);
  });

  it('does not loop when even the start is refused', async () => {
    const remote: SyncRemote = {
      exchange: async () => {
        throw Object.assign(new Error('refused'), { code: 'TERN_BAD_CHECKPOINT' });
      },
    };
    const device = new MemorySyncStorage();
    await device.applyPulled([], 'abc');
    await expect(syncOnce(device, remote, { device: 'dev', retry: { retries: 0 } })).rejects.toThrow(
      'refused',
    );
  });
});
