import fc from 'fast-check';

/**
 * One seed per suite run, printed, so any failure can be replayed: `TERN_FUZZ_SEED=<seed>` runs the
 * same requests again (fast-check's message also gives `path` for `TERN_FUZZ_PATH`, which replays the
 * shrunk counterexample alone). `TERN_FUZZ_RUNS` scales every property's number of runs (1 = default).
 * `npm test` uses a fixed seed, so a red run means the change broke something, not that the dice
 * rolled; `TERN_FUZZ_SEED=random` explores (decision 095: how to turn a find into a regression test).
 */
const FIXED_SEED = 20261202;
const asked = process.env.TERN_FUZZ_SEED;
export const SEED = asked === 'random' ? Date.now() % 2 ** 31 : asked ? Number(asked) : FIXED_SEED;
const SCALE = process.env.TERN_FUZZ_RUNS ? Number(process.env.TERN_FUZZ_RUNS) : 1;
const PATH = process.env.TERN_FUZZ_PATH;

/** fast-check parameters for a property with `runs` runs by default, within `budgetMs` (shrinking included). */
export function fuzzParams<T>(runs: number, budgetMs: number): fc.Parameters<T> {
  return {
    seed: SEED,
    numRuns: Math.max(1, Math.round(runs * SCALE)),
    // A bound on the whole property: a failing property on a slow machine still ends, and reports.
    interruptAfterTimeLimit: Math.round(budgetMs * Math.max(1, SCALE)),
    markInterruptAsFailure: false,
    ...(PATH ? { path: PATH, endOnFailure: true } : {}),
  };
}
