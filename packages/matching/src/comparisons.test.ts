import { describe, expect, it } from 'vitest';
import {
  birthDateComparison,
  citizenshipComparison,
  nameComparison,
  placeComparison,
  relativesComparison,
} from './comparisons.ts';
import type { PersonRecord } from './person.ts';
import { prepare } from './prepare.ts';

const person = (fields: Partial<PersonRecord>) =>
  prepare({ id: 'x', mission: 'm', fullName: 'Omar Haddad', ...fields });
const levelName = (c: typeof nameComparison, a: Partial<PersonRecord>, b: Partial<PersonRecord>) => {
  const l = c.level(person(a), person(b));
  return l < 0 ? 'missing' : c.levels[l];
};

describe('name comparison', () => {
  it('sees the same name in swapped order', () => {
    expect(levelName(nameComparison, { fullName: 'Omar Haddad' }, { fullName: 'Haddad Omar' })).toBe(
      'same name',
    );
  });
  it('sees the same skeletons across scripts and spellings', () => {
    expect(levelName(nameComparison, { fullName: 'Umar Haddad' }, { fullName: 'حداد عمر' })).toBe(
      'same skeletons',
    );
  });
  it('tolerates a typing mistake in one token, at a level below names that sound alike', () => {
    expect(levelName(nameComparison, { fullName: 'Omar Darwish' }, { fullName: 'Omar Darwisk' })).toBe(
      'every token agrees, one only by similar spelling',
    );
    // Two surnames of one root and another suffix are only similar in spelling, too.
    expect(levelName(nameComparison, { fullName: 'Olena Bondaruk' }, { fullName: 'Olena Bondarov' })).toBe(
      'every token agrees, one only by similar spelling',
    );
    // The father's name added by one mission: every token of the shorter name is there.
    expect(levelName(nameComparison, { fullName: 'Omar Khalid Darwish' }, { fullName: 'Omar Darwish' })).toBe(
      'every token agrees (sound or skeleton)',
    );
  });
  it('tells siblings apart: same family name, another given name', () => {
    expect(levelName(nameComparison, { fullName: 'Omar Haddad' }, { fullName: 'Layla Haddad' })).toBe(
      'one token agrees',
    );
  });
});

describe('date of birth comparison', () => {
  const level = (a: Partial<PersonRecord>, b: Partial<PersonRecord>) => levelName(birthDateComparison, a, b);
  it('recognises a day/month swap', () => {
    expect(level({ birthDate: '1990-03-04' }, { birthDate: '1990-04-03' })).toBe('day and month swapped');
  });
  it('puts a year-only date in the same year above two stated dates that disagree', () => {
    const partial = birthDateComparison.levels.indexOf(
      level({ birthDate: '1990' }, { birthDate: '1990-06-01' })!,
    );
    const disagree = birthDateComparison.levels.indexOf(
      level({ birthDate: '1990-02-01' }, { birthDate: '1990-06-01' })!,
    );
    expect(partial).toBeGreaterThan(disagree);
  });
  it('widens the tolerance to the stated estimate', () => {
    expect(level({ birthDate: '1990', birthDateEstimateYears: 5 }, { birthDate: '1994-01-01' })).toBe(
      'within the estimate',
    );
    expect(level({ birthDate: '1990' }, { birthDate: '1994-01-01' })).toBe('far apart');
    // Two stated years one apart, no estimate: a level of its own, below an estimate that holds.
    expect(level({ birthDate: '1990' }, { birthDate: '1991-01-01' })).toBe('a year apart');
    expect(level({ birthDate: '1990', birthDateEstimateYears: 2 }, { birthDate: '1991-01-01' })).toBe(
      'within the estimate',
    );
    // An estimated year that happens to be the year written: still an estimate, not a stated year.
    expect(level({ birthDate: '1990', birthDateEstimateYears: 2 }, { birthDate: '1990-01-01' })).toBe(
      'within the estimate',
    );
    expect(level({ birthDate: '1990' }, { birthDate: '1990-01-01' })).toBe(
      'same year (a year-only date, no estimate)',
    );
  });
  it('gives a year and month, year ± 1 and two estimates levels of their own (decision 218)', () => {
    expect(level({ birthDate: '1990-03' }, { birthDate: '1990-03-17' })).toBe(
      'same year and month (no day on a side)',
    );
    expect(level({ birthDate: '1990-03' }, { birthDate: '1990-08' })).toBe('same year, another month');
    expect(level({ birthDate: '1990-03' }, { birthDate: '1990' })).toBe(
      'same year (a year-only date, no estimate)',
    );
    expect(level({ birthDate: '1990-03-17' }, { birthDate: '1991-03-17' })).toBe('a year apart');
    // Two stated ages (± 2 each): four years apart is within both, not far apart.
    const twoAges = { birthDateEstimateYears: 2 };
    expect(level({ birthDate: '1988', ...twoAges }, { birthDate: '1992', ...twoAges })).toBe(
      'within both estimates',
    );
    expect(level({ birthDate: '1988', ...twoAges }, { birthDate: '1990', ...twoAges })).toBe(
      'within the estimate',
    );
    expect(level({ birthDate: '1988', ...twoAges }, { birthDate: '1993', ...twoAges })).toBe('far apart');
    // One estimate: its window only.
    expect(level({ birthDate: '1988', ...twoAges }, { birthDate: '1991-01-01' })).toBe('far apart');
  });
  it('treats a missing date as missing, not as a disagreement', () => {
    expect(level({}, { birthDate: '1990' })).toBe('missing');
    expect(level({ birthDate: '1990-03-04' }, {})).toBe('missing');
    expect(level({}, {})).toBe('missing');
  });
});

describe('relatives', () => {
  it('does not count the person’s own family name among the relatives', () => {
    expect(
      levelName(
        relativesComparison,
        { relativesFamilyNames: ['Haddad'] },
        { relativesFamilyNames: ['Haddad'] },
      ),
    ).toBe('missing');
    expect(
      levelName(
        relativesComparison,
        { relativesFamilyNames: ['Haddad', 'Saleh'] },
        { relativesFamilyNames: ['صالح'] },
      ),
    ).toBe('a family name shared');
  });
});

describe('place of birth and citizenships (decision 206)', () => {
  const place = (a: string, b: string) =>
    placeComparison.levels[placeComparison.level(person({ placeOfBirth: a }), person({ placeOfBirth: b }))];
  it('reads a place like a name: across scripts by its skeleton, a slip by its spelling', () => {
    expect(place('Kassala', 'كسلا')).toBe('same skeletons');
    expect(place('Kharkiv', 'Харків')).toBe('same');
    expect(place('Mansoura', 'Mansora')).toBe('same skeletons');
    expect(place('Kirkuk', 'Kirkurk')).toBe('similar spelling');
    // An exonym is another word: Aleppo is not romanised حلب (Halab), and no rule pretends it is.
    expect(place('Aleppo', 'حلب')).toBe('different');
    expect(place('Homs', 'Hama')).toBe('different');
  });
  it('agrees when two lists of citizenships share one, and says nothing when a side has none', () => {
    const cit = (a?: string | string[], b?: string | string[]) =>
      citizenshipComparison.level(
        person({ ...(a && { citizenship: a }) }),
        person({ ...(b && { citizenship: b }) }),
      );
    expect(cit(['SYR', 'TUR'], 'TUR')).toBe(1);
    expect(cit('SYR', ['IRQ', 'TUR'])).toBe(0);
    expect(cit(undefined, 'SYR')).toBe(-1);
  });
});
