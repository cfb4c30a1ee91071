import { describe, expect, it } from 'vitest';
import { choiceFor, currentAnswers } from './choice-aliases.ts';
import { compileForm } from './compile-form.ts';
import { quickScreening } from './builtin/index.ts';
import { screening } from './builtin/case-forms.ts';
import { validateResponse } from './validate-response.ts';
import type { FormDefinition } from './definition.ts';

const genderOf = (form: FormDefinition) => form.choiceLists!.gender!;

describe('one HTCDS gender list for quick screening and the Screening (issue 16)', () => {
  it('both forms offer the same codes, those of HTCDS prs_Gender', () => {
    const codes = (f: FormDefinition) => genderOf(f).map((c) => c.value);
    expect(codes(quickScreening)).toEqual(codes(screening));
    expect(codes(screening)).toEqual([
      'Feminine',
      'Masculine',
      'TransgenderFeminine',
      'TransgenderMasculine',
      'NonConforming',
      'NonSpecifiedUnknown',
    ]);
  });

  it('old quick-screening codes read as the HTCDS code the Screening stores (one category in counts)', () => {
    const compiled = compileForm(quickScreening);
    // What the research rows and exports accept: the Screening's list, never a copy.
    const htcds = new Set(genderOf(screening).map((c) => c.value));
    const pairs = [
      ['woman', 'Feminine'],
      ['man', 'Masculine'],
      ['trans_nonbinary', 'NonConforming'],
      ['unknown', 'NonSpecifiedUnknown'],
    ] as const;
    for (const [old, now] of pairs) {
      expect(currentAnswers(compiled, { gender: old }).gender).toBe(now);
      expect(currentAnswers(compiled, { gender: now }).gender).toBe(now);
      expect(htcds.has(now)).toBe(true);
      expect(choiceFor(genderOf(quickScreening), old)?.label.en).toBe(
        choiceFor(genderOf(screening), now)?.label.en,
      );
    }
  });

  it('a stored record with an old code still validates; an unknown code does not', () => {
    const base = { full_name: 'A', interview_date: '2026-01-02' };
    expect(validateResponse(quickScreening, { ...base, gender: 'woman' })).toEqual([]);
    expect(validateResponse(quickScreening, { ...base, gender: 'Feminine' })).toEqual([]);
    expect(validateResponse(quickScreening, { ...base, gender: 'female' }).map((i) => i.code)).toEqual([
      'choice',
    ]);
  });
});

describe('currentAnswers', () => {
  const form: FormDefinition = {
    id: 'f',
    version: '1',
    title: { en: 'F' },
    defaultLanguage: 'en',
    choiceLists: {
      c: [
        { value: 'new', label: { en: 'New' }, aliases: ['old'] },
        { value: 'b', label: { en: 'B' } },
      ],
    },
    children: [
      { type: 'select_one', name: 'one', label: { en: 'One' }, choiceList: 'c' },
      { type: 'select_multiple', name: 'many', label: { en: 'Many' }, choiceList: 'c' },
      {
        type: 'repeat',
        name: 'items',
        label: { en: 'Items' },
        children: [{ type: 'select_one', name: 'inner', label: { en: 'Inner' }, choiceList: 'c' }],
      },
    ],
  };
  const compiled = compileForm(form);

  it('rewrites old codes in selects, multiple selects and repeats, and keeps other answers', () => {
    const answers = { one: 'old', many: ['b', 'old'], items: [{ _id: 'x', inner: 'old' }], note: 'old' };
    expect(currentAnswers(compiled, answers)).toEqual({
      one: 'new',
      many: ['b', 'new'],
      items: [{ _id: 'x', inner: 'new' }],
      note: 'old',
    });
    expect(answers.one).toBe('old'); // the stored record is not mutated
  });

  it('returns the same object when nothing is old, and leaves unknown codes for validation to report', () => {
    const answers = { one: 'new', many: ['b'], items: [{ _id: 'x', inner: 'zzz' }] };
    expect(currentAnswers(compiled, answers)).toBe(answers);
  });
});
