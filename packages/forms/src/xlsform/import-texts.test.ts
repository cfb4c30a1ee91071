import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { compileForm } from '../compile-form.ts';
import { parseIsoDate } from '../expr/index.ts';
import { outputValues, fillText } from '../text-refs.ts';
import { validateResponse } from '../validate-response.ts';
import { importXlsForm } from './import-xlsform.ts';
import { workbook } from './xlsform-test-helpers.ts';

const warningsOf = (r: ReturnType<typeof importXlsForm>) =>
  r.problems.map((p) => `${p.severity} ${p.sheet}!${p.row} ${p.column ?? ''}`.trim());

describe('XLSForm texts and languages (issue 17: silent corruption)', () => {
  it('keeps a plain label beside label::Arabic apart instead of storing English as Arabic', () => {
    const r = importXlsForm(
      workbook({
        survey: [
          ['type', 'name', 'label', 'label::Arabic (ar)'],
          ['text', 'name', 'Your name', 'اسمك'],
        ],
        choices: [['list_name', 'name', 'label', 'label::Arabic (ar)']],
      }),
    );
    expect(r.form).not.toBeNull();
    expect(r.form!.children[0]!.label).toEqual({ default: 'Your name', ar: 'اسمك' });
    expect(r.form!.defaultLanguage).toBe('default');
    expect(r.form!.languages).toEqual(['default', 'ar']);
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: 'warning', sheet: 'survey', row: 1, column: 'label' }),
    ]);
    expect(r.problems[0]!.message).toMatch(/kept as the language "default"/);
  });

  it('reads a plain label as default_language, the named column winning where both are that language', () => {
    const r = importXlsForm(
      workbook({
        survey: [
          ['type', 'name', 'label', 'label::English (en)', 'label::Arabic (ar)'],
          ['text', 'a', 'plain', 'named', 'عربي'],
          ['text', 'b', 'only plain', '', 'عربي'],
        ],
        settings: [['default_language'], ['English (en)']],
      }),
    );
    expect(r.form!.children.map((n) => n.label)).toEqual([
      { en: 'named', ar: 'عربي' },
      { en: 'only plain', ar: 'عربي' },
    ]);
    expect(warningsOf(r)).toEqual(['warning survey!1 label']);
  });

  it('recognises any language name, native names, codes alone and the older label:English', () => {
    const names = [
      'Tigrinya',
      'ትግርኛ',
      'Amharic',
      'Oromo',
      'Tetun',
      'Chinese',
      'Swahili',
      'Dari',
      'Bengali',
      'Français',
      'pt-BR',
      'Somali (so)',
    ];
    const r = importXlsForm(
      workbook({
        survey: [
          ['type', 'name', 'label:English', ...names.map((n) => `label::${n}`), 'hint::Klingon'],
          ['text', 'a', 'A', ...names.map((_, i) => `t${i}`), 'Qapla'],
        ],
      }),
    );
    expect(r.form).not.toBeNull();
    expect(r.form!.children[0]!.label).toEqual({
      en: 'A',
      ti: 't1', // the autonym ትግርኛ and Tigrinya are one language: the later column wins, with no loss of a column
      am: 't2',
      om: 't3',
      tet: 't4',
      zh: 't5',
      sw: 't6',
      prs: 't7',
      bn: 't8',
      fr: 't9',
      'pt-br': 't10',
      so: 't11',
    });
    // An unknown name keeps its texts under that name, with a warning.
    expect((r.form!.children[0] as { hint?: unknown }).hint).toEqual({ Klingon: 'Qapla' });
    expect(warningsOf(r)).toEqual(['warning survey!1 hint::Klingon']);
  });

  it('reads Excel booleans as TRUE/FALSE and date cells as ISO dates, as pyxform does', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['type', 'name', 'label', 'default', 'relevant'],
      ['text', 'consent', 'Consent', true],
      ['date', 'when', 'When', new Date(Date.UTC(2024, 0, 15))],
      ['text', 'more', 'More', '', "${consent} = 'TRUE'"],
      ['text', 'never', 'Never', false],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'survey');
    const r = importXlsForm(
      new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer),
    );
    expect(r.problems).toEqual([]);
    const [consent, when, , never] = r.form!.children as Array<{ default?: unknown }>;
    expect(consent!.default).toBe('TRUE');
    expect(when!.default).toBe('2024-01-15');
    expect(never!.default).toBe('FALSE');
    expect(validateResponse(r.form!, { consent: 'TRUE', more: 'x' }, { today: '2024-06-01' })).toEqual([]);
    expect(parseIsoDate(String(when!.default))).not.toBeNull();
  });

  it('checks ${field} in labels and hints, and renders it with the current answer', () => {
    const bad = importXlsForm(
      workbook({
        survey: [
          ['type', 'name', 'label', 'hint'],
          ['text', 'who', 'Name'],
          ['integer', 'age', 'How old is ${who}?', 'Born in ${yeer}'],
        ],
      }),
    );
    expect(bad.form).toBeNull();
    expect(bad.problems.map((p) => `${p.severity} ${p.row} ${p.column}: ${p.message}`)).toEqual([
      'error 3 hint: Unknown reference ${yeer} in the hint (en)',
    ]);

    const ok = importXlsForm(
      workbook({
        survey: [
          ['type', 'name', 'label'],
          ['text', 'who', 'Name'],
          ['begin repeat', 'kids', 'Children of ${who}'],
          ['text', 'kid', 'Child'],
          ['note', 'n', '${kid} is a child of ${who}'],
          ['end repeat'],
        ],
      }),
    );
    expect(ok.problems).toEqual([]);
    const c = compileForm(ok.form!);
    const note = c.byName.get('n')!;
    const answers = { who: 'Ama', kids: [{ _id: 'a', kid: 'Kofi' }] };
    const frame = [answers, answers.kids[0]!];
    const values = outputValues(note.outputs, {
      today: parseIsoDate('2024-01-01')!,
      current: '',
      position: 1,
      scope: frame,
    });
    expect(fillText('${kid} is a child of ${who}', values)).toBe('Kofi is a child of Ama');
  });

  it('accepts names with hyphens, dots and accented letters (XML names) and refers to them', () => {
    const r = importXlsForm(
      workbook({
        survey: [
          ['type', 'name', 'label', 'relevant'],
          ['integer', 'hh-size', 'Household size'],
          ['text', 'q1.2', 'Question 1.2', '${hh-size} > 1'],
          ['begin group', 'ménage', 'Ménage'],
          ['select_one oui-non', 'âgé', 'Âgé ?', "${q1.2} != ''"],
          ['end group'],
        ],
        choices: [
          ['list_name', 'name', 'label'],
          ['oui-non', 'oui', 'Oui'],
          ['oui-non', 'non', 'Non'],
        ],
      }),
    );
    expect(r.problems).toEqual([]);
    expect(r.form!.children.map((n) => n.name)).toEqual(['hh-size', 'q1.2', 'ménage']);
    expect(validateResponse(r.form!, { 'hh-size': 3, 'q1.2': 'x', âgé: 'oui' })).toEqual([]);
    expect(validateResponse(r.form!, { 'hh-size': 1, 'q1.2': 'x' }).map((i) => i.code)).toEqual([
      'irrelevant_answer',
    ]);
  });

  it('keeps choices columns named like survey aliases (count, relevance, value) as choice data', () => {
    const r = importXlsForm(
      workbook({
        survey: [
          ['type', 'name', 'label', 'choice_filter'],
          ['integer', 'size', 'Size'],
          ['select_one place', 'place', 'Place', 'count <= ${size} and relevance = 1'],
        ],
        choices: [
          ['list name', 'value', 'caption', 'count', 'relevance'],
          ['place', 'small', 'Small', '1', '1'],
          ['place', 'large', 'Large', '5', '1'],
          ['place', 'hidden', 'Hidden', '1', '0'],
        ],
      }),
    );
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const list = r.form!.choiceLists!.place!;
    expect(list.map((c) => [c.value, c.label, c.data])).toEqual([
      ['small', { en: 'Small' }, { count: '1', relevance: '1' }],
      ['large', { en: 'Large' }, { count: '5', relevance: '1' }],
      ['hidden', { en: 'Hidden' }, { count: '1', relevance: '0' }],
    ]);
    expect(validateResponse(r.form!, { size: 2, place: 'small' })).toEqual([]);
    expect(validateResponse(r.form!, { size: 2, place: 'large' }).map((i) => i.code)).toEqual(['choice']);
    expect(validateResponse(r.form!, { size: 2, place: 'hidden' }).map((i) => i.code)).toEqual(['choice']);
  });
});
