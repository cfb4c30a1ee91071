// The multiregional cohort-component projection (Rogers 1975; Willekens & Rogers 1978): per step of
// n years, each sex and age group is survived and moved between states by the survivorship operators
// of that step's rates, births come from the women at the start and end of the step, international
// migrants are added at the start and/or end (the timing convention). Every step also reports its
// components per state, so the balance P(t+n) = P(t) + births − deaths + in − out can be checked.
import { timingShares } from '../ccmpp.ts';
import { DemographyError } from '../errors.ts';
import { type Conventions, DEFAULT_CONVENTIONS } from './conventions.ts';
import { type CohortOperators, buildOperators } from './operators.ts';
import { type InternationalInflow, type MultiregionalRates, checkRates } from './rates.ts';
import { FEMALE, type StateSpace, popIndex, popSize } from './state-space.ts';
import { type StepComponents, accumulateFlows, emptyComponents, finishBalance } from './components.ts';

export type RateSchedule = MultiregionalRates | ((step: number, year: number) => MultiregionalRates);
export type InflowSchedule = InternationalInflow | ((step: number, year: number) => InternationalInflow);

export interface ProjectionInput {
  readonly space: StateSpace;
  /** Population at the start year [sex][age][state]. */
  readonly base: Float64Array;
  readonly startYear: number;
  readonly steps: number;
  readonly rates: RateSchedule;
  readonly inflow?: InflowSchedule;
  readonly conventions?: Partial<Conventions>;
  /** Called after each step (a worker reports progress with it). */
  readonly onStep?: (done: number, total: number) => void;
}

export interface ProjectionResult {
  readonly space: StateSpace;
  /** Start year of each population in `population` (startYear, startYear + n, …). */
  readonly years: number[];
  /** Population at each year, [sex][age][state]. */
  readonly population: Float64Array[];
  /** Components of each step, per state (both sexes, all ages). */
  readonly components: StepComponents[];
}

export function projectMultiregional(input: ProjectionInput): ProjectionResult {
  const { space, steps } = input;
  const c: Conventions = { ...DEFAULT_CONVENTIONS, ...input.conventions };
  const R = space.states.length;
  const A = space.ages;
  const n = space.width;
  if (input.base.length !== popSize(space))
    throw new DemographyError(
      'TERN_DEMOGRAPHY_BAD_INPUT',
      `the base population has ${input.base.length} values, the state space needs ${popSize(space)}`,
    );
  const negative = input.base.findIndex((v) => !(v >= 0) || !Number.isFinite(v));
  if (negative >= 0)
    throw new DemographyError(
      'TERN_DEMOGRAPHY_BAD_INPUT',
      `the base population must be finite and ≥ 0; value ${input.base[negative]} at index ${negative}`,
    );
  if (!(Number.isInteger(steps) && steps >= 0))
    throw new DemographyError('TERN_DEMOGRAPHY_BAD_INPUT', `steps must be a whole number ≥ 0, got ${steps}`);
  const [startShare, endShare] = timingShares(c.migrationTiming);
  const cache = new WeakMap<MultiregionalRates, CohortOperators>();
  const operatorsFor = (r: MultiregionalRates) => {
    let ops = cache.get(r);
    if (!ops) {
      checkRates(r);
      if (r.space.states.length !== R || r.space.ages !== A || r.space.width !== n)
        throw new DemographyError('TERN_DEMOGRAPHY_BAD_INPUT', 'the rates are for another state space');
      cache.set(r, (ops = buildOperators(r, c)));
    }
    return ops;
  };
  const population = [Float64Array.from(input.base)];
  const years = [input.startYear];
  const components: StepComponents[] = [];
  const tmp = new Float64Array(R);
  for (let step = 0; step < steps; step++) {
    const year = input.startYear + step * n;
    const r = typeof input.rates === 'function' ? input.rates(step, year) : input.rates;
    const inflow = (typeof input.inflow === 'function' ? input.inflow(step, year) : input.inflow) ?? {};
    for (const [name, a] of [
      ['counts', inflow.counts],
      ['netRates', inflow.netRates],
    ] as const)
      if (a && (a.length !== popSize(space) || a.some((v) => !Number.isFinite(v))))
        throw new DemographyError(
          'TERN_DEMOGRAPHY_BAD_INPUT',
          `the international inflow's ${name} must be ${popSize(space)} finite values (step ${step + 1})`,
        );
    const ops = operatorsFor(r);
    const k = population[step]!;
    const comp = emptyComponents(R);
    // International migrants of the step, [sex][age][state], split by the timing convention.
    const arriving = new Float64Array(popSize(space));
    for (let p = 0; p < arriving.length; p++)
      arriving[p] = n * ((inflow.counts?.[p] ?? 0) + (inflow.netRates?.[p] ?? 0) * k[p]!);
    const start = k.map((v, p) => v + startShare * arriving[p]!);
    const survived = new Float64Array(popSize(space));
    for (let sex = 0; sex < 2; sex++) {
      const at = (a: number) => popIndex(space, sex, a, 0);
      for (let a = 0; a + 1 < A; a++)
        ops.advance(sex, a, start.subarray(at(a), at(a) + R), survived.subarray(at(a + 1), at(a + 1) + R));
      const z = at(A - 1);
      if (ops.stay) {
        ops.stay(sex, start.subarray(z, z + R), tmp);
        for (let i = 0; i < R; i++) survived[z + i] = survived[z + i]! + tmp[i]!;
      } else for (let i = 0; i < R; i++) comp.agedOut[i] = comp.agedOut[i]! + start[z + i]!;
    }
    const end = survived.map((v, p) => v + endShare * arriving[p]!);
    // Births by state of the mother: n/2 · Σ_x f(x)·(women at the start + women at the end).
    const endWomen = c.birthsExposure === 'start-and-end' ? end : survived;
    const births = new Float64Array(R);
    for (let a = 0; a < A; a++)
      for (let i = 0; i < R; i++) {
        const f = r.fertility[a * R + i]!;
        if (f === 0) continue;
        const p = popIndex(space, FEMALE, a, i);
        births[i] = births[i]! + (n / 2) * f * (start[p]! + endWomen[p]!);
      }
    for (let sex = 0; sex < 2; sex++) {
      const bySex = births.map((b, i) =>
        sex === FEMALE ? b / (1 + r.srb[i]!) : (b * r.srb[i]!) / (1 + r.srb[i]!),
      );
      const at = popIndex(space, sex, 0, 0);
      ops.births(sex, bySex, tmp);
      for (let i = 0; i < R; i++) {
        survived[at + i] = tmp[i]!;
        end[at + i] = end[at + i]! + tmp[i]!;
      }
      if (c.birthSurvival.kind === 'given')
        for (let i = 0; i < R; i++) comp.deaths[i] = comp.deaths[i]! + bySex[i]! - tmp[i]!;
    }
    for (let i = 0; i < R; i++) comp.births[i] = births[i]!;
    for (let p = 0; p < arriving.length; p++) {
      const i = p % R;
      comp.international[i] = comp.international[i]! + arriving[p]!;
    }
    // Net international outflows larger than a group (a scenario's path, net rates) would leave
    // negative people: refused with the place, rather than carried into the next steps.
    const below = end.findIndex((v) => v < -1e-9);
    if (below >= 0) {
      const sex = Math.floor(below / (A * R));
      const age = Math.floor(below / R) % A;
      throw new DemographyError(
        'TERN_DEMOGRAPHY_BAD_INPUT',
        `the step from ${year} leaves ${end[below]!.toFixed(1)} ${sex === 0 ? 'women' : 'men'} in age group ${age} of ${space.states[below % R]}: more people leave than live there`,
      );
    }
    accumulateFlows(r, c, start, survived, comp);
    finishBalance(space, k, end, comp);
    population.push(end);
    years.push(year + n);
    components.push(comp);
    input.onStep?.(step + 1, steps);
  }
  return { space, years, population, components };
}

/** Total population of each state at one result index (both sexes, all ages). */
export function totalsByState(space: StateSpace, pop: Float64Array): Float64Array {
  const R = space.states.length;
  const out = new Float64Array(R);
  for (let p = 0; p < pop.length; p++) out[p % R] = out[p % R]! + pop[p]!;
  return out;
}
