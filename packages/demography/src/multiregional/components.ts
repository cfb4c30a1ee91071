// The components of one step per state, measured as rate × person-years (Rogers 1975, ch. 3): under
// the linear method a cohort lives n/2 years at its start age's rates (members at the start) and n/2
// at its end age's rates (survivors at the end). With those exposures the linear survivorship makes
// P(t+n) = P(t) + births − deaths − emigrants + in − out + international − aged out hold exactly for
// every state; `residual` is what is left, float noise under the linear conventions and the size of
// the trapezoid approximation of exposures under the exponential method or 'open-stationary'.
import type { Conventions } from './conventions.ts';
import type { MultiregionalRates } from './rates.ts';
import { type StateSpace, odIndex, popIndex } from './state-space.ts';

export interface StepComponents {
  births: Float64Array;
  deaths: Float64Array;
  emigrants: Float64Array;
  /** Internal moves into / out of the state (between states of the system). */
  internalIn: Float64Array;
  internalOut: Float64Array;
  /** International migrants added by the inflow (counts and net rates; negative for net outflow). */
  international: Float64Array;
  /** Members of a closed last group leaving the table. */
  agedOut: Float64Array;
  /** P(t+n) − (P(t) + births − deaths − emigrants + internalIn − internalOut + international − agedOut). */
  residual: Float64Array;
}

export const emptyComponents = (R: number): StepComponents => ({
  births: new Float64Array(R),
  deaths: new Float64Array(R),
  emigrants: new Float64Array(R),
  internalIn: new Float64Array(R),
  internalOut: new Float64Array(R),
  international: new Float64Array(R),
  agedOut: new Float64Array(R),
  residual: new Float64Array(R),
});

/** Adds rate × exposure flows of every sex and age group: n/2·start (if the group is survived) + n/2·survived. */
export function accumulateFlows(
  r: MultiregionalRates,
  c: Conventions,
  start: Float64Array,
  survived: Float64Array,
  comp: StepComponents,
): void {
  const { space } = r;
  const R = space.states.length;
  const A = space.ages;
  const h = space.width / 2;
  const y = new Float64Array(R);
  for (let sex = 0; sex < 2; sex++)
    for (let a = 0; a < A; a++) {
      const p0 = popIndex(space, sex, a, 0);
      const startCounts = a < A - 1 || c.lastGroup !== 'closed';
      const infantsMove = a > 0 || c.birthSurvival.kind === 'life-table';
      for (let i = 0; i < R; i++)
        y[i] = h * ((startCounts ? start[p0 + i]! : 0) + (infantsMove ? survived[p0 + i]! : 0));
      addFlows(r, space, sex, a, y, comp);
    }
}

function addFlows(
  r: MultiregionalRates,
  space: StateSpace,
  sex: number,
  a: number,
  y: Float64Array,
  comp: StepComponents,
): void {
  const R = space.states.length;
  for (let j = 0; j < R; j++) {
    const yj = y[j]!;
    if (yj === 0) continue;
    const p = popIndex(space, sex, a, j);
    comp.deaths[j] = comp.deaths[j]! + r.mortality[p]! * yj;
    comp.emigrants[j] = comp.emigrants[j]! + r.emigration[p]! * yj;
    const base = odIndex(space, sex, a, j, 0);
    let out = 0;
    for (let i = 0; i < R; i++) {
      if (i === j) continue;
      const moved = r.migration[base + i]! * yj;
      out += moved;
      comp.internalIn[i] = comp.internalIn[i]! + moved;
    }
    comp.internalOut[j] = comp.internalOut[j]! + out;
  }
}

export function finishBalance(
  space: StateSpace,
  before: Float64Array,
  after: Float64Array,
  comp: StepComponents,
): void {
  const R = space.states.length;
  const totals = (pop: Float64Array) => {
    const t = new Float64Array(R);
    for (let p = 0; p < pop.length; p++) t[p % R] = t[p % R]! + pop[p]!;
    return t;
  };
  const b = totals(before);
  const e = totals(after);
  for (let i = 0; i < R; i++)
    comp.residual[i] =
      e[i]! -
      (b[i]! +
        comp.births[i]! -
        comp.deaths[i]! -
        comp.emigrants[i]! +
        comp.internalIn[i]! -
        comp.internalOut[i]! +
        comp.international[i]! -
        comp.agedOut[i]!);
}
