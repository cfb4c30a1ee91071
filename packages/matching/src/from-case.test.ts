import { describe, expect, it } from 'vitest';
import { STATED_AGE_ESTIMATE_YEARS, identityFromScreening, personFromCase } from './from-case.ts';
import { prepare } from './prepare.ts';

describe('a case as a person record', () => {
  it('takes the name and date of birth from the case and the rest from the screening', () => {
    const p = personFromCase(
      'case:01J0000000000000000000000A',
      { mission: 'tunis', pii: { fullName: 'عمر حداد', birthDate: '1990-04-03', otherNames: 'Abu Khalid' } },
      { sex: 'male', citizenship: 'SYR' },
    );
    expect(p).toEqual({
      id: 'case:01J0000000000000000000000A',
      mission: 'tunis',
      fullName: 'عمر حداد',
      birthDate: '1990-04-03',
      sex: 'male',
      citizenship: 'SYR',
    });
  });

  it('treats an empty date as no date, and a malformed one as bad input naming the case', () => {
    expect(
      personFromCase('c1', { mission: 'm', pii: { fullName: 'A B', birthDate: '' } }).birthDate,
    ).toBeUndefined();
    const bad = personFromCase('c2', { mission: 'm', pii: { fullName: 'A B', birthDate: '04/03/90' } });
    expect(() => prepare(bad)).toThrow(/Person "c2": birthDate is "04\/03\/90"/);
  });
});

describe("the Screening Interview's identity fields (decision 205)", () => {
  const answers = {
    interview_date: '2026-11-20',
    prs_Gender: 'Feminine',
    prs_Birthdate: '1994-02-11',
    prs_Citizenship: ['SYR', 'TUR', 'SYR'],
    place_of_birth: '  حلب ',
    parents_family_names: 'حداد، Khatib; ',
  };

  it('reads sex, every citizenship, the place and each parent family name', () => {
    expect(identityFromScreening(answers)).toEqual({
      sex: 'female',
      citizenship: ['SYR', 'TUR'],
      placeOfBirth: 'حلب',
      relativesFamilyNames: ['حداد', 'Khatib'],
      birthDate: '1994-02-11',
    });
  });

  it('turns a stated age into a year of birth that is an estimate', () => {
    const { prs_Birthdate: _d, ...noDate } = answers;
    const id = identityFromScreening({ ...noDate, age_stated: 31 });
    expect(id.birthDate).toBe('1995');
    expect(id.birthDateEstimateYears).toBe(STATED_AGE_ESTIMATE_YEARS);
    expect(
      identityFromScreening({ ...noDate, age_stated: 31, interview_date: '' }).birthDate,
    ).toBeUndefined();
  });

  it('leaves out gender codes that another mission may record otherwise, and unknown', () => {
    for (const g of ['TransgenderFeminine', 'TransgenderMasculine', 'NonConforming', 'NonSpecifiedUnknown'])
      expect(identityFromScreening({ prs_Gender: g }).sex).toBeUndefined();
    expect(identityFromScreening({ prs_Gender: 'Masculine' }).sex).toBe('male');
  });

  it('leaves out hostile or malformed values instead of guessing, and never throws', () => {
    const id = identityFromScreening({
      prs_Gender: { $ne: 1 },
      prs_Citizenship: ['syr', 7, 'SYRIA', null],
      prs_Birthdate: '1994-02-30',
      age_stated: 400,
      interview_date: '2026-11-20',
      place_of_birth: '1234',
      parents_family_names: 'x'.repeat(301),
    });
    expect(id).toEqual({});
    expect(
      identityFromScreening({ prs_Birthdate: '1994-02-30', age_stated: 30, interview_date: '2026-01-01' }),
    ).toEqual({ birthDate: '1996', birthDateEstimateYears: STATED_AGE_ESTIMATE_YEARS });
  });

  it("uses the screening's date only when the case has none, and the record passes the checks", () => {
    const id = identityFromScreening(answers);
    const withOwn = personFromCase(
      'c',
      { mission: 'm', pii: { fullName: 'Amina Haddad', birthDate: '1994' } },
      id,
    );
    expect(withOwn.birthDate).toBe('1994');
    const without = personFromCase('c', { mission: 'm', pii: { fullName: 'Amina Haddad' } }, id);
    expect(without.birthDate).toBe('1994-02-11');
    const p = prepare(without);
    expect([...p.citizenships]).toEqual(['SYR', 'TUR']);
  });
});
