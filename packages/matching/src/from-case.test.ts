import { describe, expect, it } from 'vitest';
import { personFromCase } from './from-case.ts';
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
