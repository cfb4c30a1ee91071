import { describe, expect, it } from 'vitest';
import { MemorySyncStorage } from './memory-storage.ts';
import { syncOnce } from './replicator.ts';
import type { PullApplied, SyncRemote } from './sync-contract.ts';
import { MemoryServer } from './testing/memory-server.ts';
import type { SyncRequest, SyncResponse, WireDoc } from './types.ts';

/**
 * Pull ahead (decision 219): while one pulled page is stored, the next is already asked for. What a
 * user would notice if it were wrong: a record missing or stored twice, a checkpoint ahead of what the
 * device holds after a failure, an edit made during the pull never sent.
 */

/** A server holding `n` records of another device, and a log of what happened in which order. */
async function serverWith(n: number) {
  const server = new MemoryServer();
  const other = new MemorySyncStorage();
  for (let i = 0; i < n; i++) await other.save(`sub:${String(i).padStart(3, '0')}`, { n: i });
  await syncOnce(other, server, { device: 'other' });
  return server;
}

class LoggingRemote implements SyncRemote {
  readonly log: string[] = [];
  readonly sinces: Array<string | null> = [];
  /** Fail the request asked from this checkpoint (every attempt), with this error. */
  failFrom: { since: string; error: Error } | null = null;
  constructor(readonly server: MemoryServer) {}
  async exchange(req: SyncRequest): Promise<SyncResponse> {
    this.sinces.push(req.since);
    this.log.push(`ask ${req.since ?? 'start'}${req.docs.length ? ` push ${req.docs.length}` : ''}`);
    await new Promise((r) => setTimeout(r, 5));
    if (this.failFrom && req.since === this.failFrom.since) throw this.failFrom.error;
    const res = await this.server.exchange(req);
    this.log.push(`answer ${req.since ?? 'start'}`);
    return res;
  }
}

class LoggingStorage extends MemorySyncStorage {
  readonly log: string[];
  /** Make the nth store (1-based) fail. */
  failStore = 0;
  private stores = 0;
  onStore?: () => Promise<void>;
  constructor(log: string[]) {
    super();
    this.log = log;
  }
  override async applyPulled(docs: WireDoc[], checkpoint: string, gone: string[] = []): Promise<PullApplied> {
    this.stores += 1;
    this.log.push(`store begins ${docs.length}`);
    await new Promise((r) => setTimeout(r, 20));
    await this.onStore?.();
    if (this.stores === this.failStore) throw new Error('the disk is full');
    const applied = await super.applyPulled(docs, checkpoint, gone);
    this.log.push(`stored up to ${checkpoint}`);
    return applied;
  }
}

describe('pulling ahead', () => {
  it('asks for the next page while the last is stored, and ends with every record once', async () => {
    const remote = new LoggingRemote(await serverWith(25));
    const device = new LoggingStorage(remote.log);
    const summary = await syncOnce(device, remote, { device: 'dev', pullLimit: 10, pullAhead: true });
    expect(summary.pulledDocs).toBe(25);
    expect(device.docs.size).toBe(25);
    expect(await device.checkpoint()).toBe(String(25));
    // The second page is asked for (from the first page's checkpoint) before the first is stored.
    const askSecond = remote.log.indexOf('ask 10');
    expect(askSecond).toBeGreaterThan(-1);
    expect(askSecond).toBeLessThan(remote.log.indexOf('stored up to 10'));
    expect(remote.log.indexOf('ask 20')).toBeLessThan(remote.log.indexOf('stored up to 20'));
    // And it is stored only after the first: pages are committed in order.
    expect(remote.log.filter((l) => l.startsWith('stored'))).toEqual([
      'stored up to 10',
      'stored up to 20',
      'stored up to 25',
    ]);
    // No request more than without pulling ahead.
    expect(summary.requests).toBe(3);
  });

  it('takes turns when not asked to pull ahead', async () => {
    const remote = new LoggingRemote(await serverWith(25));
    const device = new LoggingStorage(remote.log);
    await syncOnce(device, remote, { device: 'dev', pullLimit: 10 });
    expect(remote.log.indexOf('ask 10')).toBeGreaterThan(remote.log.indexOf('stored up to 10'));
  });

  it('keeps the checkpoint at the last page stored when a store fails, and the next sync resumes there', async () => {
    const remote = new LoggingRemote(await serverWith(25));
    const device = new LoggingStorage(remote.log);
    device.failStore = 2;
    await expect(
      syncOnce(device, remote, { device: 'dev', pullLimit: 10, pullAhead: true, retry: { retries: 0 } }),
    ).rejects.toThrow('the disk is full');
    // The third page had been asked for already; it was never stored, nor was the checkpoint moved.
    expect(remote.sinces).toContain('20');
    expect(await device.checkpoint()).toBe('10');
    expect(device.docs.size).toBe(10);
    device.failStore = 0;
    remote.sinces.length = 0;
    await syncOnce(device, remote, { device: 'dev', pullLimit: 10, pullAhead: true });
    expect(remote.sinces[0]).toBe('10');
    expect([...device.docs.keys()].sort()).toEqual(
      Array.from({ length: 25 }, (_, i) => `sub:${String(i).padStart(3, '0')}`),
    );
  });

  it('fails the sync with the error of a page asked ahead, the checkpoint at the last page stored', async () => {
    const remote = new LoggingRemote(await serverWith(25));
    remote.failFrom = { since: '10', error: Object.assign(new Error('forbidden'), { status: 403 }) };
    const device = new LoggingStorage(remote.log);
    await expect(
      syncOnce(device, remote, { device: 'dev', pullLimit: 10, pullAhead: true, retry: { retries: 0 } }),
    ).rejects.toThrow('forbidden');
    expect(await device.checkpoint()).toBe('10');
    expect(device.docs.size).toBe(10);
  });

  it('a failure of a page asked ahead and never taken is not an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const remote = new LoggingRemote(await serverWith(25));
      remote.failFrom = { since: '20', error: new Error('link cut') };
      const device = new LoggingStorage(remote.log);
      device.failStore = 2; // fails while the page from '20' is asked for (and fails too)
      await expect(
        syncOnce(device, remote, { device: 'dev', pullLimit: 10, pullAhead: true, retry: { retries: 0 } }),
      ).rejects.toThrow('the disk is full');
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('sends an edit saved during the pull in the same run', async () => {
    const remote = new LoggingRemote(await serverWith(25));
    const device = new LoggingStorage(remote.log);
    let saved = false;
    device.onStore = async () => {
      if (saved) return;
      saved = true;
      await device.save('sub:mine', { n: 'typed during the sync' });
    };
    const summary = await syncOnce(device, remote, { device: 'dev', pullLimit: 10, pullAhead: true });
    expect(summary.pushedDocs).toBe(1);
    expect(await device.pendingCount()).toBe(0);
    expect(remote.server.trees.has('sub:mine')).toBe(true);
    expect(device.docs.size).toBe(26);
  });

  it('starts with a small page and doubles it up to the limit', async () => {
    const remote = new LoggingRemote(await serverWith(100));
    const limits: number[] = [];
    const counting: SyncRemote = {
      exchange: (req) => {
        limits.push(req.pullLimit);
        return remote.exchange(req);
      },
    };
    const device = new LoggingStorage(remote.log);
    const summary = await syncOnce(device, counting, {
      device: 'dev',
      pullLimit: 40,
      firstPullLimit: 5,
      pullAhead: true,
    });
    expect(limits).toEqual([5, 10, 20, 40, 40]);
    expect(summary.pulledDocs).toBe(100);
    expect(device.docs.size).toBe(100);
  });

  it('asks for full pages once it pushes, so its own records never come back in a later page', async () => {
    const remote = new LoggingRemote(await serverWith(30));
    const limits: number[] = [];
    const counting: SyncRemote = {
      exchange: (req) => {
        limits.push(req.pullLimit);
        return remote.exchange(req);
      },
    };
    const device = new LoggingStorage(remote.log);
    await device.save('sub:mine-1', { n: 1 });
    await device.save('sub:mine-2', { n: 2 });
    const summary = await syncOnce(device, counting, {
      device: 'dev',
      pullLimit: 40,
      firstPullLimit: 5,
      pullAhead: true,
    });
    // (The real server leaves a push out of its own answer only; the memory server echoes it, so the
    // page sizes asked for are what is checked here; the e2e sync-progress test counts with the real one.)
    expect(limits).toEqual([40]);
    expect(summary.pushedDocs).toBe(2);
  });
});
