import { describe, expect, it } from 'vitest';
import { COMPARISONS } from './comparisons.ts';
import { emSession, estimateU, startingM } from './estimate.ts';
import { type MatchModel, explain, weightOf } from './fellegi-sunter.ts';
import { prepare } from './prepare.ts';
import { seededRandom } from './random.ts';

const BIRTH = 1;
const fields = COMPARISONS.length;
const vec = (levels: Partial<Record<number, number>>) =>
  Int8Array.from({ length: fields }, (_, f) => levels[f] ?? -1);

describe('a missing field is neutral (Splink’s null level): training and scoring', () => {
  it('EM learns nothing from pairs where the field is missing, and they do not move what it learns', () => {
    // Pairs that agree on the name and the date (matches) and pairs that agree on neither.
    const present = [
      ...Array.from({ length: 40 }, () => vec({ 0: 6, 1: 9, 2: 1 })),
      ...Array.from({ length: 400 }, () => vec({ 0: 0, 1: 0, 2: 0 })),
    ];
    const u = estimateU([], 0, Math.random);
    const alone = emSession(present, u, new Set());
    // The same pairs again, the date missing on one side in each: a date that is not there is not
    // "far apart" (level 0), which would pull m(far apart) up and m(same date) down.
    const withMissing = emSession(
      [...present, ...present.map((v) => Int8Array.from(v, (l, f) => (f === BIRTH ? -1 : l)))],
      u,
      new Set(),
    );
    for (let l = 0; l < COMPARISONS[BIRTH]!.levels.length; l++)
      expect(withMissing.m[BIRTH]![l]!).toBeCloseTo(alone.m[BIRTH]![l]!, 2);
    // A field missing in every pair keeps the m it started from.
    const noDates = emSession(
      present.map((v) => Int8Array.from(v, (l, f) => (f === BIRTH ? -1 : l))),
      u,
      new Set(),
    );
    expect(noDates.m[BIRTH]).toEqual(startingM()[BIRTH]);
  });

  it('u from random pairs counts only pairs where both records state the field', () => {
    const people = Array.from({ length: 50 }, (_, i) =>
      prepare({
        id: `p${i}`,
        mission: 'm',
        fullName: `Name${'abcdefghij'[i % 10]} Other`,
        ...(i % 2 === 0 && { birthDate: '1990' }),
      }),
    );
    const u = estimateU(people, 5000, seededRandom(3));
    // Every dated pair is "same year"; pairs with an undated record are not "far apart".
    const sameYear = COMPARISONS[BIRTH]!.levels.indexOf('same year (a year-only date, no estimate)');
    expect(u[BIRTH]![sameYear]!).toBeGreaterThan(0.99);
  });

  it('scores a missing field 0: the weight is the same as without the field, and explained as missing', () => {
    const model: MatchModel = {
      prior: 1e-3,
      fields: COMPARISONS.map((c) => ({
        field: c.field,
        levels: c.levels,
        m: c.levels.map(() => 1 / c.levels.length),
        u: c.levels.map((_, l) => (l === 0 ? 0.9 : 0.1 / (c.levels.length - 1))),
      })),
      thresholds: { review: 0.6, autoCandidate: 0.99 },
    };
    const named = vec({ 0: 6 });
    const e = explain(model, named);
    expect(e.fields.filter((f) => f.level === 'missing')).toHaveLength(fields - 1);
    expect(e.fields.filter((f) => f.level === 'missing').every((f) => f.weight === 0)).toBe(true);
    expect(weightOf(model, named)).toBeCloseTo(e.priorWeight + e.fields[0]!.weight, 12);
  });
});
