import { describe, expect, it } from 'vitest';
import { randomRegionSet } from '../testing/random-region-set.ts';
import { multiregionalLifeTable } from './life-table.ts';
import { estimateRates } from './rates.ts';
import { odIndex, popIndex } from './state-space.ts';

describe('multiregional life table', () => {
  it('with one state it is the ordinary life table (linear nLx, open group l(z)/m(z))', () => {
    const { rates } = randomRegionSet({ regions: 1, ages: 5, seed: 5 });
    const t = multiregionalLifeTable(rates, 0);
    const m = (a: number) => rates.mortality[a]! + rates.emigration[a]!;
    let l = 1;
    let e0 = 0;
    for (let a = 0; a < 4; a++) {
      const next = (l * (1 - 2.5 * m(a))) / (1 + 2.5 * m(a));
      e0 += 2.5 * (l + next);
      l = next;
    }
    e0 += l / m(4);
    expect(t.e0[0]).toBeCloseTo(e0, 10);
  });

  it('people move but are not lost: columns of l(x) fall with age, and e(0) sums by state of birth to e0', () => {
    const { rates } = randomRegionSet({ regions: 3, ages: 18, seed: 9, migrationLevel: 0.1 });
    const t = multiregionalLifeTable(rates, 1);
    for (let j = 0; j < 3; j++) {
      const col = (a: number) => [0, 1, 2].reduce((s, i) => s + t.l[a]![i * 3 + j]!, 0);
      for (let a = 1; a < 18; a++) expect(col(a)).toBeLessThan(col(a - 1));
      // Those born in j spend some years elsewhere.
      expect(t.e[0]![((j + 1) % 3) * 3 + j]).toBeGreaterThan(0);
      expect(t.e0[j]).toBeGreaterThan(50);
      expect(t.e0[j]).toBeLessThan(100);
    }
  });
});

describe('rates from observed counts', () => {
  it('divides each count by the population at risk × years and keeps immigrants as annual counts', () => {
    const { space } = randomRegionSet({ regions: 2, ages: 3, seed: 1 });
    const pop = new Float64Array(12).fill(1000);
    const deaths = new Float64Array(12).fill(50);
    const migrants = new Float64Array(24);
    migrants[odIndex(space, 0, 1, 0, 1)] = 200;
    const births = new Float64Array(6);
    births[1 * 2 + 1] = 300;
    const immigrants = new Float64Array(12).fill(25);
    const { rates, inflow } = estimateRates({
      space,
      years: 5,
      population: pop,
      deaths,
      migrants,
      births,
      immigrants,
    });
    expect(rates.mortality[popIndex(space, 1, 2, 1)]).toBeCloseTo(0.01, 12);
    expect(rates.migration[odIndex(space, 0, 1, 0, 1)]).toBeCloseTo(0.04, 12);
    expect(rates.fertility[1 * 2 + 1]).toBeCloseTo(0.06, 12);
    expect(inflow.counts![0]).toBe(5);
  });

  it('refuses events where nobody is at risk and negative counts', () => {
    const { space } = randomRegionSet({ regions: 1, ages: 2, seed: 1 });
    const base = { space, years: 1, births: new Float64Array(2), migrants: new Float64Array(4) };
    expect(() =>
      estimateRates({ ...base, population: new Float64Array(4), deaths: Float64Array.of(1, 0, 0, 0) }),
    ).toThrow(/population at risk is 0/);
    expect(() =>
      estimateRates({
        ...base,
        population: new Float64Array(4).fill(9),
        deaths: Float64Array.of(-1, 0, 0, 0),
      }),
    ).toThrow(/≥ 0/);
  });
});
