/**
 * The perturbation table of the cell-key method (Fraser & Wooton 2005, the ABS TableBuilder method;
 * the ONS's for Census 2021): a cell's published value is its count plus a perturbation drawn from a
 * fixed distribution, where the draw is not random but read off the cell key — the sum of the cell's
 * record keys modulo 2^32 — so the same set of cases gets the same value in every query, and
 * repeating a query, or asking for the same cell another way, returns the same number.
 *
 * One row serves every count: cells under k are suppressed anyway, and for counts of k and more the
 * table is the same. The distribution is a discretised normal, symmetric (the published value is
 * unbiased), truncated at ±`max`.
 */
export interface PTable {
  readonly name: string;
  /** Perturbations from -max to +max. */
  readonly max: number;
  /** P(d) for d = -max..max, summing to 1. */
  readonly probabilities: readonly number[];
  readonly variance: number;
}

export function discreteNormalPTable(sigma: number, max: number): PTable {
  const weights = Array.from({ length: 2 * max + 1 }, (_, i) =>
    Math.exp(-((i - max) ** 2) / (2 * sigma * sigma)),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const probabilities = weights.map((w) => w / total);
  const variance = probabilities.reduce((s, p, i) => s + p * (i - max) ** 2, 0);
  return { name: `normal(σ=${sigma}, ±${max})`, max, probabilities, variance };
}

/** Tern's default (decision 101). */
export const DEFAULT_PTABLE = discreteNormalPTable(2, 5);

const SPAN = 2 ** 32;

/** The cumulative distribution of a table, cached: one lookup per published cell. */
const cumulative = new WeakMap<PTable, Float64Array>();
function cdf(t: PTable): Float64Array {
  let c = cumulative.get(t);
  if (!c) {
    c = new Float64Array(t.probabilities.length);
    let s = 0;
    t.probabilities.forEach((p, i) => (c![i] = s += p));
    cumulative.set(t, c);
  }
  return c;
}

/** The perturbation of a cell with this cell key (sum of record keys mod 2^32): an inverse-CDF read. */
export function perturbation(t: PTable, cellKey: number): number {
  const u = (((cellKey % SPAN) + SPAN) % SPAN) / SPAN;
  const c = cdf(t);
  let i = 0;
  while (i < c.length - 1 && u >= c[i]!) i++;
  return i - t.max;
}
