import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { TernStore } from '@tern/store';
import { FuzzWorld, HostileHarness, generatorFor, listRoutes } from '@tern/server/hostile';
import { routesByFamily } from './families.ts';
import type { Family } from './families.ts';

export interface FamilyFigures {
  family: Family;
  routes: number;
  requests: number;
  /** The first broken promise (a crash, a 5xx, no answer, a record changed without leave), or null. */
  failure: string | null;
  rssBeforeMb: number;
  rssAfterMb: number;
  /** The highest RSS seen while the family ran (sampled every second). */
  rssPeakMb: number;
  /** Fresh worlds (app and store) the family's requests were served by. */
  worlds: number;
  seconds: number;
}

/** Requests one world serves in the volume run before a fresh one (HostileHarness's `worldRequests`). */
export const WORLD_REQUESTS = 10_000;

const mb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

/**
 * Hostile requests at volume (issue 19): for each route family, `perFamily` requests generated from the
 * API's zod schemas and mutated from valid traffic by the hostile suite's generators (route-generators.ts),
 * sent by every kind of caller to one in-process app on LevelDB, each judged by the hostile harness:
 * an answer, no uncaught exception, no 5xx, `/api/health` 200 after it, and every mission's records
 * unchanged unless the response acknowledged the write (oracles.ts). RSS is read before and after.
 */
export async function runVolume(o: {
  seed: number;
  perFamily: number;
  /** Stop a family after this long (the figures then say how many requests it got). */
  maxMsPerFamily?: number;
  families?: Family[];
  /** Requests per world (default WORLD_REQUESTS). */
  worldRequests?: number;
  /**
   * Print the heap and RSS each time a world has closed (after a full collection when Node runs with
   * `--expose-gc`): memory that climbs from world to world is a leak, not the judge's digest.
   */
  traceWorlds?: boolean;
  log?: (line: string) => void;
  /**
   * Filled while a family runs: how many requests it has had judged so far, so that a run stopped from
   * outside (fuzz-cli.ts on SIGINT/SIGTERM) can still say what was done. Every request counted passed:
   * the first failure ends the family (`endOnFailure`).
   */
  live?: LiveFamily;
}): Promise<FamilyFigures[]> {
  const log = o.log ?? ((l: string) => console.log(l));
  const dirs: string[] = [];
  // The harness closes a world before it builds the next, so the earlier worlds' folders can go: a
  // volume run's hostile writes would otherwise fill the disk.
  const leveldb = () => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    const dataDir = mkdtempSync(join(tmpdir(), 'tern-fuzz-'));
    dirs.push(dataDir);
    return new TernStore({ kind: 'leveldb', dataDir });
  };
  // A run stopped from outside exits without its `finally`: its LevelDB folders go with it.
  if (o.live) o.live.cleanup = () => dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  const probe = await FuzzWorld.create();
  const families = routesByFamily(listRoutes(probe.app));
  await probe.close();
  // A request still counts as never answered after 60 s, not 5 s: the volume run is run niced on a
  // shared machine, where a login's scrypt alone took over 5 s (decision 177).
  const gc = (globalThis as { gc?: () => void }).gc;
  const harness = new HostileHarness(
    leveldb,
    60_000,
    o.worldRequests ?? WORLD_REQUESTS,
    o.traceWorlds
      ? (n) => {
          gc?.();
          const m = process.memoryUsage();
          log(
            `fuzz: world ${n} closed: heap ${Math.round(m.heapUsed / 2 ** 20)} MB${gc ? ' after a full collection' : ''}, ` +
              `external ${Math.round(m.external / 2 ** 20)} MB, RSS ${Math.round(m.rss / 2 ** 20)} MB`,
          );
        }
      : undefined,
  );
  const out: FamilyFigures[] = [];
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, mb())), 1_000);
  await harness.start();
  try {
    for (const [family, routes] of families) {
      if (o.families && !o.families.includes(family)) continue;
      await harness.renew();
      const before = mb();
      peak = before;
      const sent = harness.requests;
      const worlds = harness.worlds;
      const t0 = performance.now();
      if (o.live) {
        o.live.family = family;
        o.live.routes = routes.length;
        o.live.requests = () => harness.requests - sent;
        o.live.worlds = () => harness.worlds - worlds;
        o.live.started = t0;
        o.live.rssBeforeMb = before;
        o.live.peakMb = () => Math.max(peak, mb());
      }
      const arb = fc.constantFrom(...routes).chain((r) => generatorFor(r)!);
      const result = await fc.check(
        fc.asyncProperty(arb, (r) => harness.check(r)),
        // No shrinking at volume: the seed and path replay the failing request (fuzz-config.ts).
        {
          seed: o.seed,
          numRuns: o.perFamily,
          endOnFailure: true,
          ...(o.maxMsPerFamily
            ? { interruptAfterTimeLimit: o.maxMsPerFamily, markInterruptAsFailure: false }
            : {}),
        },
      );
      const f: FamilyFigures = {
        family,
        routes: routes.length,
        requests: harness.requests - sent,
        failure: result.failed
          ? `${String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance).slice(0, 1500)}\n  replay: --seed ${o.seed} --family '${family}' (fast-check path ${result.counterexamplePath})`
          : null,
        rssBeforeMb: before,
        rssAfterMb: mb(),
        rssPeakMb: Math.max(peak, mb()),
        worlds: harness.worlds - worlds,
        seconds: Math.round((performance.now() - t0) / 1000),
      };
      out.push(f);
      if (o.live) {
        o.live.family = null;
        o.live.done.push(f);
      }
      log(describeFamily(f));
    }
  } finally {
    clearInterval(sampler);
    await harness.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
  return out;
}

/** The family a volume run is in the middle of (see `runVolume`'s `live`). */
export interface LiveFamily {
  family: Family | null;
  /** The families that ended. */
  done: FamilyFigures[];
  routes: number;
  requests: () => number;
  worlds: () => number;
  started: number;
  rssBeforeMb: number;
  peakMb: () => number;
  /** Deletes the run's store folders. */
  cleanup: () => void;
}

export function liveFamily(): LiveFamily {
  return {
    family: null,
    done: [],
    routes: 0,
    requests: () => 0,
    worlds: () => 0,
    started: 0,
    rssBeforeMb: 0,
    peakMb: mb,
    cleanup: () => {},
  };
}

/** The figures of the family in progress when the run is stopped from outside, or null between families. */
export function interruptedFigures(l: LiveFamily): FamilyFigures | null {
  if (!l.family) return null;
  return {
    family: l.family,
    routes: l.routes,
    // The request in flight at the stop was counted when sent, not yet judged: it does not count.
    requests: Math.max(0, l.requests() - 1),
    failure: null,
    rssBeforeMb: l.rssBeforeMb,
    rssAfterMb: mb(),
    rssPeakMb: l.peakMb(),
    worlds: l.worlds(),
    seconds: Math.round((performance.now() - l.started) / 1000),
  };
}

export function describeFamily(f: FamilyFigures): string {
  return (
    `fuzz: ${f.family}: ${f.requests} requests to ${f.routes} routes, ${f.failure ? 'FAILED' : '0 crashes, 0 5xx, 0 records changed without leave'}, ` +
    `RSS ${f.rssBeforeMb} → ${f.rssAfterMb} MB (peak ${f.rssPeakMb}), ${f.worlds} worlds, ${f.seconds} s` +
    (f.failure ? `\n  ${f.failure}` : '')
  );
}
