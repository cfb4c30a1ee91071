import { describe, expect, it } from 'vitest';
import { isMatchingError } from './errors.ts';
import { parseBirthDate } from './person.ts';
import { prepare } from './prepare.ts';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (isMatchingError(e)) return { code: e.code, message: e.message, details: e.details };
    throw e;
  }
  throw new Error('accepted');
};

describe('bad input', () => {
  it('refuses impossible dates with the record and the field named', () => {
    const r = refusal(() => prepare({ id: 'c1', mission: 'm', fullName: 'A B', birthDate: '1990-02-30' }));
    expect(r.code).toBe('TERN_MATCHING_BAD_INPUT');
    expect(r.details).toEqual({ id: 'c1', field: 'birthDate' });
    expect(r.message).toMatch(/day 30/);
    expect(refusal(() => parseBirthDate('c1', '03/04/1990')).message).toMatch(/YYYY-MM-DD/);
    expect(refusal(() => parseBirthDate('c1', '1990', -1)).message).toMatch(/whole number/);
  });

  it('refuses a name without letters, an unknown sex and a citizenship that is not ISO alpha-3', () => {
    expect(refusal(() => prepare({ id: 'c', mission: 'm', fullName: '1234' })).details).toEqual({
      id: 'c',
      field: 'fullName',
    });
    const sex = 'F' as unknown as 'female';
    expect(refusal(() => prepare({ id: 'c', mission: 'm', fullName: 'A', sex })).message).toMatch(
      /female, male/,
    );
    expect(
      refusal(() => prepare({ id: 'c', mission: 'm', fullName: 'A', citizenship: 'sy' })).details,
    ).toEqual({
      id: 'c',
      field: 'citizenship',
    });
  });

  it('refuses relatives, places and dates that are not text (a hostile or broken caller)', () => {
    const base = { id: 'c', mission: 'm', fullName: 'Omar Haddad' };
    const notText = [42] as unknown as string[];
    expect(refusal(() => prepare({ ...base, relativesFamilyNames: notText })).details).toEqual({
      id: 'c',
      field: 'relativesFamilyNames',
    });
    const many = Array.from({ length: 21 }, () => 'Haddad');
    expect(refusal(() => prepare({ ...base, relativesFamilyNames: many })).message).toMatch(/at most 20/);
    const date = 19900403 as unknown as string;
    expect(refusal(() => prepare({ ...base, birthDate: date })).details).toEqual({
      id: 'c',
      field: 'birthDate',
    });
    expect(refusal(() => prepare({ ...base, placeOfBirth: 'x'.repeat(201) })).details).toEqual({
      id: 'c',
      field: 'placeOfBirth',
    });
  });

  it('reads year-only and year-month dates', () => {
    expect(parseBirthDate('c', '1990')).toEqual({ year: 1990, estimate: 0 });
    expect(parseBirthDate('c', '1990-07', 2)).toEqual({ year: 1990, month: 7, estimate: 2 });
  });
});
