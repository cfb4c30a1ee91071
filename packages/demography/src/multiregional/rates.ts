// Occurrence–exposure rates of the multiregional model (Rogers 1975, ch. 3): every event count of an
// observation period divided by the person-years lived by the population at risk (mid-period
// population × years). Internal moves go into the rate matrix M(x); emigration leaves the system like
// a death; immigration is a count, not a rate (it has no population at risk inside the system).
import { DemographyError } from '../errors.ts';
import { FEMALE, type StateSpace, odIndex, odSize, popIndex, popSize } from './state-space.ts';

export interface MultiregionalRates {
  readonly space: StateSpace;
  /** Annual death rates [sex][age][state]. */
  readonly mortality: Float64Array;
  /** Annual internal migration rates origin → destination [sex][age][origin][dest]; the diagonal is ignored. */
  readonly migration: Float64Array;
  /** Annual emigration rates (out of the system) [sex][age][state]. */
  readonly emigration: Float64Array;
  /** Annual births per woman by the mother's age [age][state] (length ages·R). */
  readonly fertility: Float64Array;
  /** Males born per female birth, per state. */
  readonly srb: Float64Array;
}

/** What enters from outside the system each year, by [sex][age][state]. */
export interface InternationalInflow {
  /** Annual counts (immigrants; or net migrants when only net figures exist, then negative is allowed). */
  readonly counts?: Float64Array;
  /** Annual net-migration proportions of the population at the start of the step (Preston's form). */
  readonly netRates?: Float64Array;
}

export interface ObservedPeriod {
  readonly space: StateSpace;
  /** Length of the observation period in years (events are totals over it). */
  readonly years: number;
  /** Mid-period population [sex][age][state]. */
  readonly population: Float64Array;
  /** Births by the mother's age group [age][state]. */
  readonly births: Float64Array;
  /** Males born per female birth per state (1.05 if not given). */
  readonly srb?: Float64Array;
  readonly deaths: Float64Array;
  /** Internal migrants origin → destination [sex][age][origin][dest]. */
  readonly migrants: Float64Array;
  readonly emigrants?: Float64Array;
  readonly immigrants?: Float64Array;
}

const bad = (message: string, details?: Record<string, unknown>): never => {
  throw new DemographyError('TERN_DEMOGRAPHY_BAD_INPUT', message, details);
};

/** Rates and the annual immigrant counts estimated from one observed period. */
export function estimateRates(obs: ObservedPeriod): {
  rates: MultiregionalRates;
  inflow: InternationalInflow;
} {
  const { space, years } = obs;
  const R = space.states.length;
  const A = space.ages;
  if (!(years > 0)) bad(`the observation period must be positive, got ${years}`);
  checkLength('population', obs.population, popSize(space));
  checkLength('deaths', obs.deaths, popSize(space));
  checkLength('births', obs.births, A * R);
  checkLength('migrants', obs.migrants, odSize(space));
  if (obs.emigrants) checkLength('emigrants', obs.emigrants, popSize(space));
  if (obs.immigrants) checkLength('immigrants', obs.immigrants, popSize(space));
  const rate = (what: string, count: number, sex: number, age: number, state: number) => {
    if (!(count >= 0))
      bad(`${what} must be a count ≥ 0, got ${count}`, { sex, age, state: space.states[state] });
    if (count === 0) return 0;
    const exposure = obs.population[popIndex(space, sex, age, state)]! * years;
    if (!(exposure > 0))
      bad(`${what} has events where the population at risk is 0`, { sex, age, state: space.states[state] });
    return count / exposure;
  };
  const mortality = new Float64Array(popSize(space));
  const emigration = new Float64Array(popSize(space));
  const migration = new Float64Array(odSize(space));
  const fertility = new Float64Array(A * R);
  for (let sex = 0; sex < 2; sex++)
    for (let age = 0; age < A; age++)
      for (let i = 0; i < R; i++) {
        const p = popIndex(space, sex, age, i);
        mortality[p] = rate('deaths', obs.deaths[p]!, sex, age, i);
        if (obs.emigrants) emigration[p] = rate('emigrants', obs.emigrants[p]!, sex, age, i);
        for (let j = 0; j < R; j++) {
          if (j === i) continue;
          const o = odIndex(space, sex, age, i, j);
          migration[o] = rate('migrants', obs.migrants[o]!, sex, age, i);
        }
        if (sex === FEMALE) fertility[age * R + i] = rate('births', obs.births[age * R + i]!, sex, age, i);
      }
  const srb = obs.srb ? Float64Array.from(obs.srb) : new Float64Array(R).fill(1.05);
  const inflow = obs.immigrants ? { counts: obs.immigrants.map((v) => v / years) } : {};
  return { rates: { space, mortality, migration, emigration, fertility, srb }, inflow };
}

function checkLength(what: string, a: Float64Array, n: number): void {
  if (a.length !== n) bad(`${what} has ${a.length} values, the state space needs ${n}`);
}

/** Refuses rates a projection cannot use (negative, not finite, wrong length). */
export function checkRates(r: MultiregionalRates): void {
  const { space } = r;
  const R = space.states.length;
  checkLength('mortality', r.mortality, popSize(space));
  checkLength('emigration', r.emigration, popSize(space));
  checkLength('migration', r.migration, odSize(space));
  checkLength('fertility', r.fertility, space.ages * R);
  checkLength('srb', r.srb, R);
  for (const [name, a] of [
    ['mortality', r.mortality],
    ['emigration', r.emigration],
    ['migration', r.migration],
    ['fertility', r.fertility],
  ] as const) {
    const i = a.findIndex((v) => !(v >= 0) || !Number.isFinite(v));
    if (i >= 0) bad(`${name} rates must be finite and ≥ 0; value ${a[i]} at index ${i}`);
  }
  if (r.srb.some((v) => !(v > 0))) bad('the sex ratio at birth must be positive in every state');
}

/** A copy of the rates with some arrays replaced (scenarios build on this). */
export const withRates = (
  r: MultiregionalRates,
  over: Partial<Omit<MultiregionalRates, 'space'>>,
): MultiregionalRates => ({
  ...r,
  ...over,
});
