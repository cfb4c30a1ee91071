import { parseArgs } from 'node:util';
import { runCampaign, summary } from './campaign.ts';

/**
 * `npm run soak -- [--seed N] [--runs N] [--only N | --from N]`: the fault campaign. Without --seed a
 * seed is drawn and printed first, so any run can be replayed (`--only`) or an interrupted campaign
 * resumed (`--from`: runs N…runs, the same scenarios, on a fresh server).
 */
const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    runs: { type: 'string' },
    only: { type: 'string' },
    from: { type: 'string' },
  },
});
const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;
const runs = values.runs ? Number(values.runs) : 1000;
const only = values.only ? Number(values.only) : undefined;
const from = values.from ? Number(values.from) : undefined;
if (
  ![seed, runs].every(Number.isInteger) ||
  runs < 1 ||
  (only !== undefined && !(Number.isInteger(only) && only >= 1 && only <= runs)) ||
  (from !== undefined && !(Number.isInteger(from) && from >= 1 && from <= runs)) ||
  (only !== undefined && from !== undefined)
) {
  console.error(
    'usage: npm run soak -- [--seed <integer>] [--runs <n ≥ 1>] [--only <run in 1..runs> | --from <run in 1..runs>]',
  );
  process.exit(2);
}
console.log(`soak: seed ${seed}, ${runs} runs (replay: npm run soak -- --seed ${seed} --runs ${runs})`);
const f = await runCampaign({
  seed,
  runs,
  ...(only !== undefined ? { only } : {}),
  ...(from !== undefined ? { from } : {}),
});
console.log(summary(f));
process.exit(f.failed.length ? 1 : 0);
