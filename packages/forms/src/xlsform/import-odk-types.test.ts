import { describe, expect, it } from 'vitest';
import { evaluateForm } from '../evaluate-form.ts';
import { fillMetadata } from '../metadata.ts';
import { validateResponse } from '../validate-response.ts';
import { importXlsForm } from './import-xlsform.ts';
import { workbook } from './xlsform-test-helpers.ts';

const lines = (r: ReturnType<typeof importXlsForm>) =>
  r.problems.map((p) => `${p.severity} ${p.sheet}!${p.row} ${p.column ?? ''}: ${p.message}`);

const survey = [
  [
    'type',
    'name',
    'caption',
    'relevance',
    'bind::required',
    'appearance',
    'parameters',
    'default',
    'repeat_count',
  ],
  ['start', 'start'], // 2
  ['end', 'end'],
  ['today', 'today'],
  ['deviceid', 'deviceid'],
  ['username', 'username'],
  ['phonenumber', 'phone'], // 7: left out, warning
  ['audit', 'audit'], // 8: left out, warning
  ['time', 'at', 'At what time?', '', 'FALSE'],
  ['dateTime', 'when', 'When?', '', 'no'],
  ['geopoint', 'where', 'Where?'],
  ['geotrace', 'route', 'Route'],
  ['geoshape', 'field', 'Field'],
  ['range', 'pain', 'Pain', '', 'yes', '', 'start=0 end=10 step=2'],
  ['rank', 'priorities', 'Rank'],
  ['acknowledge', 'ok', 'I understand', '', 'TRUE'],
  ['hidden', 'source', '', '', '', '', '', 'kobo'],
  ['barcode', 'code', 'Code'], // 18: warning, asked as text
  ['select_one colors or_other', 'color', 'Color', '', '', 'minimal'],
  ['select one from yes_no', 'more', 'More?', '', '', 'quick'], // 20: quick not used
  ['select all that apply from colors', 'tints', 'Tints', "${more} = 'yes'", '', 'horizontal'],
  ['text', 'story', 'Story', '', '', 'multiline'],
  ['integer', 'n', 'How many children?'],
  ['begin repeat', 'kids', 'Children', '', '', '', '', '', '${n}'],
  ['text', 'kid', 'Name'],
  ['end repeat'],
];
const choices = [
  ['list_name', 'name', 'label'],
  ['colors', 'red', 'Red'],
  ['colors', 'blue', 'Blue'],
  ['yes_no', 'yes', 'Yes'],
  ['yes_no', 'no', 'No'],
  ['priorities', 'food', 'Food'],
  ['priorities', 'shelter', 'Shelter'],
];

describe('ODK and Kobo types and columns (issue 17)', () => {
  const r = importXlsForm(
    workbook({
      survey: survey.map((row) => (row[0] === 'rank' ? ['rank priorities', ...row.slice(1)] : row)),
      choices,
    }),
  );

  it('imports every type, with warnings only for what Tern leaves out', () => {
    expect(lines(r)).toEqual([
      'warning survey!7 type: phonenumber is not recorded by Tern (a browser cannot read it); row left out',
      'warning survey!8 type: audit is not recorded by Tern (a browser cannot read it); row left out',
      'warning survey!18 type: barcode is asked as text: the code is typed in (Tern does not scan)',
      'warning survey!20 appearance: Appearance "quick" is not used by Tern for a select_one question; it is shown the usual way',
    ]);
    const f = r.form!;
    const byName = Object.fromEntries(f.children.map((n) => [n.name, n]));
    expect(byName.start).toEqual({ type: 'metadata', name: 'start', kind: 'start' });
    expect(byName.at).toMatchObject({ type: 'time', label: { en: 'At what time?' } });
    expect(byName.at).not.toHaveProperty('required');
    expect(byName.when).toMatchObject({ type: 'datetime' });
    expect(byName.pain).toMatchObject({ type: 'range', start: 0, end: 10, step: 2, required: true });
    expect(byName.priorities).toMatchObject({ type: 'rank', choiceList: 'priorities' });
    expect(byName.ok).toMatchObject({ type: 'acknowledge', required: true });
    expect(byName.source).toMatchObject({ type: 'hidden', default: 'kobo' });
    expect(byName.code).toMatchObject({ type: 'text' });
    expect(byName.color).toMatchObject({ type: 'select_one', choiceList: 'colors', appearance: 'minimal' });
    expect(byName.color_other).toEqual({
      type: 'text',
      name: 'color_other',
      label: { en: 'Specify other.' },
      relevant: "selected(${color}, 'other')",
    });
    expect(f.choiceLists!.colors!.map((c) => c.value)).toEqual(['red', 'blue', 'other']);
    expect(byName.more).toMatchObject({ type: 'select_one', choiceList: 'yes_no' });
    expect(byName.tints).toMatchObject({ type: 'select_multiple', relevant: "${more} = 'yes'" });
    expect(byName.kids).toMatchObject({ type: 'repeat', count: '${n}' });
  });

  const filled = {
    start: '2026-12-01T09:00:00.000Z',
    end: '2026-12-01T09:20:00.000Z',
    today: '2026-12-01',
    deviceid: 'dev-1',
    username: 'interviewer',
    at: '14:30',
    when: '2026-12-01T14:30:00+01:00',
    where: '9.03 38.74 2355 4.5',
    route: '9.03 38.74 0 5;9.04 38.75 0 5',
    field: '9 38 0 0;9 38.01 0 0;9.01 38.01 0 0;9 38 0 0',
    pain: 4,
    priorities: ['shelter', 'food'],
    ok: 'OK',
    source: 'kobo',
    code: '4006381333931',
    color: 'other',
    color_other: 'teal',
    more: 'yes',
    tints: ['red'],
    story: 'line one\nline two',
    n: 2,
    kids: [
      { _id: 'a', kid: 'Ama' },
      { _id: 'b', kid: 'Kofi' },
    ],
  };

  it('validates a filled record, and says what is wrong with a bad one', () => {
    expect(validateResponse(r.form!, filled, { today: '2026-12-01' })).toEqual([]);
    const bad = {
      ...filled,
      start: 'yesterday',
      at: '25:00',
      when: '2026-02-30T10:00',
      where: '91 38',
      field: '9 38;9 38.01;9.01 38.01;9.01 38',
      pain: 5,
      priorities: ['food'],
      ok: 'yes',
      kids: [{ _id: 'a', kid: 'Ama' }],
    };
    expect(
      validateResponse(r.form!, bad, { today: '2026-12-01' }).map((i) => `${i.field}:${i.message}`),
    ).toEqual([
      'start:Expected a date and time',
      'at:Expected a time as HH:MM',
      'when:Expected a date and time as YYYY-MM-DDTHH:MM',
      'where:Expected a place as "latitude longitude [altitude accuracy]"',
      'field:A shape ends on its first point',
      'pain:Must be 0 plus a multiple of 2',
      'priorities:Rank every choice',
      'ok:Expected OK',
      'kids:Exactly 2 needed',
    ]);
  });

  it('refuses attached-file choices and loops with plain errors', () => {
    const refused = importXlsForm(
      workbook({
        survey: [
          ['type', 'name', 'label'],
          ['text', 'a', 'A'],
          ['select_one_from_file villages.csv', 'village', 'Village'],
          ['begin loop over yes_no', 'l', 'L'],
          ['end loop'],
        ],
      }),
    );
    expect(refused.form).toBeNull();
    expect(lines(refused)).toEqual([
      'error survey!4 type: "begin loop" (a group repeated over a choice list) is not supported',
      'error survey!5 type: "begin loop" (a group repeated over a choice list) is not supported',
      'error survey!3 type: The choices come from villages.csv, which was not uploaded with the form. Add villages.csv beside the XLSForm',
    ]);
  });

  it('keeps a once(uuid()) calculation once made, and recomputes now()', () => {
    const f = importXlsForm(
      workbook({
        survey: [
          ['type', 'name', 'label', 'calculation'],
          ['calculate', 'key', '', 'once(uuid())'],
          ['calculate', 'stamp', '', "format-date-time(now(), '%Y-%m-%d %H:%M')"],
          ['select_one yes_no', 'c', 'C'],
          ['calculate', 'c_label', '', "jr:choice-name(${c}, '${c}')"],
        ],
        choices: [
          ['list_name', 'name', 'label::English (en)', 'label::French (fr)'],
          ['yes_no', 'yes', 'Yes', 'Oui'],
        ],
      }),
    ).form!;
    const first = evaluateForm(f, { c: 'yes' }, { now: '2026-12-01T10:05:00.000Z', language: 'fr' }).values;
    expect(first.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.stamp).toBe('2026-12-01 10:05');
    expect(first.c_label).toBe('Oui');
    const again = evaluateForm(f, first, { now: '2026-12-01T11:00:00.000Z' }).values;
    expect(again.key).toBe(first.key);
    expect(again.stamp).toBe('2026-12-01 11:00');
    expect(again.c_label).toBe('Yes');
  });
});

describe('metadata filled by the device', () => {
  it('fills start, today, deviceid and username on opening, end on saving, and keeps them when reopened', () => {
    const form = importXlsForm(
      workbook({
        survey: [
          ['type', 'name', 'label'],
          ['start', 's'],
          ['end', 'e'],
          ['today', 't'],
          ['deviceid', 'd'],
          ['username', 'u'],
          ['text', 'a', 'A'],
        ],
      }),
    ).form!;
    const facts = {
      now: '2026-12-01T09:00:00.000Z',
      today: '2026-12-01',
      deviceid: 'dev-7',
      username: 'ama',
    };
    const opened = fillMetadata(form, { a: 'x' }, 'open', facts);
    expect(opened).toEqual({ a: 'x', s: facts.now, t: '2026-12-01', d: 'dev-7', u: 'ama' });
    const saved = fillMetadata(form, opened, 'save', { ...facts, now: '2026-12-01T09:30:00.000Z' });
    expect(saved.e).toBe('2026-12-01T09:30:00.000Z');
    const reopened = fillMetadata(form, saved, 'open', { ...facts, now: '2026-12-02T08:00:00.000Z' });
    expect(reopened.s).toBe(facts.now);
    expect(validateResponse(form, saved, { today: '2026-12-01' })).toEqual([]);
  });
});
