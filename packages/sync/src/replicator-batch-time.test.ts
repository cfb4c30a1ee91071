import { describe, expect, it } from 'vitest';
import { jsonBytes } from './body.ts';
import { MemorySyncStorage } from './memory-storage.ts';
import { nextBatchBudget } from './push-batch.ts';
import { syncOnce } from './replicator.ts';
import type { SyncProgress, SyncRemote } from './sync-contract.ts';
import { MemoryServer } from './testing/memory-server.ts';
import type { SyncRequest } from './types.ts';

/**
 * Push batches sized by time (decision 191, update of 2026-12-03): browsers give no upload progress
 * inside one request, so on a slow link the device sends batches of about `batchSeconds` of sending
 * each, and the progress line moves between them. A simulated link on a simulated clock: each round
 * trip costs its round-trip time plus the request's bytes at the link's rate.
 */
class SimulatedLink implements SyncRemote {
  readonly server = new MemoryServer();
  readonly batches: number[] = [];
  clock = 0;
  constructor(
    private readonly bytesPerSecond: number,
    private readonly rttMs: number,
  ) {}
  async exchange(req: SyncRequest, progress?: { received?(bytes: number, docs: number): void }) {
    const bytes = req.docs.reduce((n, d) => n + jsonBytes(d), 0);
    this.batches.push(bytes);
    this.clock += this.rttMs + (bytes / this.bytesPerSecond) * 1000;
    const res = await this.server.exchange(req);
    progress?.received?.(100, 0); // the answer's first byte
    this.clock += 5;
    return res;
  }
}

/** ~1 KB of answers that do not compress well (the size, not the content, matters here). */
const body = (i: number) => ({ notes: `${i} `.padEnd(1000, String.fromCharCode(97 + (i % 26))) });

async function deviceWith(n: number) {
  const device = new MemorySyncStorage();
  for (let i = 0; i < n; i++) await device.save(`sub:${String(i).padStart(4, '0')}`, body(i));
  return device;
}

describe('push batches sized by time', () => {
  it('the budget follows the measured rate, grows at most twice per round trip, stays within bounds', () => {
    // 50 KB/s measured, 1 s wanted: 50 KB, but not more than twice the last 16 KB budget.
    expect(nextBatchBudget({ budget: 16_000, bytes: 16_000, sendMs: 320 }, 1, 8_000, 1_000_000)).toBe(32_000);
    expect(nextBatchBudget({ budget: 64_000, bytes: 64_000, sendMs: 1280 }, 1, 8_000, 1_000_000)).toBe(
      50_000,
    );
    expect(nextBatchBudget({ budget: 64_000, bytes: 64_000, sendMs: 60_000 }, 1, 8_000, 1_000_000)).toBe(
      8_000,
    );
    expect(nextBatchBudget({ budget: 800_000, bytes: 800_000, sendMs: 10 }, 1, 8_000, 1_000_000)).toBe(
      1_000_000,
    );
    expect(nextBatchBudget({ budget: 64_000, bytes: 64_000, sendMs: 0 }, 1, 8_000, 1_000_000)).toBe(128_000);
  });

  it('on WPT 3G Slow (50 KB/s up, 400 ms) every batch takes about a second, and progress moves with each', async () => {
    const link = new SimulatedLink(50_000, 400);
    const device = await deviceWith(300);
    const events: Array<{ at: number; p: SyncProgress }> = [];
    const summary = await syncOnce(device, link, {
      device: 'dev',
      batchSeconds: 1,
      now: () => link.clock,
      onProgress: (p) => events.push({ at: link.clock, p }),
    });
    expect(summary.pushedDocs).toBe(300);
    expect(await device.pendingCount()).toBe(0);
    // The first batch is the cautious 16 KiB; then about 1 s of sending each (RTT counted against the
    // link), never over 1.5 s; the last one is what is left.
    const full = link.batches.slice(1, -1);
    expect(full.length).toBeGreaterThanOrEqual(3);
    for (const b of full) expect(b / 50_000).toBeLessThanOrEqual(1.5);
    for (const b of full) expect(b / 50_000).toBeGreaterThan(0.3);
    // The count of records sent moves at every round trip: never more than 2 s of link time apart.
    const sent = events.filter((e) => e.p.phase === 'idle');
    const gaps = sent.slice(1).map((e, i) => e.at - sent[i]!.at);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2000);
    expect(sent.map((e) => e.p.pushedDocs)).toEqual(
      [...sent.map((e) => e.p.pushedDocs)].sort((a, b) => a - b),
    );
  });

  it('on a fast link the batches grow to the usual 1 MiB within a few round trips', async () => {
    const link = new SimulatedLink(10_000_000, 10);
    const device = await deviceWith(3000);
    await syncOnce(device, link, { device: 'dev', batchSeconds: 1, now: () => link.clock });
    expect(link.batches[0]).toBeLessThanOrEqual(16 * 1024);
    expect(Math.max(...link.batches)).toBeGreaterThan(900 * 1024);
    expect(link.batches.length).toBeLessThanOrEqual(10);
  });

  it('without batchSeconds the batches are as before (the byte and count limits only)', async () => {
    const link = new SimulatedLink(50_000, 400);
    const device = await deviceWith(300);
    await syncOnce(device, link, { device: 'dev', now: () => link.clock });
    expect(link.batches).toHaveLength(1);
  });

  it('a record larger than the budget still goes, alone', async () => {
    const link = new SimulatedLink(5_000, 400);
    const device = new MemorySyncStorage();
    await device.save('sub:big', { notes: 'x'.repeat(40_000) });
    await device.save('sub:small', { notes: 'y' });
    const summary = await syncOnce(device, link, {
      device: 'dev',
      batchSeconds: 1,
      firstBatchBytes: 16_000,
      now: () => link.clock,
    });
    expect(summary.pushedDocs).toBe(2);
    expect(link.batches[0]).toBeGreaterThan(40_000);
  });
});
