import { seededRandom } from '../support/sync-fixtures.ts';
import { runScenario } from './run-scenario.ts';
import type { RunReport } from './run-scenario.ts';
import { describeScenario, drawScenario } from './scenario.ts';
import { SoakStack } from './soak-stack.ts';

export interface CampaignOptions {
  seed: number;
  runs: number;
  /** Replay one run only (its scenario is drawn exactly as in the full campaign). */
  only?: number;
  /**
   * Resume an interrupted campaign at this run: runs before it are drawn (so run N is the same scenario)
   * but not played. The server starts empty, not with the earlier runs' records.
   */
  from?: number;
  /** Stop after this many failed runs (the rest would mostly repeat the news). */
  maxFailures?: number;
  log?: (line: string) => void;
}

export interface CampaignFigures {
  seed: number;
  runs: number;
  failed: Array<{ run: number; scenario: string; problems: string[] }>;
  kills: number;
  cuts: number;
  repeats: number;
  stale: number;
  diskRefusals: number;
  merged: number;
  openConflicts: number;
  records: number;
  acked: number;
  seconds: number;
}

/**
 * The fault campaign (issue 19): `runs` scenarios drawn from one seed, against one server process kept
 * across runs (killed and restarted when a scenario says so). Every run is judged by run-checks.ts; a
 * failed run is printed with the command that replays it alone.
 */
export async function runCampaign(o: CampaignOptions): Promise<CampaignFigures> {
  const log = o.log ?? ((l: string) => console.log(l));
  const rnd = seededRandom(o.seed);
  const tag = o.seed.toString(36);
  const f: CampaignFigures = {
    seed: o.seed,
    runs: 0,
    failed: [],
    kills: 0,
    cuts: 0,
    repeats: 0,
    stale: 0,
    diskRefusals: 0,
    merged: 0,
    openConflicts: 0,
    records: 0,
    acked: 0,
    seconds: 0,
  };
  const t0 = performance.now();
  let soak = await SoakStack.start();
  // Ctrl-C stops the server process too (it runs in a process group of its own).
  const stop = () => void soak.close().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    for (let run = 1; run <= o.runs; run++) {
      // Every scenario is drawn, replayed or not, so run N is the same scenario in both.
      const s = drawScenario(rnd, run);
      if (o.only !== undefined && run !== o.only) continue;
      if (o.from !== undefined && run < o.from) continue;
      const what = describeScenario(s);
      let r: RunReport | null = null;
      let problems: string[];
      try {
        r = await runScenario(soak, s, o.only !== undefined ? `${tag}r${Date.now() % 1e6}` : tag);
        problems = r.problems;
      } catch (e) {
        const tail = soak.stack.server.logs.join('').split('\n').slice(-12).join('\n    ');
        problems = [`the run did not finish: ${(e as Error).stack ?? String(e)}\n  server log:\n    ${tail}`];
        // A run that did not finish may leave no server (a restart that failed): the next run gets a
        // fresh stack, so one failure cannot fail every run after it (seed 19191919, run 183).
        await soak.close().catch(() => undefined);
        soak = await SoakStack.start();
      }
      f.runs += 1;
      if (r) {
        f.kills += r.kills;
        f.cuts += r.cuts;
        f.repeats += r.ledger.repeats;
        f.stale += r.ledger.stale;
        f.diskRefusals += r.ledger.diskRefusals;
        f.merged += r.merged;
        f.openConflicts += r.open;
        f.records += r.records;
        f.acked += r.ledger.acked.size;
      }
      if (problems.length) {
        f.failed.push({ run, scenario: what, problems });
        log(`run ${run} FAILED (${what})\n  ${problems.slice(0, 10).join('\n  ')}`);
        log(`  replay: npm run soak -- --seed ${o.seed} --runs ${run} --only ${run}`);
        if (f.failed.length >= (o.maxFailures ?? 20)) break;
      } else log(`run ${run} ok (${what})`);
      if (run % 50 === 0) log(summary({ ...f, seconds: Math.round((performance.now() - t0) / 1000) }));
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await soak.close();
  }
  f.seconds = Math.round((performance.now() - t0) / 1000);
  return f;
}

export function summary(f: CampaignFigures): string {
  return [
    `soak: seed ${f.seed}: ${f.runs} runs, ${f.failed.length} failed, ${f.seconds} s`,
    `  faults: ${f.kills} SIGKILLs mid-push, ${f.cuts} link cuts, ${f.repeats} batches sent twice, ` +
      `${f.stale} stale batches delivered late, ${f.diskRefusals} full-disk refusals`,
    `  records: ${f.records} made, ${f.acked} revisions acknowledged and found again; ` +
      `shared records: ${f.merged} merged, ${f.openConflicts} open for an admin`,
  ].join('\n');
}
