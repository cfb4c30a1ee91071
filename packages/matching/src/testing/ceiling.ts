import { comparisonVector } from '../fellegi-sunter.ts';
import { NameFrequencies } from '../name-frequencies.ts';
import type { PreparedPerson } from '../prepare.ts';
import type { EvaluationSet } from './evaluation-set.ts';

/**
 * The ceiling of any model that reads these comparisons (the audit of decision 217): the candidate
 * pairs are grouped by what a model sees of them — the level of every field and the name's
 * frequency (records besides the pair, 0–30) — and each group is given the share of true pairs it
 * holds, *read from the answers of the same set*. Taking groups best first while precision stays at
 * or above `minPrecision` gives the highest recall any scoring of these features could reach on this
 * set, with the answers in hand (so above what a model can learn). Pairs lost by blocking count
 * as missed.
 */
export function ceilingRecall(
  set: EvaluationSet,
  people: readonly PreparedPerson[],
  pairs: Uint32Array,
  minPrecision = 0.95,
): { recall: number; groups: number } {
  const frequencies = new NameFrequencies();
  for (const p of people) frequencies.add(p);
  const groups = new Map<string, { same: number; all: number }>();
  for (let k = 0; k < pairs.length; k += 2) {
    const a = people[pairs[k]!]!;
    const b = people[pairs[k + 1]!]!;
    if (a.record.mission === b.record.mission) continue;
    const v = comparisonVector(a, b);
    const tf = frequencies.of(a, b, v[0]!);
    const others = tf === undefined ? 'none' : String(Math.min(Math.round(tf * (people.length - 2)), 30));
    const key = `${v.join(',')}|${others}`;
    const g = groups.get(key) ?? { same: 0, all: 0 };
    g.all++;
    if (set.records[pairs[k]!]!.identity === set.records[pairs[k + 1]!]!.identity) g.same++;
    groups.set(key, g);
  }
  const sizes = new Map<number, number>();
  for (const r of set.records) sizes.set(r.identity, (sizes.get(r.identity) ?? 0) + 1);
  let truePairs = 0;
  for (const s of sizes.values()) truePairs += (s * (s - 1)) / 2;
  let same = 0;
  let all = 0;
  let best = 0;
  for (const g of [...groups.values()].sort((x, y) => y.same / y.all - x.same / x.all)) {
    same += g.same;
    all += g.all;
    if (same / all >= minPrecision) best = Math.max(best, same);
  }
  return { recall: truePairs === 0 ? 1 : best / truePairs, groups: groups.size };
}
