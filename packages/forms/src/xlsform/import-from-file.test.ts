import { describe, expect, it } from 'vitest';
import { validateResponse } from '../validate-response.ts';
import { importXlsForm } from './import-xlsform.ts';
import { workbook } from './xlsform-test-helpers.ts';

const lines = (r: ReturnType<typeof importXlsForm>) =>
  r.problems.map((p) => `${p.severity} ${p.sheet}!${p.row} ${p.column ?? ''}: ${p.message}`);
const csv = (s: string) => new TextEncoder().encode(s);

const survey = [
  ['type', 'name', 'label', 'choice_filter'],
  ['select_one_from_file regions.csv', 'region', 'Region', ''],
  ['select_one_from_file districts.csv', 'district', 'District', 'region=${region}'],
  ['select_multiple_from_file districts.csv', 'visited', 'Visited', ''],
];
const regions = 'name,label,label::French (fr)\nnorth,North,Nord\nsouth,South,Sud\n';
const districts =
  '\uFEFFname,label,region\n01,Ward 01,north\n02,Ward 02,north\n10,"Ward 10, old town",south\n';

describe('select_one_from_file with the attached CSV', () => {
  const r = importXlsForm(workbook({ survey }), {
    files: new Map([
      ['regions.csv', csv(regions)],
      ['districts.csv', csv(districts)],
    ]),
  });

  it('makes each file a choice list of the form: labels per language, other columns as filter data', () => {
    expect(lines(r)).toEqual([]);
    const f = r.form!;
    expect(f.children.map((n) => [n.name, n.type, (n as { choiceList?: string }).choiceList])).toEqual([
      ['region', 'select_one', 'regions.csv'],
      ['district', 'select_one', 'districts.csv'],
      ['visited', 'select_multiple', 'districts.csv'],
    ]);
    expect(f.choiceLists!['regions.csv']).toEqual([
      { value: 'north', label: { en: 'North', fr: 'Nord' } },
      { value: 'south', label: { en: 'South', fr: 'Sud' } },
    ]);
    // Read as text: `01` is not the number 1, a quoted comma stays in the label, the BOM is gone.
    expect(f.choiceLists!['districts.csv']![0]).toEqual({
      value: '01',
      label: { en: 'Ward 01' },
      data: { region: 'north' },
    });
    expect(f.choiceLists!['districts.csv']![2]!.label).toEqual({ en: 'Ward 10, old town' });
    expect(f.languages).toEqual(['en', 'fr']);
  });

  it('filters the file choices by choice_filter and validates answers against them', () => {
    const f = r.form!;
    expect(validateResponse(f, { region: 'north', district: '02', visited: ['01', '10'] })).toEqual([]);
    // district 10 is in the south: the filter leaves it out for a northern region.
    const bad = validateResponse(f, { region: 'north', district: '10', visited: ['99'] });
    expect(bad.map((i) => `${i.field} ${i.code}`)).toEqual(['district choice', 'visited choice']);
  });

  it('says which file is missing, on the row that names it', () => {
    const missing = importXlsForm(workbook({ survey }), { files: new Map([['regions.csv', csv(regions)]]) });
    expect(missing.form).toBeNull();
    expect(lines(missing)).toEqual([
      'error survey!3 type: The choices come from districts.csv, which was not uploaded with the form. Add districts.csv beside the XLSForm',
    ]);
  });

  it('refuses a CSV without name or label, with duplicate names, not UTF-8, or empty, by file and row', () => {
    const one = (text: string | Uint8Array) =>
      lines(
        importXlsForm(workbook({ survey: survey.slice(0, 2) }), {
          files: new Map([['regions.csv', typeof text === 'string' ? csv(text) : text]]),
        }),
      );
    expect(one('key,text\na,A\n')).toEqual([
      'error regions.csv!1 : The file has no name and no label column; its first row must name the columns (name, label, …)',
    ]);
    expect(one('name,title\na,A\n')).toEqual([
      'error regions.csv!1 : The file has no label column; its first row must name the columns (name, label, …)',
    ]);
    expect(one('name,label\na,A\nb,B\na,Again\n,Nameless\nc d,Spaced\n')).toEqual([
      'error regions.csv!4 name: Choice name "a" is also on row 2; names must be unique',
      'error regions.csv!5 name: The row has no name',
      'error regions.csv!6 name: Choice name "c d" has a space; choice names are single words',
    ]);
    expect(one(new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0xff, 0xfe]))).toEqual([
      'error regions.csv!0 : The file is not UTF-8 text. Save it as "CSV UTF-8" and upload it again',
    ]);
    expect(one('name,label\n')).toEqual([
      'error regions.csv!2 : The file has no choices under its header row',
    ]);
    expect(one(`name,label\n${'x,y\n'.repeat(1)}${'a'.repeat(2 * 1024 * 1024)}`)[0]).toMatch(
      /^error regions\.csv!0 : The file is 2\.0 MB; an attached choice file may hold at most 2 MB/,
    );
  });

  it('refuses XML and GeoJSON lists plainly and warns about a file no row names', () => {
    const other = importXlsForm(
      workbook({
        survey: [
          ['type', 'name', 'label'],
          ['select_one_from_file places.geojson', 'p', 'Place'],
        ],
      }),
      {
        files: new Map([
          ['places.geojson', csv('{}')],
          ['spare.csv', csv('name,label\na,A\n')],
        ]),
      },
    );
    expect(lines(other)).toEqual([
      'error survey!2 type: Choices from places.geojson: Tern reads choices from an attached .csv file only (not XML or GeoJSON). Save the list as CSV with name and label columns',
      'warning places.geojson!0 : No select_one_from_file or select_multiple_from_file row names places.geojson; the file is not kept',
      'warning spare.csv!0 : No select_one_from_file or select_multiple_from_file row names spare.csv; the file is not kept',
    ]);
  });

  it('names the list after the file, apart from a choices-sheet list of the same name', () => {
    const both = importXlsForm(
      workbook({
        survey: [
          ['type', 'name', 'label'],
          ['select_one_from_file 2024-list.csv', 'a', 'A'],
          ['select_one x', 'b', 'B'],
        ],
        choices: [
          ['list_name', 'name', 'label'],
          ['x', 'k', 'K'],
        ],
      }),
      { files: new Map([['2024-list.csv', csv('name,label\nz,Z\n')]]) },
    );
    expect(lines(both)).toEqual([]);
    expect(Object.keys(both.form!.choiceLists!)).toEqual(['x', '_2024-list.csv']);
  });
});
