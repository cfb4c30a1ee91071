import { MemorySyncStorage, fetchRemote, syncOnce } from '@tern/sync';
import type { Body, SyncOptions } from '@tern/sync';
import { recordBody, ulidFor } from '../support/sync-fixtures.ts';
import { FaultRemote, newLedger } from './fault-remote.ts';
import type { RunLedger } from './fault-remote.ts';
import { checkRun } from './run-checks.ts';
import { offlineEdit } from './scenario.ts';
import type { Scenario } from './scenario.ts';
import type { SoakStack } from './soak-stack.ts';

/** What one run did and found. */
export interface RunReport {
  mission: string;
  ledger: RunLedger;
  kills: number;
  cuts: number;
  merged: number;
  open: number;
  records: number;
  problems: string[];
}

const DAY = 86_400_000;
/**
 * A device keeps trying while the server restarts: on a loaded shared machine a restart took over
 * 30 s, which ran the first budget (60 tries) out and failed the run for the machine, not for Tern.
 */
const RETRY: SyncOptions['retry'] = { retries: 400, baseMs: 25, maxMs: 500 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A device's record, its timestamps from the device's own (skewed) clock. */
function deviceRecord(mission: string, i: number, run: number, device: string, skewDays: number): Body {
  const body = recordBody(mission, i, 500, run);
  const createdAt = new Date(Date.parse('2026-11-20T10:00:00.000Z') + skewDays * DAY).toISOString();
  return { ...body, createdAt, device };
}

/**
 * One run (scenario.ts): device A fills a new mission through faults (a kill mid-push, a full disk,
 * repeated batches); B and C pull; all three edit the shared records offline (clocks skewed) and B adds
 * records; they sync in a drawn order through a link cut at a drawn byte; A's first batch arrives again
 * late; then everyone syncs until quiet, and run-checks.ts judges the result.
 */
export async function runScenario(soak: SoakStack, s: Scenario, tag: string): Promise<RunReport> {
  const mission = `soak-${tag}-${s.run}`;
  const made = await soak.admin('POST', '/api/missions', { id: mission });
  if (made.status !== 201) throw new Error(`could not make mission ${mission}: ${JSON.stringify(made)}`);
  const { stack } = soak;
  const ledger = newLedger();
  const names = ['A', 'B', 'C'].map((n) => `dev-${n.toLowerCase()}-${tag}-${s.run}`);
  const devices = names.map(() => new MemorySyncStorage());
  const [a, b, c] = devices as [MemorySyncStorage, MemorySyncStorage, MemorySyncStorage];
  const opts = (k: number): SyncOptions => ({
    device: names[k]!,
    batchDocs: s.batchDocs,
    batchBytes: 64 * 1024,
    pullLimit: 40,
    retry: RETRY,
  });
  const shaped = (repeat: boolean) =>
    new FaultRemote(stack.syncUrl(mission), stack.auth, ledger, {
      repeat,
      onDiskFull: () => soak.setDiskRoom(null),
    });
  const direct = () => fetchRemote(stack.directUrl(mission), { ...stack.auth, timeoutMs: 20_000 });

  const ids: string[] = [];
  const shared: string[] = [];
  for (let i = 0; i < s.records + s.shared; i++) {
    const id = `sub:${ulidFor(s.run, i)}`;
    await a.save(id, deviceRecord(mission, i, s.run, names[0]!, s.skewDays[0]));
    ids.push(id);
    if (i >= s.records) shared.push(id);
  }

  // Phase 1: A's first push, through a kill and a full disk.
  let kills = 0;
  const remoteA = shaped(s.repeat);
  if (s.diskFullAfter !== null) soak.setDiskRoom(s.diskFullAfter);
  const push = syncOnce(a, remoteA, opts(0));
  if (s.killAtUp !== null) {
    const settled = push.then(
      () => 'done' as const,
      () => 'done' as const,
    );
    const reached = stack.shaper.whenBytes('up', s.killAtUp).then(() => 'reached' as const);
    if ((await Promise.race([reached, settled])) === 'reached') {
      await sleep(s.killAtUp % 60);
      await stack.kill();
      stack.shaper.resetAll();
      kills += 1;
      await stack.restart();
    }
    stack.shaper.disarm();
  }
  try {
    await push;
  } finally {
    soak.setDiskRoom(null);
  }

  // Phase 2: B and C take everything, then all three go offline and edit.
  await syncOnce(b, direct(), opts(1));
  await syncOnce(c, direct(), opts(2));
  const originals = new Map<string, Body>();
  for (const id of shared) originals.set(id, (await a.read(id))!.body);
  for (const id of shared)
    for (const [k, dev] of devices.entries())
      await dev.save(id, offlineEdit((await dev.read(id))!.body, k, s.edits));
  for (let i = 0; i < 2; i++) {
    const id = `sub:${ulidFor(s.run, 10_000 + i)}`;
    await b.save(id, deviceRecord(mission, 10_000 + i, s.run, names[1]!, s.skewDays[1]));
    ids.push(id);
  }

  // Phase 3: back online in the drawn order, over a link cut once at a drawn byte.
  let cuts = 0;
  if (s.cut) void stack.shaper.cutAfter(s.cut.direction, s.cut.atByte).then(() => (cuts += 1));
  for (const k of s.order) await syncOnce(devices[k]!, shaped(s.repeat), opts(k));
  stack.shaper.disarm();
  if (s.reorder && remoteA.staleBatch) {
    ledger.stale += 1;
    await remoteA.send({ ...remoteA.staleBatch, since: null });
  }

  // Phase 4: everyone syncs until nothing moves (two rounds: the last merge reaches all).
  for (let round = 0; round < 2; round++)
    for (const [k, dev] of devices.entries()) await syncOnce(dev, direct(), opts(k));

  const verdict = await checkRun(soak, {
    mission,
    devices,
    ledger,
    ids,
    shared,
    originals,
    edits: s.edits,
  });
  return {
    mission,
    ledger,
    kills,
    cuts,
    merged: verdict.merged,
    open: verdict.open,
    records: ids.length,
    problems: [...ledger.problems, ...verdict.problems],
  };
}
