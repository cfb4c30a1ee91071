import { COMPARISONS, type Comparison } from './comparisons.ts';
import type { PreparedPerson } from './prepare.ts';

/**
 * The Fellegi–Sunter model (Fellegi & Sunter 1969; as in Splink): for each field and level,
 * m = P(level | same person) and u = P(level | different people). A pair's match weight is
 * log2(λ/(1−λ)) + Σ log2(m/u) over the fields both records have; its probability is 2^W / (1 + 2^W).
 */
export interface FieldParameters {
  readonly field: string;
  readonly levels: readonly string[];
  readonly m: readonly number[];
  readonly u: readonly number[];
  /** u among random pairs (the starting value of EM; shown to say how rare each level is overall). */
  readonly uRandom: readonly number[];
}

export interface Thresholds {
  /** Pairs at or above this probability go to the review queue. */
  readonly review: number;
  /** Pairs at or above this are shown first as strong candidates; still decided by a person. */
  readonly autoCandidate: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { review: 0.9, autoCandidate: 0.99 };

export interface MatchModel {
  /** λ: the share of candidate pairs (after blocking) that are the same person. */
  readonly prior: number;
  readonly fields: readonly FieldParameters[];
  readonly thresholds: Thresholds;
}

export interface FieldEvidence {
  readonly field: string;
  /** The level's label, or "missing" when either record lacks the field. */
  readonly level: string;
  readonly m?: number;
  readonly u?: number;
  /** log2(m/u); 0 for a missing field. */
  readonly weight: number;
}

export interface PairScore {
  readonly weight: number;
  readonly probability: number;
  /** The prior's weight log2(λ/(1−λ)), then one entry per field: the explanation of the total. */
  readonly priorWeight: number;
  readonly fields: readonly FieldEvidence[];
}

export function comparisonVector(
  a: PreparedPerson,
  b: PreparedPerson,
  comparisons: readonly Comparison[] = COMPARISONS,
): Int8Array {
  const v = new Int8Array(comparisons.length);
  for (let f = 0; f < comparisons.length; f++) v[f] = comparisons[f]!.level(a, b);
  return v;
}

export const probabilityOf = (weight: number): number => {
  const odds = 2 ** weight;
  return Number.isFinite(odds) ? odds / (1 + odds) : 1;
};

/** The weight of a comparison vector (no explanation: the hot path of batch scoring). */
export function weightOf(model: MatchModel, v: ArrayLike<number>): number {
  let w = Math.log2(model.prior / (1 - model.prior));
  for (let f = 0; f < model.fields.length; f++) {
    const l = v[f]!;
    if (l < 0) continue;
    const p = model.fields[f]!;
    w += Math.log2(p.m[l]! / p.u[l]!);
  }
  return w;
}

/** A pair's score with the evidence of every field, for the reviewer. */
export function explain(model: MatchModel, v: ArrayLike<number>): PairScore {
  const priorWeight = Math.log2(model.prior / (1 - model.prior));
  const fields: FieldEvidence[] = model.fields.map((p, f) => {
    const l = v[f]!;
    if (l < 0) return { field: p.field, level: 'missing', weight: 0 };
    const m = p.m[l]!;
    const u = p.u[l]!;
    return { field: p.field, level: p.levels[l]!, m, u, weight: Math.log2(m / u) };
  });
  const weight = fields.reduce((s, e) => s + e.weight, priorWeight);
  return { weight, probability: probabilityOf(weight), priorWeight, fields };
}
