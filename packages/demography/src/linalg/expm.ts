// Matrix exponential by scaling and squaring with a truncated Taylor series: scale A by 2^-s until its
// 1-norm is at most 1/2, sum 18 terms (remainder below 1e-20 relative at that norm), square s times.
// Used only by the constant-intensity ("exponential") life-table method, where P(x) = exp(−n·M(x)).
import { identity, matMul } from './lu.ts';

const norm1 = (a: Float64Array, n: number): number => {
  let max = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(a[i * n + j]!);
    if (s > max) max = s;
  }
  return max;
};

export function expm(a: Float64Array, n: number): Float64Array {
  const norm = norm1(a, n);
  const s = norm > 0.5 ? Math.ceil(Math.log2(norm / 0.5)) : 0;
  const scale = 2 ** -s;
  const x = a.map((v) => v * scale);
  let result = identity(n);
  let term = identity(n);
  for (let k = 1; k <= 18; k++) {
    term = matMul(term, x, n);
    for (let i = 0; i < term.length; i++) term[i] = term[i]! / k;
    for (let i = 0; i < term.length; i++) result[i] = result[i]! + term[i]!;
  }
  for (let k = 0; k < s; k++) result = matMul(result, result, n);
  return result;
}

/**
 * φ₁(A) = Σ A^k/(k+1)! = A⁻¹(e^A − I), defined also when A is singular (a state with no exits):
 * the top-right block of exp([[A, I], [0, 0]]) (Van Loan 1978).
 */
export function phi1(a: Float64Array, n: number): Float64Array {
  const m = 2 * n;
  const big = new Float64Array(m * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) big[i * m + j] = a[i * n + j]!;
    big[i * m + n + i] = 1;
  }
  const e = expm(big, m);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = e[i * m + n + j]!;
  return out;
}
