// The rate matrix M(x) of one sex and age group (Rogers 1975, ch. 3): on the diagonal every way out
// of state i (death, emigration, moves to every other state), off the diagonal −m(j→i), the moves into
// i. Columns sum to the exits from the system (deaths + emigration), which is what makes the balance
// of every region hold under the linear method.
import type { MultiregionalRates } from './rates.ts';
import { odIndex, popIndex } from './state-space.ts';

/** Row-major R×R M(x) scaled by `factor` and added to `diag`·I: diag·I + factor·M(x). */
export function rateMatrix(
  r: MultiregionalRates,
  sex: number,
  age: number,
  factor = 1,
  diag = 0,
): Float64Array {
  const { space } = r;
  const R = space.states.length;
  const m = new Float64Array(R * R);
  for (let j = 0; j < R; j++) {
    // Column j: everyone who is in state j.
    let out = r.mortality[popIndex(space, sex, age, j)]! + r.emigration[popIndex(space, sex, age, j)]!;
    const base = odIndex(space, sex, age, j, 0);
    for (let i = 0; i < R; i++) {
      if (i === j) continue;
      const rate = r.migration[base + i]!;
      out += rate;
      m[i * R + j] = -factor * rate;
    }
    m[j * R + j] = diag + factor * out;
  }
  return m;
}

/**
 * out = (I − h·M(x))·k without forming M: k minus h times every exit plus h times every entry.
 * O(R²), reading the origin–destination rates row by row.
 */
export function applyIMinusHM(
  r: MultiregionalRates,
  sex: number,
  age: number,
  h: number,
  k: Float64Array,
  out: Float64Array,
): Float64Array {
  const { space } = r;
  const R = space.states.length;
  for (let i = 0; i < R; i++) {
    const p = popIndex(space, sex, age, i);
    out[i] = k[i]! * (1 - h * (r.mortality[p]! + r.emigration[p]!));
  }
  for (let j = 0; j < R; j++) {
    const kj = k[j]!;
    if (kj === 0) continue;
    const base = odIndex(space, sex, age, j, 0);
    let leaving = 0;
    for (let i = 0; i < R; i++) {
      if (i === j) continue;
      const moved = h * r.migration[base + i]! * kj;
      leaving += moved;
      out[i] = out[i]! + moved;
    }
    out[j] = out[j]! - leaving;
  }
  return out;
}
