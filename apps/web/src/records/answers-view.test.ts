import { describe, expect, it } from 'vitest';
import { answerChanges, answerLines, sameAnswers } from './answers-view.ts';

const screening = {
  interview_date: '2026-11-20',
  con_Consent: 'yes',
  prs_FirstName: 'Amina',
  prs_Gender: 'Feminine',
  age_years: 31,
};

describe('answers as a reviewer reads them', () => {
  it('labels each answered question in the chosen language, in the form order, with choice labels, no codes', () => {
    const en = answerLines('screening@1', screening, 'en');
    expect(en.map((l) => l.name)).toEqual(['interview_date', 'con_Consent', 'prs_FirstName', 'prs_Gender']);
    const gender = en.find((l) => l.name === 'prs_Gender')!;
    expect(gender.label).toBe('Gender');
    expect(gender.text).toBe('Feminine');
    const ar = answerLines('screening@1', screening, 'ar');
    const arGender = ar.find((l) => l.name === 'prs_Gender')!;
    expect(arGender.label).not.toBe('Gender');
    expect(arGender.label).toMatch(/\p{Script=Arabic}/u);
    // Calculations (age_years) are the form's bookkeeping and are not listed as answers.
    expect(en.some((l) => l.name === 'age_years')).toBe(false);
  });

  it('shows answers a form does not know (an older version, an unknown form) by their names, not hidden', () => {
    expect(answerLines('screening@1', { ...screening, old_question: 'kept' }, 'en').at(-1)).toEqual({
      name: 'old_question',
      label: 'old_question',
      text: 'kept',
    });
    expect(answerLines('nope@9', { a: 'x', b: '' }, 'en')).toEqual([{ name: 'a', label: 'a', text: 'x' }]);
  });
});

describe('differences from the previous version', () => {
  it('lists changed, added and removed answers, labelled, with before and after in words', () => {
    const after = { ...screening, prs_Gender: 'Masculine', prs_SecondName: 'Okafor', con_Consent: undefined };
    const changes = answerChanges('screening@1', screening, after, 'en');
    expect(changes).toEqual([
      { name: 'con_Consent', label: expect.any(String), before: 'Yes', after: '' },
      { name: 'prs_SecondName', label: 'Family name', before: '', after: 'Okafor' },
      { name: 'prs_Gender', label: 'Gender', before: 'Feminine', after: 'Masculine' },
    ]);
    expect(answerChanges('screening@1', screening, { ...screening }, 'en')).toEqual([]);
  });

  it('sameAnswers: key order and empty-versus-absent do not count as a change; a value does', () => {
    expect(sameAnswers({ a: 1, b: [1, 2], c: '' }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameAnswers({ r: [{ _id: '1', x: 'a', y: 'b' }] }, { r: [{ y: 'b', x: 'a', _id: '1' }] })).toBe(
      true,
    );
    expect(sameAnswers({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameAnswers({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameAnswers({}, { a: 'x' })).toBe(false);
  });
});
