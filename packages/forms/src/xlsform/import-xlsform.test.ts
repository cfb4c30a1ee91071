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

  it('reports every unsupported or broken row by number, reason and severity', () => {
    const survey = [
      ['type', 'name', 'label::English (en)', 'guidance_hint', 'required'],
      ['text', 'ok', 'OK'],
      ['frobnicate', 'where', 'Where'], // row 3
      ['select_one_from_file places.csv', 'place', 'Place'], // row 4
      ['text', '1bad', 'Bad name'], // row 5
      ['', 'orphan', 'No type'], // row 6
      ['end group'], // row 7
      ['begin repeat', 'r', 'R'], // row 8, never closed
      ['integer', 'n', 'N', 'Ask slowly', '${ok} != ""'], // row 9
    ];
    const { form, problems } = importXlsForm(
      workbook({
        survey,
        choices: [
          ['list_name', 'name', 'label::English (en)'],
          ['yes_no', 'yes', 'Yes'],
        ],
      }),
    );
    const rows = problems.map(
      (p) => `${p.severity} ${p.sheet}!${p.row}${p.column ? ' ' + p.column : ''}: ${p.message}`,
    );
    expect(rows).toEqual([
      'warning survey!1 guidance_hint: Column guidance_hint is not shown by Tern; its values are ignored',
      'error survey!3 type: Question type "frobnicate" is not an XLSForm type Tern knows',
      'error survey!5 name: Name "1bad" must start with a letter or _ and hold only letters, digits, _, - and . (no spaces)',
      'error survey!6 type: Row with name "orphan" has no type',
      'error survey!7 type: end group without a matching begin group',
      'warning survey!9 required: required "${ok} != """: only yes or no is supported; taken as no',
      'error survey!8 type: begin repeat "r" has no end repeat',
      'error survey!4 type: The choices come from places.csv, which was not uploaded with the form. Add places.csv beside the XLSForm',
    ]);
    // Any error: no form.
    expect(form).toBeNull();
  });

  it('says in plain words which column of which row is too long for the form', () => {
    const r = importXlsForm(
      workbook({
        survey: [
          ['type', 'name', 'label', 'constraint'],
          ['integer', 'n', 'N', `. = ${'1 + '.repeat(1_200)}1`],
        ],
      }),
    );
    expect(r.form).toBeNull();
    expect(r.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        sheet: 'survey',
        row: 2,
        message: 'The form cannot be built here: the constraint is longer than 4000 characters',
      }),
    ]);
  });

  it('gives the form with its warnings when nothing is an error', () => {
    const { form, problems } = importXlsForm(
      workbook({
        survey: [
          ['type', 'name', 'label', 'guidance_hint'],
          ['text', 'a', 'A', 'Ask slowly'],
          ['integer', 'n', 'N'],
        ],
        settings: [
          ['form_id', 'version'],
          ['HTCDS Screening', '1 (2021-03-04 10:00:00)'],
        ],
      }),
    );
    expect(problems.map((p) => `${p.severity} ${p.sheet}!${p.row} ${p.column}`)).toEqual([
      'warning settings!2 form_id',
      'warning settings!2 version',
      'warning survey!1 guidance_hint',
    ]);
    expect(form).toMatchObject({ id: 'htcds-screening', version: '1_(2021-03-04_10:00:00)' });
    expect(form!.children).toHaveLength(2);
  });

  it('refuses the form when a begin group row is refused, instead of moving its questions', () => {
    const { form, problems } = importXlsForm(
      workbook({
        survey: [
          ['type', 'name', 'label'],
          ['begin group', '', 'Household'],
          ['text', 'a', 'A'],
          ['end group'],
          ['text', 'b', 'B'],
        ],
      }),
    );
    expect(form).toBeNull();
    expect(problems[0]).toMatchObject({ severity: 'error', row: 2, column: 'name' });
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
    expect(problems.map((p) => `${p.severity} ${p.sheet}!${p.row} ${p.column}`)).toEqual([
      // The survey's plain label beside the choices' named languages: kept as "default".
      'warning survey!1 label',
      'warning choices!1 label::Klingon',
      'error choices!3 name',
      'error choices!4 name',
      'error choices!5 list_name',
    ]);
    expect(problems[2]!.message).toBe('Choice yes appears twice in list yes_no');
    expect(form).toBeNull();
  });

  it('says in plain words that a file is empty, not a workbook, has no survey sheet, or is too big', () => {
    const only = (b: Uint8Array) => {
      const r = importXlsForm(b);
      expect(r.form).toBeNull();
      expect(r.problems).toHaveLength(1);
      return r.problems[0]!;
    };
    expect(only(new Uint8Array(0)).message).toMatch(/^The file is empty/);
    expect(only(new TextEncoder().encode('type,name,label\ntext,a,A\n')).message).toMatch(
      /^The file is not an Excel workbook. Save the form as .xlsx/,
    );
    expect(only(new TextEncoder().encode('\u0000\u0001 not a spreadsheet at all')).message).toMatch(
      /^The file is not an Excel workbook/,
    );
    expect(only(workbook({ Sheet1: [['a']], Notes: [['b']] }))).toEqual({
      severity: 'error',
      sheet: 'survey',
      row: 0,
      message:
        'The workbook has no sheet named "survey" (its sheets: Sheet1, Notes). An XLSForm keeps its questions on a sheet called survey',
    });
    expect(only(workbook({ survey: [['type', 'name', 'label']] })).message).toBe(
      'The survey sheet has no questions',
    );
    expect(only(new Uint8Array(LIMITS.maxBytes + 1)).message).toMatch(/at most 5.0 MB/);
  });

  it('refuses sheets with content below the row limit, naming the row', () => {
    const rows: unknown[][] = [['type', 'name', 'label']];
    for (let i = 0; i < LIMITS.maxRows + 5; i++) rows.push(['text', `q${i}`, 'Q']);
    const { problems } = importXlsForm(workbook({ survey: rows }));
    expect(problems[0]).toEqual({
      severity: 'error',
      sheet: 'survey',
      row: LIMITS.maxRows + 6,
      message: `The sheet has content on row ${LIMITS.maxRows + 6}; at most ${LIMITS.maxRows} rows are read. Delete what is below the form (or move it to another sheet)`,
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
