import { describe, expect, it } from 'vitest';
import { projectMultiregional } from './project.ts';
import type { MultiregionalRates } from './rates.ts';
import { type StateSpace, odIndex, popIndex, popSize } from './state-space.ts';

// States need not be regions: here they are citizenship groups in one country, with naturalisation
// (foreign → national) as the only transition, as forecasts of populations by ethnicity or citizenship do.
const space: StateSpace = { states: ['national', 'foreign'], ages: 4, width: 5 };
const N = 0;
const F = 1;

function rates(naturalisation: number): MultiregionalRates {
  const mortality = new Float64Array(popSize(space)).fill(0.01);
  const migration = new Float64Array(2 * 4 * 4);
  for (let sex = 0; sex < 2; sex++)
    for (let a = 1; a < 4; a++) migration[odIndex(space, sex, a, F, N)] = naturalisation;
  const fertility = new Float64Array(8);
  fertility[1 * 2 + N] = 0.05;
  fertility[1 * 2 + F] = 0.08;
  return {
    space,
    mortality,
    migration,
    emigration: new Float64Array(popSize(space)),
    fertility,
    srb: Float64Array.of(1.05, 1.05),
  };
}

describe('population groups as states', () => {
  const base = new Float64Array(popSize(space));
  for (let sex = 0; sex < 2; sex++)
    for (let a = 0; a < 4; a++) {
      base[popIndex(space, sex, a, N)] = 9000;
      base[popIndex(space, sex, a, F)] = 1000;
    }

  it('naturalisations move people from the foreign group to the nationals, and nobody back', () => {
    const r = projectMultiregional({ space, base, rates: rates(0.04), startYear: 2021, steps: 2 });
    const c = r.components[0]!;
    expect(c.internalOut[F]).toBeGreaterThan(0);
    expect(c.internalIn[N]).toBeCloseTo(c.internalOut[F]!, 9);
    expect(c.internalOut[N]).toBe(0);
    const none = projectMultiregional({ space, base, rates: rates(0), startYear: 2021, steps: 2 });
    const group = (pop: Float64Array, s: number) =>
      [0, 1]
        .flatMap((sex) => [0, 1, 2, 3].map((a) => pop[popIndex(space, sex, a, s)]!))
        .reduce((x, y) => x + y, 0);
    expect(group(r.population[2]!, F)).toBeLessThan(group(none.population[2]!, F));
    expect(group(r.population[2]!, N)).toBeGreaterThan(group(none.population[2]!, N));
  });

  it('births are counted in the mother’s group, at its own fertility', () => {
    const r = projectMultiregional({ space, base, rates: rates(0.04), startYear: 2021, steps: 1 });
    const c = r.components[0]!;
    // Births are counted by the mother's group; the foreign group's higher fertility shows per woman.
    expect(c.births[F]! / 1000).toBeGreaterThan(c.births[N]! / 9000);
  });
});
