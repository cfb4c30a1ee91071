import { COMPARISONS } from './comparisons.ts';
import { emSession, estimateU, normalised } from './estimate.ts';
import {
  type FieldParameters,
  type MatchModel,
  type Thresholds,
  DEFAULT_THRESHOLDS,
  comparisonVector,
} from './fellegi-sunter.ts';
import type { PreparedPerson } from './prepare.ts';
import { seededRandom } from './random.ts';

export interface TrainOptions {
  readonly uSamples?: number;
  readonly seed?: number;
  readonly thresholds?: Thresholds;
  /** People per key compared in a training session (the rest of a crowded key is left out). */
  readonly maxTrainingBlock?: number;
}

export interface Training {
  readonly model: MatchModel;
  readonly sessions: readonly {
    readonly blockedOn: string;
    readonly pairs: number;
    readonly iterations: number;
  }[];
}

const NAME = 0;
const TF_FROM_LEVEL = COMPARISONS[NAME]!.levels.indexOf('every token agrees, one only by similar spelling');
const BIRTH = 1;
const SEX = 2;
const CITIZENSHIP = 3;
const PLACE = 4;
const RELATIVES = 5;
/** The place's u among same-name pairs is not the random u: a name tells the region. */
const ORIGIN_FIELDS = new Set([PLACE]);
/**
 * Fields that agree because the names agree: the same name tells the sex, usually the citizenship,
 * and the family name is among the relatives' names. Among pairs blocked on names they agree for
 * different people too, and EM would read that as "same person" (λ → 1). So the name session
 * learns the date (whose u is the random-pair u: a date does not depend on the name), and the
 * place, with its u among same-name people learnt in the session too (and not kept: scoring uses
 * the random-pair u of every field, as Splink does).
 */
const NAME_SESSION_EXCLUDES = new Set([NAME, SEX, CITIZENSHIP, RELATIVES]);
const FOLLOW_THE_NAME = new Set([SEX, CITIZENSHIP, PLACE, RELATIVES]);
// …and for the same reason these fields and the place are scored with their u among same-name pairs, not random
// pairs: a candidate pair already agrees on the name, and random-pair u would count the shared
// origin a second time (Fellegi–Sunter assumes the fields independent; these are not). Decision 147.

/** Comparison vectors of the pairs sharing a key, at most `cap` people per key (training needs a sample, not all). */
function* pairsSharingKey(
  people: readonly PreparedPerson[],
  keyOf: (p: PreparedPerson) => string | undefined,
  cap: number,
): Generator<Int8Array> {
  const groups = new Map<string, number[]>();
  people.forEach((p, i) => {
    const key = keyOf(p);
    if (key === undefined) return;
    const g = groups.get(key);
    if (!g) groups.set(key, [i]);
    else if (g.length < cap) g.push(i);
  });
  for (const g of groups.values())
    for (let x = 0; x < g.length; x++)
      for (let y = x + 1; y < g.length; y++) yield comparisonVector(people[g[x]!]!, people[g[y]!]!);
}

const fullDate = (p: PreparedPerson) =>
  p.birth?.day === undefined ? undefined : `${p.birth.year}-${p.birth.month}-${p.birth.day}`;

/** The share of each level among pairs (most are different people): u within that population. */
function levelShares(vectors: readonly Int8Array[]): number[][] {
  const counts = COMPARISONS.map((c) => c.levels.map(() => 0));
  for (const v of vectors) v.forEach((l, f) => l >= 0 && counts[f]![l]!++);
  return counts.map(normalised);
}

/**
 * Training as Splink does it: u from random pairs; m by EM in two sessions, each blocked on a field
 * it then cannot learn — pairs with the same name skeletons teach m of the date and the place,
 * pairs with the same date of birth teach m of every field but the date. u is the random-pair u
 * except for the fields that follow the name (sex, citizenship, place, relatives): their u is their share
 * among same-name pairs. λ, the chance that two random records are one person, is the matches among
 * pairs with the same full date over m(same date), over all n(n−1)/2 pairs (decisions 180, 201).
 * Training reads the people only: the candidate pairs are scored with the model it gives.
 */
export function train(people: readonly PreparedPerson[], options: TrainOptions = {}): Training {
  const u = estimateU(people, options.uSamples ?? 200_000, seededRandom(options.seed ?? 20));
  const cap = options.maxTrainingBlock ?? 50;
  const named = [...pairsSharingKey(people, (p) => p.skeletonKey, cap)];
  const byName = emSession(named, u, NAME_SESSION_EXCLUDES, { freeU: ORIGIN_FIELDS });
  const dated = [...pairsSharingKey(people, fullDate, cap)];
  const byDate = emSession(dated, u, new Set([BIRTH]));
  const m = COMPARISONS.map((_, f) => (f === BIRTH ? byName.m[f]! : byDate.m[f]!));
  const uNamed = levelShares(named);
  const fields: FieldParameters[] = COMPARISONS.map((c, f) => ({
    field: c.field,
    levels: c.levels,
    m: m[f]!,
    u: FOLLOW_THE_NAME.has(f) ? uNamed[f]! : u[f]!,
    // Term frequencies from "every token agrees" up (decision 217): name-frequencies.ts.
    ...(f === NAME && { tfFromLevel: TF_FROM_LEVEL }),
  }));
  // λ as Splink's `estimate_probability_two_random_records_match`: the matches among the pairs with
  // the same full date (the date session's share of matches) are the share m(same date) of all
  // matches; so all matches ≈ that count / m(same date), over n(n−1)/2 pairs (decision 180). Not a
  // fixed point of the model's own probabilities: a model that is unsure of itself would find a
  // smaller λ, and be less sure still.
  const allPairs = (people.length * (people.length - 1)) / 2;
  const sameDate = COMPARISONS[BIRTH]!.levels.indexOf('same date');
  // m(same date) is a share of the matches whose two records both state a date: the matches
  // counted this way are those, a share `dated²` of all (a date missing on either record is as
  // likely for one person as for two; decision 201).
  const withDate = people.filter((p) => p.birth !== undefined).length / Math.max(people.length, 1);
  const matches = (byDate.prior * dated.length) / Math.max(m[BIRTH]![sameDate]! * withDate * withDate, 1e-6);
  const prior = Math.min(Math.max(matches / Math.max(allPairs, 1), 1e-12), 0.5);
  return {
    model: { prior, fields, thresholds: options.thresholds ?? DEFAULT_THRESHOLDS },
    sessions: [
      { blockedOn: 'name', pairs: named.length, iterations: byName.iterations },
      { blockedOn: 'birthDate', pairs: dated.length, iterations: byDate.iterations },
    ],
  };
}
