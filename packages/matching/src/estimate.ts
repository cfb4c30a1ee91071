import { COMPARISONS, type Comparison } from './comparisons.ts';
import type { PreparedPerson } from './prepare.ts';
import { comparisonVector } from './fellegi-sunter.ts';

/** Pseudo-count added to every level so no m or u is 0 (a level never seen in training). */
const SMOOTHING = 0.5;

export const normalised = (counts: readonly number[]): number[] => {
  const total = counts.reduce((s, c) => s + c + SMOOTHING, 0);
  return counts.map((c) => (c + SMOOTHING) / total);
};

/**
 * u from random pairs (Splink's `estimate_u_using_random_sampling`): among random pairs almost all
 * are different people, so the share of each level among them is u. Seeded: same data, same u.
 */
export function estimateU(
  people: readonly PreparedPerson[],
  samples: number,
  random: () => number,
  comparisons: readonly Comparison[] = COMPARISONS,
): number[][] {
  const counts = comparisons.map((c) => c.levels.map(() => 0));
  const n = people.length;
  if (n < 2) return counts.map(normalised);
  for (let s = 0; s < samples; s++) {
    const i = Math.floor(random() * n);
    let j = Math.floor(random() * (n - 1));
    if (j >= i) j++;
    const v = comparisonVector(people[i]!, people[j]!, comparisons);
    for (let f = 0; f < v.length; f++) if (v[f]! >= 0) counts[f]![v[f]!]!++;
  }
  return counts.map(normalised);
}

export interface EmSession {
  /** m per field and level; fields excluded from the session keep their starting m. */
  readonly m: number[][];
  /** u of the fields freed in the session (the others are the u given). */
  readonly u: number[][];
  /** The share of the session's pairs that are the same person. */
  readonly prior: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** The m a session starts from: agreement likelier the higher the level. */
export const startingM = (comparisons: readonly Comparison[] = COMPARISONS): number[][] =>
  comparisons.map((c) => normalised(c.levels.map((_, l) => 2 ** (2 * l))));

/**
 * One EM training session (Splink's `estimate_parameters_using_expectation_maximisation`): m and
 * λ over the comparison vectors of pairs chosen by one blocking rule, u fixed at its random-pair
 * value. The fields the rule blocked on are `excluded` — among pairs chosen because they agree on a
 * field, that field's agreement says nothing about m. Identical vectors are grouped first: a few
 * hundred patterns stand for millions of pairs, so each iteration is cheap. `freeU` names fields
 * whose u among the session's pairs differs from random pairs (the place of birth among people with
 * the same name): their u is re-estimated within the session and not kept.
 */
export function emSession(
  vectors: Iterable<ArrayLike<number>>,
  u: readonly (readonly number[])[],
  excluded: ReadonlySet<number>,
  options: { maxIterations?: number; tolerance?: number; freeU?: ReadonlySet<number> } = {},
  comparisons: readonly Comparison[] = COMPARISONS,
): EmSession {
  const freeU = options.freeU ?? new Set<number>();
  let uNow = u.map((row) => [...row]);
  const patterns = new Map<string, { v: Int8Array; count: number }>();
  for (const vec of vectors) {
    const v = Int8Array.from(vec, (l, f) => (excluded.has(f) ? -1 : l));
    const key = v.join(',');
    const p = patterns.get(key);
    if (p) p.count++;
    else patterns.set(key, { v, count: 1 });
  }
  const groups = [...patterns.values()];
  let m = startingM(comparisons);
  let prior = 0.1;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-6;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    const counts = comparisons.map((c) => c.levels.map(() => 0));
    const uCounts = comparisons.map((c) => c.levels.map(() => 0));
    let matchMass = 0;
    let total = 0;
    for (const g of groups) {
      let pm = prior;
      let pu = 1 - prior;
      for (let f = 0; f < g.v.length; f++) {
        const l = g.v[f]!;
        if (l < 0) continue;
        pm *= m[f]![l]!;
        pu *= uNow[f]![l]!;
      }
      const w = pm / (pm + pu);
      matchMass += w * g.count;
      total += g.count;
      for (let f = 0; f < g.v.length; f++) {
        const l = g.v[f]!;
        if (l < 0) continue;
        counts[f]![l]! += w * g.count;
        uCounts[f]![l]! += (1 - w) * g.count;
      }
    }
    // A field excluded, or missing in every pair of the session, learns nothing: it keeps its m
    // (a missing field is no level, not evidence for the smoothing's uniform m).
    const next = counts.map((row, f) =>
      excluded.has(f) || row.every((c) => c === 0) ? m[f]! : normalised(row),
    );
    const nextPrior = Math.min(Math.max(matchMass / Math.max(total, 1), 1e-9), 1 - 1e-9);
    let change = Math.abs(nextPrior - prior);
    next.forEach((row, f) => row.forEach((x, l) => (change = Math.max(change, Math.abs(x - m[f]![l]!)))));
    m = next;
    uNow = uNow.map((row, f) => (freeU.has(f) ? normalised(uCounts[f]!) : row));
    prior = nextPrior;
    converged = change < tolerance;
  }
  return { m, u: uNow, prior, iterations, converged };
}
