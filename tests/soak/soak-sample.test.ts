import { describe, expect, it } from 'vitest';
import { seededRandom } from '../support/sync-fixtures.ts';
import { runCampaign, summary } from './campaign.ts';
import { drawScenario } from './scenario.ts';

/**
 * The fault campaign's CI sample (issue 19): 10 runs from a fixed seed against the real server process
 * on LevelDB. The full campaign (`npm run soak`, ≥ 1,000 runs) and its figures: docs/reliability.md.
 * Replay: `npm run soak -- --seed <SEED> --runs 10`.
 */
const SEED = Number(process.env.TERN_SOAK_SEED ?? 20261202);
// 10, not the 30 first planned: on the shared 2-core machine a run takes 4 s when it is quiet and
// 20–30 s when it is loaded, and the sample must stay near two minutes. The first 10 runs of this seed
// hold every kind of fault (checked below).
const RUNS = 10;

describe('the fault campaign', () => {
  it('draws the same scenarios from the same seed (a run is replayable from the seed it prints)', () => {
    const draw = (seed: number) => {
      const rnd = seededRandom(seed);
      return Array.from({ length: 50 }, (_, i) => drawScenario(rnd, i + 1));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it(`${RUNS} runs (seed ${SEED}) mixing kills, cuts, repeats, stale batches, skewed clocks and a full disk keep every promise`, async () => {
    const lines: string[] = [];
    const f = await runCampaign({ seed: SEED, runs: RUNS, log: (l) => lines.push(l) });
    console.log(summary(f));
    expect(f.failed, lines.filter((l) => !/ ok \(/.test(l)).join('\n')).toEqual([]);
    expect(f.runs).toBe(RUNS);
    // The sample must exercise what it claims: every kind of fault happened at least once.
    expect(f.kills).toBeGreaterThan(0);
    expect(f.cuts).toBeGreaterThan(0);
    expect(f.repeats).toBeGreaterThan(0);
    expect(f.stale).toBeGreaterThan(0);
    expect(f.diskRefusals).toBeGreaterThan(0);
    expect(f.merged).toBeGreaterThan(0);
    expect(f.openConflicts).toBeGreaterThan(0);
  }, 240_000);
});
