import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import { MemorySyncStorage, fetchRemote, syncOnce } from '@tern/sync';
import type { SyncOptions } from '@tern/sync';
import { PROFILES } from '../support/link-shaper.ts';
import type { Direction, LinkShaper } from '../support/link-shaper.ts';
import { measuredRemote, startShapedStack } from '../support/shaped-stack.ts';
import type { Exchange, ShapedStack } from '../support/shaped-stack.ts';
import { deviceTriples, deviceWith, digestOf, seededRandom, wireTriples } from '../support/sync-fixtures.ts';

/**
 * Fault tests on a shaped link (WPT 3G): the real server process on LevelDB, a Node device
 * (MemorySyncStorage + fetchRemote + syncOnce). Connections are cut at seeded random byte offsets during
 * push and pull, and the server is SIGKILLed mid-batch and restarted on the same data folder and port.
 * Afterwards both sides must hold the same {_id, _rev, body} set, with nothing duplicated, and each cut
 * may cost at most one batch of bytes sent again.
 *
 * Replay a failure with TERN_FAULT_SEED=<seed printed in the test name>.
 */
const SEED = Number(process.env.TERN_FAULT_SEED ?? 20261126);
const MISSIONS = ['clean', 'fault', 'pullsrc', 'killed'];
const FAST_RETRY: SyncOptions['retry'] = { retries: 30, baseMs: 50, maxMs: 1_000 };

let stack: ShapedStack;
/** Digest of what the device that synced each mission holds, checked against LevelDB at the end. */
const deviceDigests = new Map<string, string>();
beforeAll(async () => {
  stack = await startShapedStack(PROFILES['3g'], { missions: MISSIONS });
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

/** Read what the server holds for a mission through the compact door, from a fresh device. */
async function serverDigest(mission: string): Promise<{ digest: string; count: number }> {
  const fresh = new MemorySyncStorage();
  await syncOnce(fresh, fetchRemote(stack.directUrl(mission), stack.auth), {
    device: 'dev-reader',
    pullLimit: 1000,
  });
  return { digest: digestOf(deviceTriples(fresh)), count: fresh.docs.size };
}

/**
 * Arm cuts one after another while `work` runs: each at a seeded random offset in a direction chosen
 * by `pick`, at most `max` of them. Returns how many happened.
 */
async function cutWhile<T>(
  shaper: LinkShaper,
  work: Promise<T>,
  max: number,
  pick: () => { direction: Direction; offset: number },
): Promise<{ result: T; cuts: Array<{ direction: Direction; offset: number }> }> {
  let finished = false;
  const settled = work.then(
    () => (finished = true),
    () => (finished = true),
  );
  const cuts: Array<{ direction: Direction; offset: number }> = [];
  for (let i = 0; i < max && !finished; i++) {
    const plan = pick();
    const cut = shaper.cutAfter(plan.direction, plan.offset).then(() => true);
    if (await Promise.race([cut, settled.then(() => false)])) cuts.push(plan);
  }
  shaper.disarm();
  return { result: await work, cuts };
}

const sum = (log: Exchange[], k: 'up' | 'down') => log.reduce((n, e) => n + e[k], 0);
/** How many different batches had at least one failed attempt (cuts spread over the run, not one spot). */
const batchesHit = (log: Exchange[]) => {
  const hit = new Set<number>();
  let done = 0;
  for (const e of log) {
    if (e.ok) done += 1;
    else hit.add(done);
  }
  return hit.size;
};
const most = (log: Exchange[]) => Math.max(...log.map((e) => e.up + e.down));

describe(`sync over a cut 3G link (seed ${SEED})`, () => {
  const opts = { batchDocs: 25, batchBytes: 64 * 1024, pullLimit: 100, retry: FAST_RETRY };
  let clean: Exchange[] = [];

  it('pushes 300 records on a clean link (the reference for bytes)', async () => {
    const dev = await deviceWith('clean', 300, { run: 1 });
    const remote = measuredRemote(stack.syncUrl('clean'), stack.shaper, stack.auth);
    const summary = await syncOnce(dev, remote, { device: 'dev-clean', ...opts });
    expect(summary.pushedDocs).toBe(300);
    expect(remote.log.every((e) => e.ok)).toBe(true);
    clean = remote.log;
    deviceDigests.set('clean', digestOf(deviceTriples(dev)));
    expect(await serverDigest('clean')).toEqual({ digest: digestOf(deviceTriples(dev)), count: 300 });
  });

  it('pushes 300 records through cuts at random byte offsets, up and down, losing at most one batch per cut', async () => {
    const rnd = seededRandom(SEED);
    // Same records but for the mission field (same length), so the clean run's bytes are the reference.
    const dev = await deviceWith('fault', 300, { run: 2 });
    const remote = measuredRemote(stack.syncUrl('fault'), stack.shaper, stack.auth);
    const { result, cuts } = await cutWhile(
      stack.shaper,
      syncOnce(dev, remote, { device: 'dev-fault', ...opts }),
      6,
      () => {
        // Spread the cuts over the whole run: on average one every 1/6 of a direction's clean volume.
        const direction: Direction = rnd() < 0.7 ? 'up' : 'down';
        return { direction, offset: 1 + Math.floor((rnd() * 2 * sum(clean, direction)) / 6) };
      },
    );
    expect(cuts.length).toBeGreaterThanOrEqual(3);
    expect(batchesHit(remote.log)).toBeGreaterThanOrEqual(2);
    expect(result.pushedDocs).toBeGreaterThanOrEqual(300);
    expect(result.rejected).toBe(0);
    expect(await dev.pendingCount()).toBe(0);
    expect(remote.log.filter((e) => !e.ok).length).toBe(cuts.length);

    deviceDigests.set('fault', digestOf(deviceTriples(dev)));
    expect(await serverDigest('fault')).toEqual({ digest: digestOf(deviceTriples(dev)), count: 300 });
    // Bytes sent again: everything beyond the clean run, at most one whole exchange per cut.
    const extra = sum(remote.log, 'up') + sum(remote.log, 'down') - sum(clean, 'up') - sum(clean, 'down');
    const perRequestSlack = 16; // `since` checkpoints differ by a few characters between runs
    expect(extra).toBeLessThanOrEqual(cuts.length * most(clean) + remote.log.length * perRequestSlack);
  });

  it('pulls 1,500 records through cuts at random byte offsets, losing at most one page per cut', async () => {
    // Fill the server straight (not through the shaper), then pull through it: once clean, once with cuts.
    const source = await deviceWith('pullsrc', 1_500, { run: 3 });
    await syncOnce(source, fetchRemote(stack.directUrl('pullsrc'), stack.auth), {
      device: 'dev-src',
      batchDocs: 500,
    });

    const cleanDev = new MemorySyncStorage();
    const cleanRemote = measuredRemote(stack.syncUrl('pullsrc'), stack.shaper, stack.auth);
    await syncOnce(cleanDev, cleanRemote, { device: 'dev-pull-clean', ...opts, pullLimit: 200 });
    expect(cleanDev.docs.size).toBe(1_500);

    const rnd = seededRandom(SEED + 1);
    const dev = new MemorySyncStorage();
    const remote = measuredRemote(stack.syncUrl('pullsrc'), stack.shaper, stack.auth);
    const total = sum(cleanRemote.log, 'down');
    const { result, cuts } = await cutWhile(
      stack.shaper,
      syncOnce(dev, remote, { device: 'dev-pull', ...opts, pullLimit: 200 }),
      5,
      () => ({ direction: 'down', offset: 1 + Math.floor((rnd() * 2 * total) / 5) }),
    );
    expect(cuts.length).toBeGreaterThanOrEqual(3);
    expect(batchesHit(remote.log)).toBeGreaterThanOrEqual(2);
    expect(result.pulledDocs).toBe(1_500);
    expect(digestOf(deviceTriples(dev))).toBe(digestOf(deviceTriples(source)));
    deviceDigests.set('pullsrc', digestOf(deviceTriples(dev)));
    expect(await serverDigest('pullsrc')).toEqual({ digest: digestOf(deviceTriples(dev)), count: 1_500 });
    const extra =
      sum(remote.log, 'up') +
      sum(remote.log, 'down') -
      sum(cleanRemote.log, 'up') -
      sum(cleanRemote.log, 'down');
    expect(extra).toBeLessThanOrEqual(cuts.length * most(cleanRemote.log) + remote.log.length * 16);
  });

  it('survives SIGKILL of the server mid-batch and a restart on the same data folder and port', async () => {
    const rnd = seededRandom(SEED + 2);
    const dev = await deviceWith('killed', 400, { run: 4 });
    const remote = measuredRemote(stack.syncUrl('killed'), stack.shaper, stack.auth);
    const upPer = sum(clean, 'up') / clean.length;
    const work = syncOnce(dev, remote, { device: 'dev-killed', ...opts });
    const settled = work.then(
      () => true,
      () => true,
    );
    let kills = 0;
    for (let i = 0; i < 2; i++) {
      // Kill while a batch is on its way up, or just after it arrived (while the server writes it).
      const offset = Math.floor((2 + rnd() * 3) * upPer);
      const reached = stack.shaper.whenBytes('up', offset).then(() => false);
      if (await Promise.race([reached, settled])) break;
      await new Promise((r) => setTimeout(r, Math.floor(rnd() * 150)));
      await stack.kill();
      kills += 1;
      stack.shaper.resetAll();
      await stack.restart();
    }
    const result = await work;
    expect(kills).toBe(2);
    expect(result.rejected).toBe(0);
    expect(await dev.pendingCount()).toBe(0);
    deviceDigests.set('killed', digestOf(deviceTriples(dev)));
    expect(await serverDigest('killed')).toEqual({ digest: digestOf(deviceTriples(dev)), count: 400 });
  });

  it('leaves LevelDB with every document once, no conflicts, the same set as the devices', async () => {
    // Read the server's files directly: stop it, open its LevelDB with the store.
    await stack.close();
    const store = new TernStore({ kind: 'leveldb', dataDir: stack.server.dataDir });
    try {
      for (const [mission, count] of [
        ['clean', 300],
        ['fault', 300],
        ['pullsrc', 1_500],
        ['killed', 400],
      ] as const) {
        const db = store.mission(mission);
        expect(await db.docCount(), mission).toBe(count);
        expect(await db.conflictedIds(), mission).toEqual([]);
        expect(digestOf(wireTriples(await db.allDocs())), mission).toBe(deviceDigests.get(mission));
      }
    } finally {
      await store.close();
    }
  });
});
