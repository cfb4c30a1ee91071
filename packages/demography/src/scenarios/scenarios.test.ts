import { describe, expect, it } from 'vitest';
import { projectMultiregional, totalsByState } from '../multiregional/project.ts';
import { randomRegionSet } from '../testing/random-region-set.ts';
import { compareScenarios, oldAgeDependency } from './compare.ts';
import { type Baseline, runScenario, runScenarios } from './scenario.ts';

const set = randomRegionSet({ regions: 5, ages: 18, seed: 11, migrationLevel: 0.05 });
const baseline: Baseline = { ...set, startYear: 2020, steps: 6 };
const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

describe('scenarios', () => {
  it('an empty scenario is the baseline projection', () => {
    const a = runScenario(baseline, { name: 'same', overrides: [] });
    const b = projectMultiregional(baseline);
    expect(a.population.map((p) => Array.from(p))).toEqual(b.population.map((p) => Array.from(p)));
  });

  it('scaling internal migration from 2030 leaves the earlier years alone and scales the moves after', () => {
    const r = runScenario(baseline, {
      name: 'double',
      overrides: [{ kind: 'scale-internal-migration', factor: 2, fromYear: 2030 }],
    });
    const b = projectMultiregional(baseline);
    expect(Array.from(r.population[2]!)).toEqual(Array.from(b.population[2]!)); // 2030: steps 2020, 2025 untouched
    expect(Array.from(r.population[3]!)).not.toEqual(Array.from(b.population[3]!));
    // Moves are twice the rate on about the same exposure.
    const ratio = sum(r.components[2]!.internalOut) / sum(b.components[2]!.internalOut);
    expect(ratio).toBeGreaterThan(1.9);
    expect(ratio).toBeLessThan(2.1);
  });

  it('zero migration: no moves, no international migrants, from its year on', () => {
    const r = runScenario(baseline, {
      name: 'zero',
      overrides: [{ kind: 'zero-migration', fromYear: 2025 }],
    });
    expect(sum(r.components[0]!.internalOut)).toBeGreaterThan(0);
    for (const c of r.components.slice(1)) {
      expect(sum(c.internalOut) + sum(c.emigrants) + sum(c.international.map(Math.abs))).toBe(0);
    }
  });

  it('an international net path adds exactly its annual total × step width, spread by the profile', () => {
    const r = runScenario(baseline, {
      name: 'net',
      overrides: [
        {
          kind: 'international-net',
          path: [
            { year: 2025, total: 10_000 },
            { year: 2035, total: -2_000 },
          ],
        },
      ],
    });
    expect(sum(r.components[0]!.emigrants)).toBeGreaterThan(0); // 2020: baseline flows
    expect(sum(r.components[1]!.international)).toBeCloseTo(50_000, 6);
    expect(sum(r.components[1]!.emigrants)).toBe(0);
    expect(sum(r.components[3]!.international)).toBeCloseTo(-10_000, 6);
  });

  it('runs several, baseline first, and compares totals and the old-age dependency ratio', () => {
    const results = runScenarios(baseline, [
      { name: 'zero', overrides: [{ kind: 'zero-migration', fromYear: 2020 }] },
      { name: 'high', overrides: [{ kind: 'scale-internal-migration', factor: 1.5, fromYear: 2020 }] },
    ]);
    expect(results.map((r) => r.name)).toEqual(['baseline', 'zero', 'high']);
    const rows = compareScenarios(results);
    expect(rows).toHaveLength(3 * 7 * 5);
    const base2020 = rows.filter((r) => r.year === 2020);
    expect(base2020.every((r) => r.difference === 0)).toBe(true);
    const zero2050 = rows.filter((r) => r.scenario === 'zero' && r.year === 2050);
    const total = totalsByState(set.space, results[1]!.result.population[6]!);
    zero2050.forEach((row, i) => expect(row.total).toBeCloseTo(total[i]!, 6));
    // Without migration the system lacks the baseline's net international migration (emigration
    // exceeds immigration in this set), so it ends larger; internal moves alone change no system total.
    const baseNet = results[0]!.result.components.reduce(
      (s, c) => s + sum(c.international) - sum(c.emigrants),
      0,
    );
    const diff = zero2050.reduce((s, r) => s + r.difference, 0);
    expect(Math.sign(diff)).toBe(-Math.sign(baseNet));
    expect(Math.abs(diff)).toBeGreaterThan(0.8 * Math.abs(baseNet));
    expect(oldAgeDependency(set.space, set.base, 0)).toBeGreaterThan(0.05);
  });

  it('refuses a negative factor, an unordered path and duplicate names', () => {
    expect(() =>
      runScenario(baseline, {
        name: 'x',
        overrides: [{ kind: 'scale-fertility', factor: -1, fromYear: 2020 }],
      }),
    ).toThrow(/factor/);
    expect(() =>
      runScenario(baseline, {
        name: 'x',
        overrides: [
          {
            kind: 'international-net',
            path: [
              { year: 2030, total: 1 },
              { year: 2025, total: 1 },
            ],
          },
        ],
      }),
    ).toThrow(/increase/);
    expect(() =>
      runScenarios(baseline, [
        { name: 'a', overrides: [] },
        { name: 'a', overrides: [] },
      ]),
    ).toThrow(/two scenarios/);
  });

  it('refuses a net outflow that would leave negative people, naming the place and year', () => {
    expect(() =>
      runScenario(baseline, {
        name: 'exodus',
        overrides: [{ kind: 'international-net', path: [{ year: 2030, total: -5e7 }] }],
      }),
    ).toThrow(
      /the step from 2030 leaves -\d+\.\d (women|men) in age group \d+ of R00\d: more people leave than live there/,
    );
  });
});
