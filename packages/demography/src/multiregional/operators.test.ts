import { describe, expect, it } from 'vitest';
import { matVec } from '../linalg/lu.ts';
import { randomRegionSet } from '../testing/random-region-set.ts';
import { type Conventions, DEFAULT_CONVENTIONS } from './conventions.ts';
import { buildOperators, survivorshipMatrices } from './operators.ts';
import { projectMultiregional, totalsByState } from './project.ts';

const set = randomRegionSet({ regions: 4, ages: 6, seed: 7, migrationLevel: 0.1 });
const R = 4;
const k = Float64Array.of(1000, 2500, 400, 7000);

describe('survivorship operators', () => {
  for (const lastGroup of ['open-linear', 'open-stationary', 'closed'] as const) {
    it(`the linear LU fast path equals the explicit S(x) = Φ(x+n)·P(x)·Φ(x)⁻¹ (${lastGroup})`, () => {
      const c: Conventions = { ...DEFAULT_CONVENTIONS, lastGroup };
      const ops = buildOperators(set.rates, c);
      for (const sex of [0, 1]) {
        const m = survivorshipMatrices(set.rates, c, sex);
        const out = new Float64Array(R);
        for (let a = 0; a < 5; a++) {
          ops.advance(sex, a, k, out);
          matVec(m.S[a]!, k, R).forEach((v, i) => expect(out[i]).toBeCloseTo(v, 8));
        }
        ops.births(sex, k, out);
        matVec(m.births, k, R).forEach((v, i) => expect(out[i]).toBeCloseTo(v, 8));
        if (lastGroup === 'closed') expect(ops.stay).toBeNull();
        else {
          ops.stay!(sex, k, out);
          matVec(m.stay!, k, R).forEach((v, i) => expect(out[i]).toBeCloseTo(v, 8));
        }
      }
    });
  }

  it('the exponential method is close to the linear one at these rates, and its residual shows the exposure approximation', () => {
    const run = (lifeTable: 'linear' | 'exponential') =>
      projectMultiregional({ ...set, startYear: 2020, steps: 4, conventions: { lifeTable } });
    const lin = run('linear');
    const exp = run('exponential');
    const a = totalsByState(set.space, lin.population[4]!);
    const b = totalsByState(set.space, exp.population[4]!);
    for (let i = 0; i < R; i++) {
      expect(Math.abs(a[i]! - b[i]!) / a[i]!).toBeLessThan(0.01);
      expect(a[i]).not.toBe(b[i]);
    }
    expect(Math.max(...exp.components[0]!.residual.map(Math.abs))).toBeGreaterThan(1e-6);
  });

  it("'open-stationary' with one state is Preston's T(z+n)/T(z) and T(z)/L(z−n) survival", () => {
    const one = randomRegionSet({ regions: 1, ages: 4, seed: 3 });
    const c: Conventions = { ...DEFAULT_CONVENTIONS, lastGroup: 'open-stationary' };
    const ops = buildOperators(one.rates, c);
    const m = (a: number) => one.rates.mortality[a]! + one.rates.emigration[a]!;
    const out = new Float64Array(1);
    // T(z) = l(z)/m(z); L(z−n) = n/2·(l(z−n) + l(z)) with l(z)/l(z−n) = (1 − n/2·m)/(1 + n/2·m).
    const p = (1 - 2.5 * m(2)) / (1 + 2.5 * m(2));
    ops.advance(0, 2, Float64Array.of(1), out);
    expect(out[0]).toBeCloseTo(p / m(3) / (2.5 * (1 + p)), 12);
    ops.stay!(0, Float64Array.of(1), out);
    expect(out[0]).toBeCloseTo((1 - 2.5 * m(3)) / (1 + 2.5 * m(3)), 12);
  });

  it('refuses an open group where nobody ever leaves (M singular) with a clear error', () => {
    const one = randomRegionSet({ regions: 1, ages: 3, seed: 3 });
    const rates = {
      ...one.rates,
      mortality: one.rates.mortality.map(() => 0),
      emigration: one.rates.emigration.map(() => 0),
    };
    expect(() =>
      projectMultiregional({
        ...one,
        rates,
        startYear: 2020,
        steps: 1,
        conventions: { lastGroup: 'open-stationary' },
      }),
    ).toThrow(/no exits/);
  });

  it('refuses rates the linear method would turn into negative people, and the exponential method takes them', () => {
    const one = randomRegionSet({ regions: 1, ages: 3, seed: 3 });
    const rates = { ...one.rates, mortality: one.rates.mortality.map((m, p) => (p === 2 ? 0.5 : m)) };
    const run = (lifeTable: 'linear' | 'exponential') =>
      projectMultiregional({ ...one, rates, startYear: 2020, steps: 2, conventions: { lifeTable } });
    expect(() => run('linear')).toThrow(/state R000, women aged 10\+ leave at 0\.500 a year/);
    expect(run('exponential').population[2]!.every((v) => v >= 0)).toBe(true);
  });

  it('refuses a negative or missing base population and an inflow of the wrong size', () => {
    const one = randomRegionSet({ regions: 2, ages: 3, seed: 3 });
    const base = one.base.map((v, p) => (p === 4 ? -1 : v));
    expect(() => projectMultiregional({ ...one, base, startYear: 2020, steps: 1 })).toThrow(
      /value -1 at index 4/,
    );
    expect(() =>
      projectMultiregional({
        ...one,
        base: one.base.map((v, p) => (p === 0 ? Number.NaN : v)),
        startYear: 2020,
        steps: 1,
      }),
    ).toThrow(/finite/);
    expect(() =>
      projectMultiregional({ ...one, inflow: { counts: new Float64Array(3) }, startYear: 2020, steps: 1 }),
    ).toThrow(/inflow's counts/);
  });
});
