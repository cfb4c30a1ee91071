import { type BlockingOptions, DEFAULT_BLOCKING, candidatePairs } from './blocking.ts';
import { type MatchModel, type Thresholds, comparisonVector, weightOf, probabilityOf } from './fellegi-sunter.ts';
import { estimateM, estimateU } from './estimate.ts';
import type { PersonRecord } from './person.ts';
import { type PreparedPerson, prepare } from './prepare.ts';
import { seededRandom } from './random.ts';

export interface MatchAllOptions {
  readonly blocking?: BlockingOptions;
  readonly thresholds?: Thresholds;
  /** Random pairs for u (default 200,000) and their seed. */
  readonly uSamples?: number;
  readonly seed?: number;
  /** A model trained before: skip estimation, score only. */
  readonly model?: MatchModel;
}

export interface ScoredPair {
  readonly a: number;
  readonly b: number;
  readonly probability: number;
}

export interface MatchAllResult {
  readonly people: readonly PreparedPerson[];
  readonly model: MatchModel;
  readonly candidatePairs: number;
  readonly oversizeBlocks: number;
  readonly emIterations: number;
  /** Pairs at or above the review threshold, best first, as indices into `people`. */
  readonly review: readonly ScoredPair[];
}

/**
 * Batch matching: prepare every record, block, estimate u (random pairs) and m (EM over the
 * candidate pairs), score every candidate pair and keep those at or above the review threshold.
 */
export function matchAll(records: readonly PersonRecord[], options: MatchAllOptions = {}): MatchAllResult {
  const people = records.map(prepare);
  const blocked = candidatePairs(people, options.blocking ?? DEFAULT_BLOCKING);
  const { pairs } = blocked;
  const count = pairs.length / 2;
  const fields = 6;
  // One Int8 per field and pair: 6 bytes a pair, computed once for EM and scoring.
  const vectors = new Int8Array(count * fields);
  for (let k = 0; k < count; k++)
    vectors.set(comparisonVector(people[pairs[2 * k]!]!, people[pairs[2 * k + 1]!]!), k * fields);
  let model = options.model;
  let emIterations = 0;
  if (!model) {
    const u = estimateU(people, options.uSamples ?? 200_000, seededRandom(options.seed ?? 20));
    const views = function* () {
      for (let k = 0; k < count; k++) yield vectors.subarray(k * fields, (k + 1) * fields);
    };
    const em = estimateM(views(), u, options.thresholds ? { thresholds: options.thresholds } : {});
    model = em.model;
    emIterations = em.iterations;
  }
  const review: ScoredPair[] = [];
  for (let k = 0; k < count; k++) {
    const p = probabilityOf(weightOf(model, vectors.subarray(k * fields, (k + 1) * fields)));
    if (p >= model.thresholds.review) review.push({ a: pairs[2 * k]!, b: pairs[2 * k + 1]!, probability: p });
  }
  review.sort((x, y) => y.probability - x.probability);
  return {
    people,
    model,
    candidatePairs: count,
    oversizeBlocks: blocked.oversizeBlocks,
    emIterations,
    review,
  };
}
