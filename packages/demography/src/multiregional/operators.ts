// The survivorship operators of one rate set: how the members of an age group at t, and the births
// of a step, are found at t+n (Rogers 1975, ch. 4; Willekens & Rogers 1978). Built once per rate set
// and reused by every step that uses those rates.
//
// General form, for any life-table method: with P(x) the transition probabilities of age group x and
// Φ(x) the person-years operator (L(x) = Φ(x)·l(x)), the survivorship matrix is
//   S(x) = L(x+n)·L(x)⁻¹ = Φ(x+n)·P(x)·Φ(x)⁻¹   (the l(x) of the radix cancels),
// and births survive by Φ(0)/n. For the linear method Φ(x) = n·(I + n/2·M(x))⁻¹, so
//   S(x) = (I + n/2·M(x+n))⁻¹·(I − n/2·M(x)),
// which this file applies as one LU solve per age group (O(R²) per step once factorised) instead of
// forming S(x): that is what makes 300 states cheap.
import { DemographyError } from '../errors.ts';
import { expm, phi1 } from '../linalg/expm.ts';
import { type LuFactor, luFactor, luSolve, matMul, matVec, solveMatrix } from '../linalg/lu.ts';
import type { Conventions } from './conventions.ts';
import { applyIMinusHM, rateMatrix } from './rate-matrix.ts';
import type { MultiregionalRates } from './rates.ts';
import { ageLabel, odIndex, popIndex } from './state-space.ts';

export interface CohortOperators {
  /** out = survivors at t+n, in group a+1, of `k` (group a at t); a = 0 … A−2. */
  advance(sex: number, a: number, k: Float64Array, out: Float64Array): void;
  /** out = survivors at t+n, still in the open last group, of its members `k`; absent when closed. */
  stay: ((sex: number, k: Float64Array, out: Float64Array) => void) | null;
  /** out = survivors at t+n, in group 0, of the births `b` of the step (by state of birth). */
  births(sex: number, b: Float64Array, out: Float64Array): void;
}

export function buildOperators(r: MultiregionalRates, c: Conventions): CohortOperators {
  const ops = c.lifeTable === 'linear' ? linearOperators(r, c) : generalOperators(r, c);
  if (c.birthSurvival.kind === 'given') {
    const s0 = c.birthSurvival.proportions;
    const R = r.space.states.length;
    if (s0.length !== 2 * R) bad(`given birth survival needs 2·${R} proportions (female states, then male)`);
    ops.births = (sex, b, out) => {
      for (let i = 0; i < R; i++) out[i] = s0[sex * R + i]! * b[i]!;
    };
  }
  return ops;
}

const bad = (message: string): never => {
  throw new DemographyError('TERN_DEMOGRAPHY_BAD_INPUT', message);
};

function factorOrExplain(a: Float64Array, R: number, what: string): LuFactor {
  try {
    return luFactor(a, R);
  } catch {
    return bad(`${what} is singular: a state has no exits at all in that age group`);
  }
}

/**
 * The linear method survives a cohort by I − n/2·M: with n/2 × (all exits of a state) above 1 it
 * would give negative people. Refused with the place to look, rather than projected.
 */
function checkLinearRange(r: MultiregionalRates): void {
  const { space } = r;
  const R = space.states.length;
  const h = space.width / 2;
  for (let sex = 0; sex < 2; sex++)
    for (let age = 0; age < space.ages; age++)
      for (let i = 0; i < R; i++) {
        const p = popIndex(space, sex, age, i);
        let exits = r.mortality[p]! + r.emigration[p]!;
        const row = odIndex(space, sex, age, i, 0);
        for (let j = 0; j < R; j++) if (j !== i) exits += r.migration[row + j]!;
        if (h * exits > 1)
          bad(
            `the linear method needs n/2 × (deaths + emigration + moves) ≤ 1 per year of exposure; state ${space.states[i]}, ${sex === 0 ? 'women' : 'men'} aged ${ageLabel(space, age)} leave at ${exits.toFixed(3)} a year (n = ${space.width}). Use lifeTable: 'exponential' or narrower age groups`,
          );
      }
}

function linearOperators(r: MultiregionalRates, c: Conventions): CohortOperators {
  checkLinearRange(r);
  const { space } = r;
  const R = space.states.length;
  const A = space.ages;
  const n = space.width;
  const h = n / 2;
  const factors = new Map<number, LuFactor>();
  // (I + n/2·M(x)), factorised on first use.
  const aFactor = (sex: number, age: number): LuFactor => {
    const key = sex * A + age;
    let f = factors.get(key);
    if (!f) factors.set(key, (f = luFactor(rateMatrix(r, sex, age, h, 1), R)));
    return f;
  };
  const stationary = new Map<number, LuFactor>();
  const rhs = new Float64Array(R);
  const last = A - 1;
  return {
    advance(sex, a, k, out) {
      applyIMinusHM(r, sex, a, h, k, rhs);
      if (a + 1 === last && c.lastGroup === 'open-stationary') {
        // S(z−n) = T(z)·L(z−n)⁻¹ = (n·M(z))⁻¹·(I − n/2·M(z−n)).
        let f = stationary.get(sex);
        if (!f)
          stationary.set(
            sex,
            (f = factorOrExplain(rateMatrix(r, sex, last, n), R, `n·M of the open group (sex ${sex})`)),
          );
        luSolve(f, rhs, out);
      } else luSolve(aFactor(sex, a + 1), rhs, out);
    },
    stay:
      c.lastGroup === 'closed'
        ? null
        : (sex, k, out) => {
            // P(z) in both open conventions: T(z+n)·T(z)⁻¹ = I − L(z)·T(z)⁻¹ reduces to it.
            applyIMinusHM(r, sex, last, h, k, rhs);
            luSolve(aFactor(sex, last), rhs, out);
          },
    births(sex, b, out) {
      luSolve(aFactor(sex, 0), b, out);
    },
  };
}

/** P(x) and Φ(x) of one sex and age group under the chosen method (explicit R×R matrices). */
export function transitionAndPersonYears(
  r: MultiregionalRates,
  sex: number,
  age: number,
  method: Conventions['lifeTable'],
): { P: Float64Array; Phi: Float64Array } {
  const R = r.space.states.length;
  const n = r.space.width;
  if (method === 'linear') {
    const a = rateMatrix(r, sex, age, n / 2, 1);
    const b = rateMatrix(r, sex, age, -n / 2, 1);
    const P = solveMatrix(a, b, R);
    const Phi = solveMatrix(a, rateMatrix(r, sex, age, 0, n), R);
    return { P, Phi };
  }
  const minusNM = rateMatrix(r, sex, age, -n, 0);
  const Phi = phi1(minusNM, R).map((v) => v * n);
  return { P: expm(minusNM, R), Phi };
}

/**
 * Explicit survivorship matrices from P and Φ: the general form for any method (the exponential one,
 * and a cross-check of the linear fast path in the tests). O(R³) per age group.
 */
export function survivorshipMatrices(
  r: MultiregionalRates,
  c: Conventions,
  sex: number,
): {
  S: Float64Array[];
  stay: Float64Array | null;
  births: Float64Array;
} {
  const R = r.space.states.length;
  const A = r.space.ages;
  const n = r.space.width;
  const t = Array.from({ length: A }, (_, age) => transitionAndPersonYears(r, sex, age, c.lifeTable));
  const S: Float64Array[] = [];
  for (let a = 0; a + 1 < A; a++) {
    // S(a) = Φ(a+1)·P(a)·Φ(a)⁻¹, computed as (Φ(a)ᵀ⁻¹ ... ) via a solve on the transpose.
    const left =
      a + 1 === A - 1 && c.lastGroup === 'open-stationary' ? stationaryT(r, sex, A - 1) : t[a + 1]!.Phi;
    S.push(rightDivide(matMul(left, t[a]!.P, R), t[a]!.Phi, R));
  }
  const stay = c.lastGroup === 'closed' ? null : t[A - 1]!.P;
  const births = t[0]!.Phi.map((v) => v / n);
  return { S, stay, births };
}

/** T(z)·l(z)⁻¹ = M(z)⁻¹: person-years beyond z per survivor at z under constant rates. */
function stationaryT(r: MultiregionalRates, sex: number, z: number): Float64Array {
  const R = r.space.states.length;
  const m = rateMatrix(r, sex, z);
  const eye = rateMatrix(r, sex, z, 0, 1);
  try {
    return solveMatrix(m, eye, R);
  } catch {
    return bad(`M of the open group (sex ${sex}) is singular: a state has no exits at all`);
  }
}

/** X·Y⁻¹ = ((Yᵀ)⁻¹·Xᵀ)ᵀ. */
function rightDivide(x: Float64Array, y: Float64Array, R: number): Float64Array {
  const tr = (m: Float64Array) => {
    const o = new Float64Array(R * R);
    for (let i = 0; i < R; i++) for (let j = 0; j < R; j++) o[j * R + i] = m[i * R + j]!;
    return o;
  };
  return tr(solveMatrix(tr(y), tr(x), R));
}

function generalOperators(r: MultiregionalRates, c: Conventions): CohortOperators {
  const R = r.space.states.length;
  const mats = [0, 1].map((sex) => survivorshipMatrices(r, c, sex));
  return {
    advance: (sex, a, k, out) => void matVec(mats[sex]!.S[a]!, k, R, out),
    stay: c.lastGroup === 'closed' ? null : (sex, k, out) => void matVec(mats[sex]!.stay!, k, R, out),
    births: (sex, b, out) => void matVec(mats[sex]!.births, b, R, out),
  };
}
