import type { PreparedPerson } from './prepare.ts';

/**
 * How many records carry each name: the term frequencies of the name field (Splink's
 * `term_frequency_adjustments`; decisions 147, 180, 203, 217). Three kinds of key per record:
 *
 * - `x:` the name as written (sorted romanised tokens), for "same name";
 * - `s:` its sorted skeletons, for "same skeletons";
 * - `k:` every two of its distinct skeletons (one skeleton alone for a one-token name), for the
 *   levels where every token of the shorter name agrees with a token of the longer one (a father's
 *   name written by one mission only, a token spelt by sound): the records carrying all of the shorter
 *   name's skeletons are at most the fewest carrying any two of them.
 *
 * Nothing here is stored with the model: the counts are of the records being matched (batch), or of
 * the index and the population it was seeded with (incremental), so a deployment's own names set
 * their own frequencies and no table of names travels with a model (decision 217).
 */
export class NameFrequencies {
  private readonly counts = new Map<string, number>();
  private total = 0;

  add(p: PreparedPerson): void {
    for (const k of keysOf(p)) this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
    this.total++;
  }

  remove(p: PreparedPerson): void {
    for (const k of keysOf(p)) {
      const c = this.counts.get(k) ?? 0;
      if (c <= 1) this.counts.delete(k);
      else this.counts.set(k, c - 1);
    }
    this.total = Math.max(0, this.total - 1);
  }

  /**
   * The share of records other than the pair's that carry the pair's name, for name level `level`
   * (undefined below "every token agrees": no single name is shared there).
   *
   * Both records of the pair are left out of the count (leave-both-out): u asks how likely a
   * *different* person is to carry this name, and the two records being compared are the observation,
   * not the population it is measured against — counting either of them makes every rare name look
   * common (a name written only by these two records is not "carried by one other record": nobody
   * else carries it). A name nobody else carries counts as half a record (`UNSEEN_NAME_COUNT`).
   * `aCounted` is false when `a` is a new person matched against an index (not in the counts).
   */
  of(a: PreparedPerson, b: PreparedPerson, level: number, aCounted = true): number | undefined {
    if (level < EVERY_TOKEN_LEVEL) return undefined;
    const population = this.total - (aCounted ? 2 : 1);
    // A few hundred records say little about how common a name is: the level's own u then.
    if (population < MIN_TF_POPULATION) return undefined;
    let count: number;
    let inPair: number;
    if (level >= SKELETONS_LEVEL) {
      // The same name written the same way is rarer than the same skeletons (one spelling of several):
      // its frequency is that spelling's, as Splink's term frequencies are the exact value's.
      const key = a.exactKey === b.exactKey ? `x:${a.exactKey}` : `s:${a.skeletonKey}`;
      count = this.counts.get(key) ?? 0;
      inPair = (aCounted ? 1 : 0) + 1;
    } else {
      // Every token of the shorter name agrees: how common the shorter name's skeletons are together.
      const [s, l, sCounted, lCounted] =
        a.skeletonSet.length <= b.skeletonSet.length ? [a, b, aCounted, true] : [b, a, true, aCounted];
      count = Infinity;
      for (const k of setKeys(s)) count = Math.min(count, this.counts.get(k) ?? 0);
      const lCarries = s.skeletonSet.every((x) => l.skeletonSet.includes(x));
      inPair = (sCounted ? 1 : 0) + (lCounted && lCarries ? 1 : 0);
    }
    const others = Math.max(count - inPair, 0);
    return Math.max(others, UNSEEN_NAME_COUNT) / population;
  }
}

/**
 * A name that no record but the pair's carries is counted as half a record: its frequency is below
 * one in the population, and 0 would make it proof (the add-half estimator of an unseen value).
 */
export const UNSEEN_NAME_COUNT = 0.5;

/**
 * Below this many other records the frequencies are not used (the level's u is): in a new deployment's
 * first cases every name is rare. The server seeds the index with its training population (decision 181).
 */
export const MIN_TF_POPULATION = 1000;

/** The name levels the frequencies apply to (comparisons.ts, `nameComparison`). */
const EVERY_TOKEN_LEVEL = 3;
const SKELETONS_LEVEL = 5;

function setKeys(p: PreparedPerson): string[] {
  const sk = p.skeletonSet;
  if (sk.length <= 1) return [`k:${sk[0] ?? ''}`];
  const out: string[] = [];
  for (let i = 0; i < sk.length; i++) for (let j = i + 1; j < sk.length; j++) out.push(`k:${sk[i]} ${sk[j]}`);
  return out;
}

const keysOf = (p: PreparedPerson): string[] => [`s:${p.skeletonKey}`, `x:${p.exactKey}`, ...setKeys(p)];
