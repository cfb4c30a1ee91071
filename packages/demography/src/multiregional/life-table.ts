// The multiregional life table (Rogers 1975, ch. 3; Willekens & Rogers 1978): with radix l(0) = I,
// l(x+n) = P(x)·l(x) — column j follows those born in state j; L(x) = Φ(x)·l(x) person-years;
// T(x) = Σ L; e(x) = T(x)·l(x)⁻¹, the expected years lived in each state (row) by someone in each
// state (column) at exact age x. The open last group lives T(z) = M(z)⁻¹·l(z) (constant rates beyond z).
// For reading and checking the rates; the projection uses the survivorship operators (./operators.ts).
import { matMul, solveMatrix } from '../linalg/lu.ts';
import type { LifeTableMethod } from './conventions.ts';
import { rateMatrix } from './rate-matrix.ts';
import type { MultiregionalRates } from './rates.ts';
import { transitionAndPersonYears } from './operators.ts';

export interface MultiregionalLifeTable {
  /** R×R row-major matrices per age group (exact age x = a·n). */
  l: Float64Array[];
  L: Float64Array[];
  T: Float64Array[];
  /** Life expectancy by state of residence (rows) for those in each state (columns) at age x. */
  e: Float64Array[];
  /** Life expectancy at birth of someone born in each state (column sums of e(0)). */
  e0: Float64Array;
}

export function multiregionalLifeTable(
  r: MultiregionalRates,
  sex: number,
  method: LifeTableMethod = 'linear',
): MultiregionalLifeTable {
  const R = r.space.states.length;
  const A = r.space.ages;
  const eye = rateMatrix(r, sex, 0, 0, 1);
  const l: Float64Array[] = [eye];
  const L: Float64Array[] = [];
  for (let a = 0; a < A; a++) {
    const { P, Phi } = transitionAndPersonYears(r, sex, a, method);
    if (a < A - 1) {
      L.push(matMul(Phi, l[a]!, R));
      l.push(matMul(P, l[a]!, R));
    } else L.push(solveMatrix(rateMatrix(r, sex, a), l[a]!, R)); // T(z) = M(z)⁻¹·l(z)
  }
  const T: Float64Array[] = new Array<Float64Array>(A);
  let acc = new Float64Array(R * R);
  for (let a = A - 1; a >= 0; a--) T[a] = acc = acc.map((v, p) => v + L[a]![p]!);
  // e(x) = T(x)·l(x)⁻¹ = (l(x)ᵀ⁻¹·T(x)ᵀ)ᵀ
  const tr = (m: Float64Array) => {
    const o = new Float64Array(R * R);
    for (let i = 0; i < R; i++) for (let j = 0; j < R; j++) o[j * R + i] = m[i * R + j]!;
    return o;
  };
  const e = T.map((t, a) => tr(solveMatrix(tr(l[a]!), tr(t), R)));
  const e0 = new Float64Array(R);
  for (let i = 0; i < R; i++) for (let j = 0; j < R; j++) e0[j] = e0[j]! + e[0]![i * R + j]!;
  return { l, L, T, e, e0 };
}
