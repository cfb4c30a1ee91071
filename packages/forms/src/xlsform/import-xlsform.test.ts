import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { validateResponse } from '../validate-response.ts';
import { importXlsForm } from './import-xlsform.ts';
import { LIMITS } from './read-workbook.ts';
import { workbook } from './xlsform-test-helpers.ts';

const SURVEY_HEADER = [
  'type',
  'name',
  'label::English (en)',
  'label::Français (fr)',
  'label::العربية (ar)',
  'hint::English (en)',
  'required',
  'relevant',
  'constraint',
  'constraint_message::English (en)',
  'constraint_message::Français (fr)',
  'calculation',
  'choice_filter',
  'default',
];

const goodSurvey = [
  SURVEY_HEADER,
  ['begin group', 'person', 'Person', 'Personne', 'الشخص'],
  ['select_one yes_no', 'consent', 'Consent?', 'Consentement ?', 'موافقة؟', '', 'yes'],
  [
    'integer',
    'age',
    'Age',
    'Âge',
    'العمر',
    'In years',
    'yes',
    "${consent} = 'yes'",
    '. >= 0 and . <= 120',
    'Between 0 and 120',
    'Entre 0 et 120',
  ],
  ['calculate', 'minor', '', '', '', '', '', '', '', '', '', "if(${age} < 18, 'yes', 'no')"],
  ['select_one country', 'home', 'Home', 'Pays', 'البلد'],
  ['select_one city', 'city', 'City', 'Ville', 'المدينة', '', '', '', '', '', '', '', 'country = ${home}'],
  ['end group'],
  [],
  ['begin repeat', 'events', 'Events', 'Événements', 'الأحداث', '', '', "${consent} = 'yes'"],
  ['select_multiple event_type', 'kinds', 'Kinds', 'Types', 'الأنواع', '', 'yes'],
  [
    'date',
    'when',
    'When',
    'Quand',
    'متى',
    '',
    '',
    '',
    '. <= today()',
    'Not in the future',
    'Pas dans le futur',
  ],
  ['calculate', 'n', '', '', '', '', '', '', '', '', '', 'position(..)'],
  ['end repeat'],
  ['decimal', 'amount', 'Amount', 'Montant', 'المبلغ', '', '', '', '', '', '', '', '', '0'],
  ['note', 'bye', 'Thanks', 'Merci', 'شكرا'],
];
const goodChoices = [
  ['list_name', 'name', 'label::English (en)', 'label::Français (fr)', 'country'],
  ['yes_no', 'yes', 'Yes', 'Oui'],
  ['yes_no', 'no', 'No', 'Non'],
  ['country', 'NGA', 'Nigeria', 'Nigéria'],
  ['country', 'GHA', 'Ghana', 'Ghana'],
  ['city', 'lagos', 'Lagos', 'Lagos', 'NGA'],
  ['city', 'accra', 'Accra', 'Accra', 'GHA'],
  ['event_type', 'Recruitment', 'Recruitment', 'Recrutement'],
  ['event_type', 'Transit', 'Transit', 'Transit'],
];
const goodSettings = [
  ['form_id', 'version', 'form_title', 'default_language'],
  ['trip-form', 2024061201, 'Trip form', 'English (en)'],
];

describe('importXlsForm', () => {
  it('imports a multi-language form with groups, repeats, calculations and a choice filter', () => {
    const { form, problems } = importXlsForm(
      workbook({ survey: goodSurvey, choices: goodChoices, settings: goodSettings }),
    );
    expect(problems).toEqual([]);
    expect(form).not.toBeNull();
    expect(form).toMatchObject({
      id: 'trip-form',
      version: '2024061201',
      title: { en: 'Trip form' },
      defaultLanguage: 'en',
      languages: ['en', 'fr', 'ar'],
    });
    const person = form!.children[0]!;
    expect(person).toMatchObject({
      type: 'group',
      name: 'person',
      label: { en: 'Person', fr: 'Personne', ar: 'الشخص' },
    });
    expect(form!.children.map((n) => `${n.type}:${n.name}`)).toEqual([
      'group:person',
      'repeat:events',
      'decimal:amount',
      'note:bye',
    ]);
    expect(form!.choiceLists!.city![0]).toEqual({
      value: 'lagos',
      label: { en: 'Lagos', fr: 'Lagos' },
      data: { country: 'NGA' },
    });
    const age = person.type === 'group' ? person.children[1] : undefined;
    expect(age).toMatchObject({
      type: 'integer',
      required: true,
      hint: { en: 'In years' },
      constraintMessage: { en: 'Between 0 and 120', fr: 'Entre 0 et 120' },
    });
    expect(form!.children[2]).toMatchObject({ default: 0 });

    // The imported form works with the engine.
    const issues = validateResponse(
      form!,
      {
        consent: 'yes',
        age: 130,
        home: 'GHA',
        city: 'lagos',
        events: [{ _id: 'a', kinds: ['Transit'], when: '2999-01-01' }],
      },
      { today: '2024-06-12', language: 'fr' },
    );
    expect(issues.map((i) => `${i.field}:${i.code}:${i.message}`)).toEqual([
      'age:constraint:Entre 0 et 120',
      'city:choice:"lagos" is not one of the choices',
      'events[0].when:constraint:Pas dans le futur',
    ]);
  });

  it('accepts unlocalised label columns and underscore keywords, defaulting to English', () => {
    const { form, problems } = importXlsForm(
      workbook({
        survey: [['type', 'name', 'label'], ['begin_group', 'g', 'G'], ['text', 'a', 'A'], ['end_group']],
      }),
    );
    expect(problems).toEqual([]);
    expect(form).toMatchObject({
      id: 'imported-form',
      version: '1',
      defaultLanguage: 'en',
      children: [{ type: 'group', children: [{ name: 'a', label: { en: 'A' } }] }],
    });
  });

  it('reports every unsupported or broken row by number and reason', () => {
    const survey = [
      ['type', 'name', 'label::English (en)', 'appearance', 'required'],
      ['text', 'ok', 'OK'],
      ['geopoint', 'where', 'Where'], // row 3
      ['select_one_from_file places.csv', 'place', 'Place'], // row 4
      ['select_one yes_no or_other', 'other', 'Other'], // row 5
      ['text', '1bad', 'Bad name'], // row 6
      ['', 'orphan', 'No type'], // row 7
      ['end group'], // row 8
      ['begin repeat', 'r', 'R'], // row 9, never closed
      ['integer', 'n', 'N', 'minimal', '${ok} != ""'], // row 10
    ];
    const { form, problems } = importXlsForm(
      workbook({
        survey,
        choices: [
          ['list_name', 'name', 'label'],
          ['yes_no', 'yes', 'Yes'],
        ],
      }),
    );
    const rows = problems.map((p) => `${p.sheet}!${p.row}${p.column ? ' ' + p.column : ''}: ${p.message}`);
    expect(rows).toEqual([
      'survey!1 appearance: Column appearance is presentation only; its values are ignored',
      'survey!3 type: Question type "geopoint" is not supported; row skipped',
      'survey!4 type: select_one_from_file is not supported (choices must be in the choices sheet); row skipped',
      'survey!5 type: "select_one yes_no or_other": or_other is not supported; row skipped',
      'survey!6 name: Name "1bad" must start with a letter or _ and hold only letters, digits and _; row skipped',
      'survey!7 type: Row has no type; skipped',
      'survey!8 type: end group without a matching begin group',
      'survey!10 required: required "${ok} != """: only yes/no is supported; taken as not required',
      'survey!9 type: begin repeat "r" is never closed; closed at the end of the sheet',
    ]);
    // What remained is still a valid form.
    expect(form?.children.map((n) => n.name)).toEqual(['ok', 'r']);
  });

  it('puts expression errors and unknown references on the row and column that hold them', () => {
    const survey = [
      ['type', 'name', 'label', 'relevant', 'constraint', 'calculation'],
      ['integer', 'age', 'Age'],
      ['text', 'a', 'A', '${agee} > 3'], // row 3
      ['integer', 'b', 'B', '', '. > (1 +'], // row 4
      ['calculate', 'c', '', '', '', 'frob(${age})'], // row 5
      ['select_one nolist', 'd', 'D'], // row 6
    ];
    const { form, problems } = importXlsForm(workbook({ survey }));
    expect(form).toBeNull();
    expect(problems.map((p) => `${p.row} ${p.column}: ${p.message}`)).toEqual([
      '3 relevant: Unknown reference ${agee} (at character 1)',
      '4 constraint: Unexpected end of expression (at character 9)',
      '5 calculation: Unknown function frob() (at character 1)',
      '6 type: No choice list named nolist',
    ]);
  });

  it('reports broken choices rows and unknown languages', () => {
    const choices = [
      ['list_name', 'name', 'label::English (en)', 'label::Klingon'],
      ['yes_no', 'yes', 'Yes'],
      ['yes_no', 'yes', 'Again'], // row 3
      ['yes_no', 'has space', 'x'], // row 4
      ['', 'x', 'x'], // row 5
    ];
    const { form, problems } = importXlsForm(
      workbook({
        survey: [
          ['type', 'name', 'label'],
          ['select_one yes_no', 'q', 'Q'],
        ],
        choices,
      }),
    );
    expect(problems.map((p) => `${p.sheet}!${p.row} ${p.column}: ${p.message}`)).toEqual([
      'choices!1 label::Klingon: Unknown language "Klingon"; write it as "Klingon (xx)" with its ISO 639-1 code. Column ignored',
      'choices!3 name: Duplicate choice yes in list yes_no; row skipped',
      'choices!4 name: Choice name "has space" has a space',
      'choices!5 list_name: No list_name',
    ]);
    expect(form?.choiceLists?.yes_no).toEqual([{ value: 'yes', label: { en: 'Yes' } }]);
  });

  it('refuses what is not a workbook, a workbook without survey, and oversized files', () => {
    expect(importXlsForm(new TextEncoder().encode('\u0000\u0001 not a spreadsheet at all')).form).toBeNull();
    expect(importXlsForm(workbook({ other: [['a']] })).problems).toEqual([
      { sheet: 'survey', row: 0, message: 'No sheet named survey' },
    ]);
    const big = new Uint8Array(LIMITS.maxBytes + 1);
    expect(importXlsForm(big).problems[0]?.message).toMatch(/at most/);
  });

  it('refuses sheets longer than the row limit, naming the first row not read', () => {
    const rows: unknown[][] = [['type', 'name', 'label']];
    for (let i = 0; i < LIMITS.maxRows + 5; i++) rows.push(['text', `q${i}`, 'Q']);
    const { problems } = importXlsForm(workbook({ survey: rows }));
    expect(problems[0]).toEqual({
      sheet: 'survey',
      row: LIMITS.maxRows + 1,
      message: `The sheet has more than ${LIMITS.maxRows} rows; the rest was not read`,
    });
  });

  it('does not evaluate formulas: only the cached value is read', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['type', 'name', 'label'],
      ['text', 'a', 'A'],
    ]);
    ws['C2'] = { t: 's', v: 'cached', f: 'HYPERLINK("http://example.invalid","x")' };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'survey');
    const { form } = importXlsForm(
      new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer),
    );
    expect(form?.children[0]).toMatchObject({ label: { en: 'cached' } });
  });
});
