import { type BlockingOptions, DEFAULT_BLOCKING, candidatePairs } from './blocking.ts';
import { type MatchModel, comparisonVector, weightOf, probabilityOf } from './fellegi-sunter.ts';
import { NameFrequencies } from './name-frequencies.ts';
import { type Training, type TrainOptions, train } from './train.ts';
import type { PersonRecord } from './person.ts';
import { type PreparedPerson, prepare } from './prepare.ts';

export interface MatchAllOptions extends TrainOptions {
  readonly blocking?: BlockingOptions;
  /** A model trained before: skip estimation, score only. */
  readonly model?: MatchModel;
  /**
   * Also review pairs of two records of one mission. Off by default, as on the server: the review
   * queue is about one person met by several missions (decision 217); training reads every pair.
   */
  readonly withinMission?: boolean;
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
  /** The EM sessions of training (none when a model was given). */
  readonly sessions: Training['sessions'];
  /** Pairs at or above the review threshold, best first, as indices into `people` (two missions unless `withinMission`). */
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
  const frequencies = new NameFrequencies();
  for (const p of people) frequencies.add(p);
  const tf = (k: number) =>
    frequencies.of(people[pairs[2 * k]!]!, people[pairs[2 * k + 1]!]!, vectors[k * fields]!);
  let model = options.model;
  let sessions: Training['sessions'] = [];
  if (!model) {
    const training = train(people, options);
    model = training.model;
    sessions = training.sessions;
  }
  const review: ScoredPair[] = [];
  const withinMission = options.withinMission ?? false;
  for (let k = 0; k < count; k++) {
    if (!withinMission && people[pairs[2 * k]!]!.record.mission === people[pairs[2 * k + 1]!]!.record.mission)
      continue;
    const p = probabilityOf(weightOf(model, vectors.subarray(k * fields, (k + 1) * fields), tf(k)));
    if (p >= model.thresholds.review) review.push({ a: pairs[2 * k]!, b: pairs[2 * k + 1]!, probability: p });
  }
  review.sort((x, y) => y.probability - x.probability);
  return {
    people,
    model,
    candidatePairs: count,
    oversizeBlocks: blocked.oversizeBlocks,
    sessions,
    review,
  };
}
