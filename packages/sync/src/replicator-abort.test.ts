import { describe, expect, it } from 'vitest';
import { MemorySyncStorage } from './memory-storage.ts';
import { syncOnce } from './replicator.ts';
import type { ExchangeProgress, PullApplied, SyncRemote } from './sync-contract.ts';
import { MemoryServer } from './testing/memory-server.ts';
import type { SyncRequest, SyncResponse, WireDoc } from './types.ts';

/**
 * A page asked ahead (decision 219) that will not be taken is aborted, not left running (decision 228):
 * the page before it failed to store, the pull restarted from the start, or the run was stopped (the
 * user logged out or locked the app). What a user would notice if it were wrong: a record missing or
 * stored twice, a checkpoint ahead of what the device holds, a request still loading the server (and
 * the link) after the sync screen is gone, a request retried after it was stopped.
 */

const ids = (n: number) => Array.from({ length: n }, (_, i) => `sub:${String(i).padStart(3, '0')}`);

async function serverWith(n: number) {
  const server = new MemoryServer();
  const other = new MemorySyncStorage();
  for (const id of ids(n)) await other.save(id, { n: id });
  await syncOnce(other, server, { device: 'other' });
  return server;
}

/** One request as the remote saw it: where from, and how it ended. */
interface Seen {
  since: string | null;
  ended: 'answered' | 'aborted' | 'failed' | 'running';
}

/**
 * A remote that takes `delayMs` to answer and honours the abort signal as fetch does: an aborted
 * request rejects at once with the signal's reason, and its answer is never given.
 */
class SlowRemote implements SyncRemote {
  readonly seen: Seen[] = [];
  /** Fail every attempt from this checkpoint with a transient error (a dropped link). */
  failFrom: string | null = null;
  constructor(
    readonly server: MemoryServer,
    readonly delayMs = 30,
  ) {}
  exchange(req: SyncRequest, _progress?: ExchangeProgress, signal?: AbortSignal): Promise<SyncResponse> {
    const seen: Seen = { since: req.since, ended: 'running' };
    this.seen.push(seen);
    return new Promise<SyncResponse>((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        seen.ended = 'aborted';
        reject(signal!.reason instanceof Error ? signal!.reason : new DOMException('aborted', 'AbortError'));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        if (this.failFrom !== null && req.since === this.failFrom) {
          seen.ended = 'failed';
          reject(new TypeError('Failed to fetch'));
          return;
        }
        this.server.exchange(req).then((r) => {
          seen.ended = 'answered';
          resolve(r);
        }, reject);
      }, this.delayMs);
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

class SlowStorage extends MemorySyncStorage {
  failStore = 0;
  stores = 0;
  /** Runs inside the nth store (1-based), before it is written. */
  during: { store: number; run: () => void | Promise<void> } | null = null;
  override async applyPulled(docs: WireDoc[], checkpoint: string, gone: string[] = []): Promise<PullApplied> {
    this.stores += 1;
    await new Promise((r) => setTimeout(r, 10));
    if (this.during?.store === this.stores) await this.during.run();
    if (this.stores === this.failStore) throw new Error('the disk is full');
    return super.applyPulled(docs, checkpoint, gone);
  }
}

/** Let aborted promises and timers settle. */
const settle = () => new Promise((r) => setTimeout(r, 80));

describe('a page asked ahead and dropped is aborted', () => {
  it('when the page before it fails to store: aborted, the checkpoint at the last page stored', async () => {
    const remote = new SlowRemote(await serverWith(25));
    const device = new SlowStorage();
    device.failStore = 2;
    await expect(
      syncOnce(device, remote, { device: 'dev', pullLimit: 10, pullAhead: true, retry: { retries: 0 } }),
    ).rejects.toThrow('the disk is full');
    await settle();
    // The page from '20' was asked while the page from '10' was stored; it was given up, not answered.
    expect(remote.seen.find((s) => s.since === '20')?.ended).toBe('aborted');
    expect(remote.seen.filter((s) => s.ended === 'running')).toEqual([]);
    expect(await device.checkpoint()).toBe('10');
    expect(device.docs.size).toBe(10);
    // Nothing lost: the next sync resumes at the checkpoint and ends with every record once.
    device.failStore = 0;
    const summary = await syncOnce(device, remote, { device: 'dev', pullLimit: 10, pullAhead: true });
    expect(summary.pulledDocs).toBe(15);
    expect([...device.docs.keys()].sort()).toEqual(ids(25));
  });

  it('when the run is stopped during a store: that page is written, the page ahead aborted, no retry', async () => {
    const remote = new SlowRemote(await serverWith(35));
    const device = new SlowStorage();
    const stop = new AbortController();
    // Logged out while the second page is written.
    device.during = { store: 2, run: () => stop.abort() };
    let retried = 0;
    const run = syncOnce(device, remote, {
      device: 'dev',
      pullLimit: 10,
      pullAhead: true,
      signal: stop.signal,
      retry: { retries: 3, baseMs: 1, maxMs: 1, onRetry: () => (retried += 1) },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    await settle();
    // The page in hand was written to its end with its checkpoint: the two agree.
    expect(await device.checkpoint()).toBe('20');
    expect([...device.docs.keys()].sort()).toEqual(ids(20));
    // The page asked ahead from '20' was aborted, and nothing was asked after the stop.
    expect(remote.seen.map((s) => s.since)).toEqual([null, '10', '20']);
    expect(remote.seen[2]!.ended).toBe('aborted');
    expect(retried).toBe(0);
    // The next sync resumes there: every record once.
    const summary = await syncOnce(device, remote, { device: 'dev', pullLimit: 10, pullAhead: true });
    expect(summary.pulledDocs).toBe(15);
    expect([...device.docs.keys()].sort()).toEqual(ids(35));
  });

  it('when the run is stopped while waiting for an answer: that request is aborted, nothing stored', async () => {
    const remote = new SlowRemote(await serverWith(5), 200);
    const device = new SlowStorage();
    const stop = new AbortController();
    const run = syncOnce(device, remote, { device: 'dev', pullLimit: 10, signal: stop.signal });
    setTimeout(() => stop.abort(), 20);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(remote.seen).toEqual([{ since: null, ended: 'aborted' }]);
    expect(await device.checkpoint()).toBeNull();
    expect(device.docs.size).toBe(0);
  });

  it('a stopped run is not retried, even on an error that would be (a dropped link)', async () => {
    const remote = new SlowRemote(await serverWith(25));
    remote.failFrom = '10';
    const device = new SlowStorage();
    const stop = new AbortController();
    let retries = 0;
    const run = syncOnce(device, remote, {
      device: 'dev',
      pullLimit: 10,
      pullAhead: true,
      signal: stop.signal,
      retry: {
        retries: 5,
        baseMs: 40,
        maxMs: 40,
        random: () => 1,
        // The first failure of the page ahead: the user locks the app during the wait before a retry.
        onRetry: () => {
          retries += 1;
          stop.abort();
        },
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    await settle();
    expect(retries).toBe(1);
    // One attempt from '10' only: the retry that was waiting never went out.
    expect(remote.seen.filter((s) => s.since === '10')).toHaveLength(1);
    expect(await device.checkpoint()).toBe('10');
  });

  it('when the stored checkpoint is no longer the one it was asked from: aborted, asked again from there', async () => {
    const remote = new SlowRemote(await serverWith(25));
    const device = new SlowStorage();
    // While the first page is stored, another tab's sync (or a restore) puts the checkpoint back to the start.
    let reset = false;
    const original = device.checkpoint.bind(device);
    device.checkpoint = async () => {
      if (device.stores === 1 && !reset && (await original()) === '10') {
        reset = true;
        return null;
      }
      return original();
    };
    const summary = await syncOnce(device, remote, { device: 'dev', pullLimit: 10, pullAhead: true });
    await settle();
    expect(reset).toBe(true);
    // The page ahead from '10' was dropped and aborted; the pull went on from where the device stood.
    expect(remote.seen[1]).toEqual({ since: '10', ended: 'aborted' });
    expect(remote.seen[2]!.since).toBeNull();
    expect(remote.seen.filter((s) => s.ended === 'running')).toEqual([]);
    expect([...device.docs.keys()].sort()).toEqual(ids(25));
    expect(summary.pulledDocs).toBeGreaterThanOrEqual(25);
  });
});
