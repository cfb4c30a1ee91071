import { parseArgs } from 'node:util';
import { runCampaign, summary } from './campaign.ts';

/**
 * `npm run soak -- [--seed N] [--runs N] [--only N]`: the fault campaign. Without --seed a seed is drawn
 * and printed first, so any run can be replayed.
 */
const { values } = parseArgs({
  options: { seed: { type: 'string' }, runs: { type: 'string' }, only: { type: 'string' } },
});
const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;
const runs = values.runs ? Number(values.runs) : 1000;
const only = values.only ? Number(values.only) : undefined;
if (
  ![seed, runs].every(Number.isInteger) ||
  runs < 1 ||
  (only !== undefined && !(only >= 1 && only <= runs))
) {
  console.error('usage: npm run soak -- [--seed <integer>] [--runs <n ≥ 1>] [--only <run in 1..runs>]');
  process.exit(2);
}
console.log(`soak: seed ${seed}, ${runs} runs (replay: npm run soak -- --seed ${seed} --runs ${runs})`);
const f = await runCampaign({ seed, runs, ...(only !== undefined ? { only } : {}) });
console.log(summary(f));
process.exit(f.failed.length ? 1 : 0);
