/**
 * The perturbation table of the cell-key method (Fraser & Wooton 2005, the ABS TableBuilder method;
 * the ONS's for Census 2021): a cell's published value is its count plus a perturbation drawn from a
 * distribution that depends on the count, where the draw is not random but read off the cell key —
 * the sum of the cell's record keys modulo 2^32 — so the same set of cases gets the same value in every
 * query: repeating a query, or asking for the same cell another way, returns the same number.
 *
 * Each row (a count n) is a discretised normal, symmetric (the published value is unbiased),
 * truncated at three standard deviations, with a standard deviation that grows with the count:
 * σ(n) = max(σ0, c·√n). With a flat σ of 2, an attacker who compares a wide cell that holds a person
 * with the sum of its finer, published parts (where the person's own part is suppressed) sees that
 * person's +1 once they average over enough such pairs; noise as wide as the count's own Poisson spread
 * (c = 1) hides the +1 in the wide cell, at the cost of about 1/√n relative error (3 % at 1,000,
 * 10 % at 100). Decision 101 has the measurements.
 */
export interface PTable {
  readonly name: string;
  readonly sigma0: number;
  readonly c: number;
  /** The row for a count: P(d) for d = -max..max. */
  row(n: number): PTableRow;
}

export interface PTableRow {
  readonly max: number;
  readonly probabilities: readonly number[];
  /** Cumulative, for the inverse-CDF read. */
  readonly cdf: Float64Array;
  readonly variance: number;
}

function normalRow(sigma: number): PTableRow {
  const max = Math.max(1, Math.ceil(3 * sigma));
  const weights = Array.from({ length: 2 * max + 1 }, (_, i) =>
    Math.exp(-((i - max) ** 2) / (2 * sigma * sigma)),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const probabilities = weights.map((w) => w / total);
  const cdf = new Float64Array(probabilities.length);
  let s = 0;
  probabilities.forEach((p, i) => (cdf[i] = s += p));
  const variance = probabilities.reduce((v, p, i) => v + p * (i - max) ** 2, 0);
  return { max, probabilities, cdf, variance };
}

export function cellKeyPTable(sigma0: number, c: number): PTable {
  const rows = new Map<number, PTableRow>();
  return {
    name: `normal(σ = max(${sigma0}, ${c}·√n), ±3σ)`,
    sigma0,
    c,
    row(n) {
      // Rows are shared by counts with the same σ to a tenth: a few hundred rows serve any table.
      const sigma = Math.round(Math.max(sigma0, c * Math.sqrt(Math.max(0, n))) * 10) / 10;
      let r = rows.get(sigma);
      if (!r) rows.set(sigma, (r = normalRow(sigma)));
      return r;
    },
  };
}

/** Tern's default (decision 101). */
export const DEFAULT_PTABLE = cellKeyPTable(2, 1);

const SPAN = 2 ** 32;

/** The perturbation of a cell of `n` cases with this cell key (sum of record keys mod 2^32). */
export function perturbation(t: PTable, n: number, cellKey: number): number {
  const u = (((cellKey % SPAN) + SPAN) % SPAN) / SPAN;
  const { cdf, max } = t.row(n);
  // Binary search of the first cumulative probability above u.
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < cdf[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo - max;
}
