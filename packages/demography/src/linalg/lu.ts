// Dense LU factorisation on row-major Float64Arrays (n×n). The multiregional projection solves
// (I + n/2·M(x+n))·K' = (I − n/2·M(x))·K once per age group and step (Rogers 1975, ch. 4); the factor of each age group is kept while the rates do not change, so a step costs
// O(R²) per age group and the O(R³/3) factorisation is paid once per rate set.

/** A factorised square matrix: L (unit lower) and U packed in `lu`, row permutation in `perm`. */
export interface LuFactor {
  readonly n: number;
  readonly lu: Float64Array;
  readonly perm: Int32Array;
}

/**
 * Factorises a copy of `a` (row-major n×n). Throws on an (numerically) singular matrix.
 * I + n/2·M is strictly column diagonally dominant (each column's exits exceed its moves to other
 * states), and Gaussian elimination needs no pivoting on such a matrix: the diagonal stays the
 * largest entry of its column at every stage (Golub & Van Loan, Matrix Computations, on diagonally dominant systems). That case takes the
 * unpivoted blocked path, which is what makes 36 factorisations of 300×300 affordable.
 * Singular (a zero pivot) is still refused on that path.
 */
export function luFactor(a: Float64Array, n: number): LuFactor {
  if (a.length !== n * n) throw new RangeError(`luFactor: expected ${n * n} entries, got ${a.length}`);
  return columnDominant(a, n) ? luBlocked(a, n) : luPivoted(a, n);
}

function columnDominant(a: Float64Array, n: number): boolean {
  const off = new Float64Array(n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (i !== j) off[j] = off[j]! + Math.abs(a[i * n + j]!);
  for (let j = 0; j < n; j++) if (!(Math.abs(a[j * n + j]!) > off[j]!)) return false;
  return true;
}

/** Unpivoted LU, updating the trailing rows eight pivots at a time (one pass over each row per eight). */
function luBlocked(a: Float64Array, n: number): LuFactor {
  const lu = Float64Array.from(a);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const B = 8;
  for (let k0 = 0; k0 < n; k0 += B) {
    const end = Math.min(k0 + B, n);
    // The panel: multipliers of columns k0..end−1 for every row below, full updates of the block's rows.
    for (let k = k0; k < end; k++) {
      const pivot = lu[k * n + k]!;
      if (pivot === 0 || !Number.isFinite(pivot))
        throw new RangeError(`luFactor: matrix is singular at column ${k}`);
      const rowK = k * n;
      for (let i = k + 1; i < n; i++) {
        const rowI = i * n;
        const f = lu[rowI + k]! / pivot;
        lu[rowI + k] = f;
        if (f === 0) continue;
        const jEnd = i < end ? n : end;
        for (let j = k + 1; j < jEnd; j++) lu[rowI + j] = lu[rowI + j]! - f * lu[rowK + j]!;
      }
    }
    // The trailing rows: the block's pivots eight at a time (fewer loads and stores per multiply-add).
    for (let i = end; i < n; i++) {
      const r = i * n;
      let t = k0;
      if (end - k0 === 8) {
        const f0 = lu[r + t]!,
          f1 = lu[r + t + 1]!,
          f2 = lu[r + t + 2]!,
          f3 = lu[r + t + 3]!;
        const f4 = lu[r + t + 4]!,
          f5 = lu[r + t + 5]!,
          f6 = lu[r + t + 6]!,
          f7 = lu[r + t + 7]!;
        const u0 = t * n,
          u1 = u0 + n,
          u2 = u1 + n,
          u3 = u2 + n;
        const u4 = u3 + n,
          u5 = u4 + n,
          u6 = u5 + n,
          u7 = u6 + n;
        for (let j = end; j < n; j++)
          lu[r + j] =
            lu[r + j]! -
            (f0 * lu[u0 + j]! +
              f1 * lu[u1 + j]! +
              f2 * lu[u2 + j]! +
              f3 * lu[u3 + j]! +
              f4 * lu[u4 + j]! +
              f5 * lu[u5 + j]! +
              f6 * lu[u6 + j]! +
              f7 * lu[u7 + j]!);
        t = end;
      }
      for (; t < end; t++) {
        const f = lu[r + t]!;
        if (f === 0) continue;
        const u = t * n;
        for (let j = end; j < n; j++) lu[r + j] = lu[r + j]! - f * lu[u + j]!;
      }
    }
  }
  return { n, lu, perm };
}

function luPivoted(a: Float64Array, n: number): LuFactor {
  const lu = Float64Array.from(a);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let k = 0; k < n; k++) {
    let p = k;
    let max = Math.abs(lu[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]!);
      if (v > max) {
        max = v;
        p = i;
      }
    }
    if (max === 0 || !Number.isFinite(max))
      throw new RangeError(`luFactor: matrix is singular at column ${k}`);
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j]!;
        lu[k * n + j] = lu[p * n + j]!;
        lu[p * n + j] = t;
      }
      const t = perm[k]!;
      perm[k] = perm[p]!;
      perm[p] = t;
    }
    const pivot = lu[k * n + k]!;
    const rowK = k * n;
    for (let i = k + 1; i < n; i++) {
      const rowI = i * n;
      const f = lu[rowI + k]! / pivot;
      if (f === 0) continue;
      lu[rowI + k] = f;
      // Row-oriented update: contiguous in memory, which is what makes R = 300 cheap in typed arrays.
      for (let j = k + 1; j < n; j++) lu[rowI + j] = lu[rowI + j]! - f * lu[rowK + j]!;
    }
  }
  return { n, lu, perm };
}

/** Solves A·x = b for the factorised A; writes x into `out` (may not alias `b`). */
export function luSolve(
  f: LuFactor,
  b: Float64Array,
  out: Float64Array = new Float64Array(f.n),
): Float64Array {
  const { n, lu, perm } = f;
  for (let i = 0; i < n; i++) {
    let s = b[perm[i]!]!;
    const row = i * n;
    for (let j = 0; j < i; j++) s -= lu[row + j]! * out[j]!;
    out[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = out[i]!;
    const row = i * n;
    for (let j = i + 1; j < n; j++) s -= lu[row + j]! * out[j]!;
    out[i] = s / lu[row + i]!;
  }
  return out;
}

/** A⁻¹·B for row-major n×n matrices (column by column through the factor of A). */
export function solveMatrix(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const f = luFactor(a, n);
  const out = new Float64Array(n * n);
  const col = new Float64Array(n);
  const x = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) col[i] = b[i * n + j]!;
    luSolve(f, col, x);
    for (let i = 0; i < n; i++) out[i * n + j] = x[i]!;
  }
  return out;
}

export function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

export const inverse = (a: Float64Array, n: number): Float64Array => solveMatrix(a, identity(n), n);

/** C = A·B (row-major n×n), i-k-j order so the inner loop runs along rows. */
export function matMul(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    for (let k = 0; k < n; k++) {
      const aik = a[rowI + k]!;
      if (aik === 0) continue;
      const rowK = k * n;
      for (let j = 0; j < n; j++) c[rowI + j] = c[rowI + j]! + aik * b[rowK + j]!;
    }
  }
  return c;
}

/** y = A·x (row-major n×n). */
export function matVec(
  a: Float64Array,
  x: Float64Array,
  n: number,
  out: Float64Array = new Float64Array(n),
): Float64Array {
  for (let i = 0; i < n; i++) {
    let s = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) s += a[row + j]! * x[j]!;
    out[i] = s;
  }
  return out;
}
