import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/random-region-set.ts';
import { inverse, luFactor, luSolve, matMul, matVec } from './lu.ts';

const random = (n: number, seed: number, dominant: boolean) => {
  const rnd = seededRandom(seed);
  const a = new Float64Array(n * n).map(() => rnd() - 0.5);
  if (dominant) for (let i = 0; i < n; i++) a[i * n + i] = n;
  return a;
};

describe('dense LU', () => {
  for (const [n, dominant] of [
    [1, true],
    [7, true],
    [13, false],
    [37, true],
    [37, false],
  ] as const) {
    it(`solves A·x = b to 1e-10 (n = ${n}, ${dominant ? 'column dominant: blocked, unpivoted' : 'general: pivoted'})`, () => {
      const a = random(n, n, dominant);
      const x = new Float64Array(n).map((_, i) => i - n / 3);
      const b = matVec(a, x, n);
      const got = luSolve(luFactor(a, n), b);
      got.forEach((v, i) => expect(v).toBeCloseTo(x[i]!, 10));
      const eye = matMul(a, inverse(a, n), n);
      eye.forEach((v, p) => expect(v).toBeCloseTo(Math.floor(p / n) === p % n ? 1 : 0, 10));
    });
  }
  it('refuses a singular matrix', () => {
    expect(() => luFactor(Float64Array.of(1, 2, 2, 4), 2)).toThrow(/singular/);
  });
});
