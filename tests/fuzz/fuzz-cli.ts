import { parseArgs } from 'node:util';
import { FAMILIES } from './families.ts';
import type { Family } from './families.ts';
import { describeFamily, interruptedFigures, liveFamily, runVolume } from './fuzz-volume.ts';

/**
 * `npm run fuzz -- [--seed N] [--per-family N] [--family NAME]… [--max-minutes-per-family M]
 * [--world-requests N] [--trace-worlds]`: hostile requests at volume, a fresh app and store every N
 * requests (10,000); `--trace-worlds` prints memory as each world closes (run Node with --expose-gc). A family stopped by the time limit reports how many requests it got.
 * Stopped by Ctrl-C or `kill` (SIGINT/SIGTERM), it prints what was judged so far, the family in progress included.
 */
const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    'per-family': { type: 'string' },
    family: { type: 'string', multiple: true },
    'max-minutes-per-family': { type: 'string' },
    'world-requests': { type: 'string' },
    'trace-worlds': { type: 'boolean' },
  },
});
const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;
const perFamily = values['per-family'] ? Number(values['per-family']) : 100_000;
const families = values.family as Family[] | undefined;
const minutes = values['max-minutes-per-family'] ? Number(values['max-minutes-per-family']) : undefined;
const worldRequests = values['world-requests'] ? Number(values['world-requests']) : undefined;
const unknown = (families ?? []).filter((f) => !(f in FAMILIES));
if (
  !Number.isInteger(seed) ||
  !(perFamily >= 1) ||
  unknown.length ||
  (minutes !== undefined && !(minutes > 0)) ||
  (worldRequests !== undefined && !(worldRequests >= 1))
) {
  console.error(
    `usage: npm run fuzz -- [--seed <integer>] [--per-family <n>] [--family <${Object.keys(FAMILIES).join(' | ')}>]… [--max-minutes-per-family <m>] [--world-requests <n>] [--trace-worlds]`,
  );
  process.exit(2);
}
console.log(
  `fuzz: seed ${seed}, ${perFamily} requests per family, RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`,
);
// Stopped from outside (Ctrl-C, `kill`): print what was judged so far, the family in progress included.
const live = liveFamily();
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.once(sig, () => {
    const now = interruptedFigures(live);
    if (now) console.log(`${describeFamily(now)} — stopped by ${sig} before the family's end`);
    const all = now ? [...live.done, now] : live.done;
    const total = all.reduce((n, f) => n + f.requests, 0);
    console.log(
      `fuzz: seed ${seed}: stopped by ${sig}: ${total} requests in ${all.length} families, 0 families failed`,
    );
    live.cleanup();
    process.exit(130);
  });
const figures = await runVolume({
  live,
  seed,
  perFamily,
  ...(families ? { families } : {}),
  ...(minutes ? { maxMsPerFamily: minutes * 60_000 } : {}),
  ...(worldRequests ? { worldRequests } : {}),
  ...(values['trace-worlds'] ? { traceWorlds: true } : {}),
});
const failed = figures.filter((f) => f.failure);
const total = figures.reduce((n, f) => n + f.requests, 0);
console.log(
  `fuzz: seed ${seed}: ${total} requests in ${figures.length} families, ${failed.length} families failed`,
);
process.exit(failed.length ? 1 : 0);
