import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectCcmpp } from '../ccmpp.ts';
import { randomRegionSet } from '../testing/random-region-set.ts';
import type { LastGroupConvention } from './conventions.ts';
import { projectMultiregional, totalsByState } from './project.ts';
import type { MultiregionalRates } from './rates.ts';
import { type StateSpace, odIndex, popIndex } from './state-space.ts';

// Fixed seeds: a failure names its counterexample and replays the same way every run.
const settings = { seed: 20261202, numRuns: 40 };
const regionSet = fc.record({
  regions: fc.integer({ min: 1, max: 6 }),
  ages: fc.integer({ min: 4, max: 8 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  migrationLevel: fc.double({ min: 0, max: 0.2, noNaN: true }),
  density: fc.double({ min: 0.2, max: 1, noNaN: true }),
});
const linearLast = fc.constantFrom<LastGroupConvention>('open-linear', 'closed');
const timing = fc.constantFrom('half-start-half-end', 'start', 'end' as const);

const total = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

describe('multiregional projection: properties', () => {
  it('every state balances: P(t+n) = P(t) + births − deaths − emigrants + in − out + international − aged out', () => {
    fc.assert(
      fc.property(regionSet, linearLast, timing, fc.boolean(), (o, lastGroup, migrationTiming, given) => {
        const set = randomRegionSet(o);
        const R = o.regions;
        const conventions = {
          lastGroup,
          migrationTiming,
          birthSurvival: given
            ? { kind: 'given' as const, proportions: new Float64Array(2 * R).fill(0.99) }
            : { kind: 'life-table' as const },
        };
        const r = projectMultiregional({ ...set, startYear: 2020, steps: 3, conventions });
        for (const [s, comp] of r.components.entries()) {
          const scale = total(totalsByState(set.space, r.population[s]!));
          for (let i = 0; i < R; i++) expect(Math.abs(comp.residual[i]!)).toBeLessThan(1e-9 * scale);
          // Internal moves only relocate people: what leaves one state enters another.
          expect(Math.abs(total(comp.internalIn) - total(comp.internalOut))).toBeLessThan(1e-9 * scale);
          expect(total(comp.deaths)).toBeGreaterThan(0);
        }
      }),
      settings,
    );
  });

  it('with zero migration each state is projected as on its own, and as the single-region CCMPP', () => {
    fc.assert(
      fc.property(regionSet, (o) => {
        const set = randomRegionSet({ ...o, migrationLevel: 0 });
        const rates: MultiregionalRates = {
          ...set.rates,
          emigration: new Float64Array(set.rates.emigration.length),
        };
        // Net rates from −0.2 % to +1 % a year: enough outflow to matter, never more than a group holds.
        const netRates = set.base.map((_, p) => ((p * 7919) % 13) / 1000 - 0.002);
        const all = projectMultiregional({
          space: set.space,
          base: set.base,
          rates,
          inflow: { netRates },
          startYear: 2020,
          steps: 3,
        });
        for (let i = 0; i < o.regions; i++) {
          const one = pick(set.space, i);
          const alone = projectMultiregional({
            space: one,
            base: pickPop(set.space, set.base, i),
            rates: pickRates(rates, i),
            inflow: { netRates: pickPop(set.space, netRates, i) },
            startYear: 2020,
            steps: 3,
          });
          const viaCcmpp = ccmppOf(
            one,
            pickRates(rates, i),
            pickPop(set.space, set.base, i),
            pickPop(set.space, netRates, i),
            3,
          );
          for (let s = 1; s <= 3; s++) {
            const together = pickPop(set.space, all.population[s]!, i);
            expectClose(together, alone.population[s]!);
            expectClose(together, Float64Array.from([...viaCcmpp.female[s]!, ...viaCcmpp.male[s]!]));
          }
        }
      }),
      { ...settings, numRuns: 20 },
    );
  });

  it('two identical states with symmetric migration equal one state of twice the size', () => {
    fc.assert(
      fc.property(regionSet, (o) => {
        const one = randomRegionSet({ ...o, regions: 1 });
        const twin = twins(one.space, one.rates, one.base, 0.01 + o.migrationLevel);
        const counts = one.inflow.counts!;
        const a = projectMultiregional({
          ...one,
          base: one.base.map((v) => 2 * v),
          inflow: { counts: counts.map((v) => 2 * v) },
          startYear: 2020,
          steps: 4,
        });
        const b = projectMultiregional({
          ...twin,
          inflow: { counts: pickBoth(counts) },
          startYear: 2020,
          steps: 4,
        });
        for (let s = 1; s <= 4; s++) {
          const sum = pickPop(twin.space, b.population[s]!, 0).map(
            (v, p) => v + pickPop(twin.space, b.population[s]!, 1)[p]!,
          );
          expectClose(sum, a.population[s]!);
        }
      }),
      settings,
    );
  });

  it('is deterministic: the same inputs give bit-identical outputs', () => {
    fc.assert(
      fc.property(regionSet, (o) => {
        const run = () => projectMultiregional({ ...randomRegionSet(o), startYear: 2020, steps: 2 });
        const x = run();
        const y = run();
        expect(x.population.map((p) => Array.from(p))).toEqual(y.population.map((p) => Array.from(p)));
      }),
      { ...settings, numRuns: 10 },
    );
  });
});

function expectClose(a: Float64Array, b: Float64Array): void {
  expect(a.length).toBe(b.length);
  for (let p = 0; p < a.length; p++)
    expect(Math.abs(a[p]! - b[p]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b[p]!)));
}

const pick = (s: StateSpace, i: number): StateSpace => ({ ...s, states: [s.states[i]!] });
function pickPop(s: StateSpace, a: Float64Array, i: number): Float64Array {
  const out = new Float64Array(2 * s.ages);
  for (let sex = 0; sex < 2; sex++)
    for (let age = 0; age < s.ages; age++) out[sex * s.ages + age] = a[popIndex(s, sex, age, i)]!;
  return out;
}
function pickRates(r: MultiregionalRates, i: number): MultiregionalRates {
  const s = r.space;
  const fertility = new Float64Array(s.ages);
  for (let a = 0; a < s.ages; a++) fertility[a] = r.fertility[a * s.states.length + i]!;
  return {
    space: pick(s, i),
    mortality: pickPop(s, r.mortality, i),
    emigration: pickPop(s, r.emigration, i),
    migration: new Float64Array(2 * s.ages),
    fertility,
    srb: Float64Array.of(r.srb[i]!),
  };
}
/** The same region twice, exchanging `rate` of each group per year in both directions. */
function twins(s: StateSpace, r: MultiregionalRates, base: Float64Array, rate: number) {
  const space: StateSpace = { ...s, states: ['A', 'B'] };
  const migration = new Float64Array(2 * s.ages * 4);
  for (let sex = 0; sex < 2; sex++)
    for (let a = 0; a < s.ages; a++) {
      migration[odIndex(space, sex, a, 0, 1)] = rate;
      migration[odIndex(space, sex, a, 1, 0)] = rate;
    }
  const fertility = new Float64Array(s.ages * 2);
  for (let a = 0; a < s.ages; a++) fertility[2 * a] = fertility[2 * a + 1] = r.fertility[a]!;
  const rates: MultiregionalRates = {
    space,
    mortality: pickBoth(r.mortality),
    emigration: pickBoth(r.emigration),
    migration,
    fertility,
    srb: Float64Array.of(r.srb[0]!, r.srb[0]!),
  };
  return { space, rates, base: pickBoth(base) };
}
const pickBoth = (a: Float64Array) => Float64Array.from(Array.from(a).flatMap((v) => [v, v]));

/** The CCMPP inputs that the linear method implies for one region without internal migration. */
function ccmppOf(
  s: StateSpace,
  r: MultiregionalRates,
  base: Float64Array,
  netRates: Float64Array,
  steps: number,
) {
  const h = s.width / 2;
  const A = s.ages;
  const sr = (sex: number) => {
    const m = (a: number) => r.mortality[sex * A + a]!;
    const ratios = Array.from({ length: A }, (_, a) =>
      a < A - 1 ? (1 - h * m(a)) / (1 + h * m(a + 1)) : (1 - h * m(a)) / (1 + h * m(a)),
    );
    return { births: 1 / (1 + h * m(0)), ratios };
  };
  const step = {
    fertility: Array.from(r.fertility),
    srb: r.srb[0]!,
    survival: { female: sr(0), male: sr(1) },
    migration: { female: Array.from(netRates.subarray(0, A)), male: Array.from(netRates.subarray(A)) },
  };
  return projectCcmpp({
    width: s.width,
    base: { female: Array.from(base.subarray(0, A)), male: Array.from(base.subarray(A)) },
    steps: Array.from({ length: steps }, () => step),
  });
}
