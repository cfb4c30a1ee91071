import { describe, expect, it } from 'vitest';
import { nameComparison } from './comparisons.ts';
import { type MatchModel, explain } from './fellegi-sunter.ts';
import { MIN_TF_POPULATION, NameFrequencies, UNSEEN_NAME_COUNT } from './name-frequencies.ts';
import { type PreparedPerson, prepare } from './prepare.ts';

const rec = (id: string, fullName: string) => prepare({ id, mission: 'm', fullName });
// Distinct two-token names that share no skeleton with the names under test (xaba xada, …).
const C = 'bdfjklmnprst';
const token = (i: number) => 'x' + [...i.toString(12)].map((d) => `${C[parseInt(d, 12)]}a`).join('');
const filler = (n: number) =>
  Array.from({ length: n }, (_, i) => rec(`f${i}`, `${token(i)} ${token(i + 5000)}`));

function counted(people: readonly PreparedPerson[]): NameFrequencies {
  const f = new NameFrequencies();
  for (const p of people) f.add(p);
  return f;
}

const levelOf = (a: PreparedPerson, b: PreparedPerson) => nameComparison.level(a, b);

describe('name frequencies (term frequency of the name field, decision 217)', () => {
  const crowd = filler(1200);

  it('leaves both records of the pair out: a name only the pair carries is rarer than one other carries', () => {
    const a = rec('a', 'Iryna Lysenko');
    const b = rec('b', 'Lysenko Iryna');
    const f = counted([...crowd, a, b]);
    expect(levelOf(a, b)).toBe(6);
    // Nobody but the pair: half a record of the 1,200 others.
    expect(f.of(a, b, 6)).toBeCloseTo(UNSEEN_NAME_COUNT / 1200, 12);
    const c = rec('c', 'Iryna Lysenko');
    f.add(c);
    // One other record (c) of the 1,201 others. Counting a or b too (leave-one-out) said 2 of 1,202.
    expect(f.of(a, b, 6)).toBeCloseTo(1 / 1201, 12);
    f.remove(c);
    expect(f.of(a, b, 6)).toBeCloseTo(UNSEEN_NAME_COUNT / 1200, 12);
  });

  it('weighs another spelling by the skeletons, the same spelling by that spelling', () => {
    const a = rec('a', 'Muhammad Ali');
    const b = rec('b', 'Ali Muhammad');
    const others = Array.from({ length: 8 }, (_, i) => rec(`x${i}`, 'Mohamed Ali'));
    const f = counted([...crowd, a, b, ...others]);
    expect(f.of(a, b, 6)).toBeCloseTo(UNSEEN_NAME_COUNT / 1208, 12);
    // Muhammad Ali and Mohamed Ali: the same skeletons, carried by seven records besides the pair.
    expect(levelOf(a, others[0]!)).toBe(5);
    expect(f.of(a, others[0]!, 5)).toBeCloseTo(8 / 1208, 12);
  });

  it('weighs "every token agrees" (a father’s name on one side) by how common the shorter name is', () => {
    const a = rec('a', 'Omar Khalid Haddad');
    const b = rec('b', 'Omar Haddad');
    const namesakes = ['Omar Saleh Haddad', 'Haddad Omar Ali', 'Omar Haddad', 'Omar Yusuf Haddad'].map(
      (n, i) => rec(`o${i}`, n),
    );
    const f = counted([...crowd, a, b, ...namesakes]);
    expect(levelOf(a, b)).toBe(4);
    // Four records besides the pair carry both Omar and Haddad.
    expect(f.of(a, b, 4)).toBeCloseTo(4 / 1204, 12);
    const rare = counted([...crowd, a, b]);
    expect(rare.of(a, b, 4)).toBeCloseTo(UNSEEN_NAME_COUNT / 1200, 12);
    // Below "every token agrees" no single name is shared: no frequency.
    expect(f.of(a, rec('c', 'Omar Saleh'), levelOf(a, rec('c', 'Omar Saleh')))).toBeUndefined();
  });

  it('makes a rare name count for more than a common one, in the explanation too', () => {
    const model: MatchModel = {
      prior: 1e-4,
      fields: [
        {
          field: 'name',
          levels: nameComparison.levels,
          m: [0.01, 0.04, 0.05, 0.05, 0.15, 0.3, 0.4],
          u: [0.9, 0.07, 0.02, 0.005, 0.003, 0.001, 0.001],
          tfFromLevel: 3,
        },
      ],
      thresholds: { review: 0.6, autoCandidate: 0.99 },
    };
    const a = rec('a', 'Omar Khalid Haddad');
    const b = rec('b', 'Omar Haddad');
    const common = counted([
      ...crowd,
      a,
      b,
      ...Array.from({ length: 60 }, (_, i) => rec(`o${i}`, 'Omar Haddad')),
    ]);
    const rare = counted([...crowd, a, b]);
    const w = (f: NameFrequencies) => explain(model, [levelOf(a, b)], f.of(a, b, levelOf(a, b))).fields[0]!;
    expect(w(rare).weight).toBeGreaterThan(w(common).weight + 5);
    expect(w(rare).u).toBeCloseTo(UNSEEN_NAME_COUNT / 1200, 12);
  });

  it('counts a new person (not yet indexed) once: only the indexed record of the pair is left out', () => {
    const indexed = rec('a', 'Iryna Lysenko');
    const f = counted([...crowd, indexed, rec('c', 'Iryna Lysenko')]);
    expect(f.of(rec('new', 'Lysenko Iryna'), indexed, 6, false)).toBeCloseTo(1 / 1201, 12);
  });

  it('uses no frequency in a small population (the level’s own u), where every name looks rare', () => {
    const a = rec('a', 'Iryna Lysenko');
    const b = rec('b', 'Lysenko Iryna');
    const small = counted([...filler(MIN_TF_POPULATION - 1), a, b]);
    expect(small.of(a, b, 6)).toBeUndefined();
    small.add(rec('z', 'Zaid Zaman'));
    expect(small.of(a, b, 6)).toBeDefined();
  });
});
