// A deterministic synthetic region set for tests and the benchmark: plausible European rates
// (mortality rising with age, fertility 15–49, internal moves peaking at 20–34), from a seed.
import type { InternationalInflow, MultiregionalRates } from '../multiregional/rates.ts';
import { type StateSpace, odIndex, popIndex, popSize, odSize } from '../multiregional/state-space.ts';

/** mulberry32: a small seeded PRNG, enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RegionSetOptions {
  regions: number;
  ages?: number;
  width?: number;
  seed: number;
  /** Scale of the annual internal out-migration rate at its peak, summed over destinations. */
  migrationLevel?: number;
  /** Share of destinations with a non-zero flow (1 = full matrices). */
  density?: number;
}

export interface RegionSet {
  space: StateSpace;
  base: Float64Array;
  rates: MultiregionalRates;
  inflow: InternationalInflow;
}

export function randomRegionSet(o: RegionSetOptions): RegionSet {
  const rnd = seededRandom(o.seed);
  const R = o.regions;
  const A = o.ages ?? 18;
  const width = o.width ?? 5;
  const space: StateSpace = {
    states: Array.from({ length: R }, (_, i) => `R${String(i).padStart(3, '0')}`),
    ages: A,
    width,
  };
  const base = new Float64Array(popSize(space));
  const mortality = new Float64Array(popSize(space));
  const emigration = new Float64Array(popSize(space));
  const migration = new Float64Array(odSize(space));
  const fertility = new Float64Array(A * R);
  const counts = new Float64Array(popSize(space));
  const level = o.migrationLevel ?? 0.03;
  const density = o.density ?? 1;
  for (let i = 0; i < R; i++) {
    const size = 50_000 + rnd() * 950_000;
    for (let sex = 0; sex < 2; sex++)
      for (let a = 0; a < A; a++) {
        const age = (a + 0.5) * width;
        const p = popIndex(space, sex, a, i);
        base[p] = (size / A) * Math.exp(-age / 90) * (0.8 + 0.4 * rnd());
        mortality[p] = Math.min(
          0.25,
          0.0004 * Math.exp(0.085 * age) * (sex === 0 ? 0.8 : 1.1) * (0.8 + 0.4 * rnd()),
        );
        const peak = Math.exp(-(((age - 27) / 12) ** 2));
        emigration[p] = 0.004 * peak * rnd();
        counts[p] = 40 * peak * rnd() * (size / 500_000);
        const total = level * (0.2 + peak) * (0.5 + rnd());
        const row = odIndex(space, sex, a, i, 0);
        let weights = 0;
        for (let j = 0; j < R; j++) if (j !== i && rnd() < density) weights += migration[row + j] = rnd();
        if (weights > 0)
          for (let j = 0; j < R; j++) migration[row + j] = (migration[row + j]! / weights) * total;
        if (sex === 0 && age > 15 && age < 50)
          fertility[a * R + i] = 0.11 * Math.exp(-(((age - 30) / 7) ** 2)) * (0.7 + 0.6 * rnd());
      }
  }
  const srb = new Float64Array(R).fill(1.05);
  return {
    space,
    base,
    rates: { space, mortality, emigration, migration, fertility, srb },
    inflow: { counts },
  };
}
