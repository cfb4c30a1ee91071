import { describe, expect, it } from 'vitest';
import { candidatePairs } from '../blocking.ts';
import { matchAll } from '../match-all.ts';
import { prepare } from '../prepare.ts';
import { ceilingRecall } from './ceiling.ts';
import { evaluationSet } from './evaluation-set.ts';
import { precisionRecall } from './evaluate.ts';
import { recallBreakdown } from './breakdown.ts';

const set = evaluationSet({ seed: 11, records: 2000 });
const n = set.records.length;
const truePairs: number[] = [];
set.records.forEach((a, i) =>
  set.records.forEach((b, j) => j > i && a.identity === b.identity && truePairs.push(i * n + j)),
);

describe('recall broken down by what the evaluation set planted', () => {
  it('counts every true pair once overall, and finds all of them when all are found', () => {
    const rows = recallBreakdown(set, new Set(truePairs));
    const all = rows.find((r) => r.kind === 'all true pairs')!;
    expect(all.truePairs).toBe(precisionRecall(set.records, []).truePairs);
    for (const r of rows) expect(r.recall).toBe(1);
    expect(rows.slice(0, 2).map((r) => r.kind)).toEqual(['all true pairs', 'with distinguishing evidence']);
  });

  it('splits the pairs into those with distinguishing evidence and those a namesake fits', () => {
    const rows = new Map(recallBreakdown(set, new Set()).map((r) => [r.kind, r]));
    const with_ = rows.get('with distinguishing evidence')!.truePairs;
    const without = rows.get('a namesake fits (no distinguishing evidence)')?.truePairs ?? 0;
    expect(with_ + without).toBe(rows.get('all true pairs')!.truePairs);
    expect(without).toBeGreaterThan(0);
    for (const r of rows.values()) expect(r.found).toBe(0);
  });

  it('records what was planted on each record', () => {
    const dobs = new Set(set.records.map((r) => r.planted.dob));
    expect(dobs).toEqual(
      new Set(['full', 'day-month-swapped', 'year-only', 'estimate', 'year-month', 'missing']),
    );
    for (const r of set.records) expect(r.birthDate === undefined).toBe(r.planted.dob === 'missing');
    expect(set.records.some((r) => r.planted.script === 'arabic')).toBe(true);
  });

  it('plants the Screening fields as a mission writes them: places in Arabic, dual citizenships', () => {
    const arabicPlace = set.records.filter(
      (r) => r.placeOfBirth && /\p{Script=Arabic}/u.test(r.placeOfBirth),
    );
    expect(arabicPlace.length).toBeGreaterThan(0);
    for (const r of arabicPlace) expect(r.planted.script).toBe('arabic');
    expect(set.records.some((r) => Array.isArray(r.citizenship))).toBe(true);
    const share = (f: (r: (typeof set.records)[number]) => boolean) =>
      set.records.filter(f).length / set.records.length;
    expect(share((r) => r.sex !== undefined)).toBeGreaterThan(0.9);
    expect(share((r) => r.placeOfBirth !== undefined)).toBeLessThan(0.65);
    expect(share((r) => r.relativesFamilyNames !== undefined)).toBeLessThan(0.45);
  });

  it('gives siblings (near misses) the same family evidence: place, citizenship, mother', () => {
    // Identities of one family are numbered one after the other; a sibling shares every family field.
    let siblings = 0;
    for (let id = 1; id < set.truth.length; id++) {
      const a = set.truth[id - 1]!;
      const b = set.truth[id]!;
      if (!a || !b || a.name.split(' ').at(-1) !== b.name.split(' ').at(-1)) continue;
      if (a.place !== b.place || a.motherFamily !== b.motherFamily || a.country !== b.country) continue;
      siblings++;
    }
    expect(siblings).toBeGreaterThanOrEqual(set.siblings);
  });
});

describe('the ceiling of any scoring of these comparisons (decision 217)', () => {
  it('is at least the model’s recall at the same precision, and at most what blocking keeps', () => {
    const people = set.records.map(prepare);
    const { pairs } = candidatePairs(people);
    const ceiling = ceilingRecall(set, people, pairs);
    const res = matchAll(set.records, { seed: 11, thresholds: { review: 0.01, autoCandidate: 0.99 } });
    // The model's best recall with precision ≥ 0.95, over its ranking.
    let tp = 0;
    let best = 0;
    res.review.forEach((p, k) => {
      if (set.records[p.a]!.identity === set.records[p.b]!.identity) tp++;
      if (tp / (k + 1) >= 0.95) best = Math.max(best, tp);
    });
    const blocked = precisionRecall(
      set.records,
      Array.from({ length: pairs.length / 2 }, (_, k) => [pairs[2 * k]!, pairs[2 * k + 1]!] as const),
    );
    expect(ceiling.recall).toBeGreaterThanOrEqual(best / blocked.truePairs);
    expect(ceiling.recall).toBeLessThanOrEqual(blocked.recall);
    expect(ceiling.recall).toBeLessThan(1);
  });
});
