import { describe, expect, it } from 'vitest';
import { FormDefinitionError } from '../form-problems.ts';
import { parseFormDefinition } from '../parse-form-definition.ts';
import { withParts, zipOf } from './hostile-xlsx.ts';
import { importXlsForm } from './import-xlsform.ts';
import { ZIP_LIMITS } from './zip-check.ts';
import { workbook } from './xlsform-test-helpers.ts';

const base = () =>
  workbook({
    survey: [
      ['type', 'name', 'label'],
      ['text', 'a', 'A'],
    ],
  });
const sheetXml = (rows: string, dimension = 'A1:C2') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="${dimension}"/><sheetData>${rows}</sheetData></worksheet>`;
const header =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>type</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c><c r="C1" t="inlineStr"><is><t>label</t></is></c></row>';
const question =
  '<row r="2"><c r="A2" t="inlineStr"><is><t>text</t></is></c><c r="B2" t="inlineStr"><is><t>a</t></is></c><c r="C2" t="inlineStr"><is><t>A</t></is></c></row>';
const only = (r: ReturnType<typeof importXlsForm>) => {
  expect(r.form).toBeNull();
  return r.problems.map((p) => p.message);
};

describe('hostile workbooks are refused before they are parsed (issue 17)', () => {
  it('a sheet whose formatting reaches row 20,000 but whose content ends on row 2 imports', () => {
    let styled = '';
    for (let r = 3; r <= 20_000; r++)
      styled += `<row r="${r}"><c r="A${r}" s="0"/><c r="Z${r}" s="0"/></row>`;
    const r = importXlsForm(
      withParts(base(), { 'xl/worksheets/sheet1.xml': sheetXml(header + question + styled, 'A1:Z20000') }),
    );
    expect(r.problems).toEqual([]);
    expect(r.form?.children.map((n) => n.name)).toEqual(['a']);
  });

  it('too many shared strings', () => {
    const n = ZIP_LIMITS.maxSharedStrings + 1;
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${n}" uniqueCount="${n}">${'<si><t/></si>'.repeat(n)}</sst>`;
    expect(only(importXlsForm(withParts(base(), { 'xl/sharedStrings.xml': sst })))).toEqual([
      `The workbook holds ${n} distinct texts; at most ${ZIP_LIMITS.maxSharedStrings} are accepted. It is refused unread`,
    ]);
  });

  it('a part that unpacks past the cap (a zip bomb)', () => {
    const big = sheetXml(header + question + ' '.repeat(ZIP_LIMITS.maxPartBytes));
    const file = withParts(base(), { 'xl/worksheets/sheet1.xml': big });
    expect(file.length).toBeLessThan(200_000);
    expect(only(importXlsForm(file))[0]).toMatch(
      /^The workbook part xl\/worksheets\/sheet1.xml unpacks to more than 40 MB/,
    );
  });

  it('a sheet with more filled cells than any form has', () => {
    // 5,000 rows × 2,000 columns hung the old reader for more than ten minutes; a fifth of it is enough here.
    const cells: string[] = [];
    for (let r = 3; (r - 3) * 2000 <= ZIP_LIMITS.maxCells; r++)
      cells.push(`<row r="${r}">${'<c><v>1</v></c>'.repeat(2000)}</row>`);
    expect(
      only(
        importXlsForm(withParts(base(), { 'xl/worksheets/sheet1.xml': sheetXml(header + cells.join('')) })),
      ),
    ).toEqual([
      `The workbook has more than ${ZIP_LIMITS.maxCells} filled cells; a form has far fewer. It is refused unread`,
    ]);
  });

  it('an .ods is told to be saved as .xlsx', () => {
    const enc = (x: string) => new TextEncoder().encode(x);
    const ods = zipOf([
      ['mimetype', enc('application/vnd.oasis.opendocument.spreadsheet')],
      ['content.xml', enc('<office:document-content/>')],
    ]);
    expect(only(importXlsForm(ods))).toEqual([
      'OpenDocument spreadsheets (.ods) are not accepted: save the form as .xlsx and upload it again',
    ]);
  });

  it('800 nested groups: an error on the row past the limit, no stack overflow', () => {
    const survey: string[][] = [['type', 'name', 'label']];
    for (let i = 0; i < 800; i++) survey.push(['begin group', `g${i}`, 'G']);
    survey.push(['text', 'deep', 'Deep']);
    for (let i = 0; i < 800; i++) survey.push(['end group']);
    const r = importXlsForm(workbook({ survey }));
    expect(r.form).toBeNull();
    expect(r.problems[0]).toMatchObject({
      severity: 'error',
      row: 34,
      message: 'Groups and repeats are nested more than 32 deep',
    });
  });

  it('a JSON definition nested 800 deep is refused by name, not by a stack overflow in zod', () => {
    let node: Record<string, unknown> = { type: 'text', name: 'deep', label: {} };
    for (let i = 0; i < 800; i++) node = { type: 'group', name: `g${i}`, label: {}, children: [node] };
    const def = { id: 'deep', version: '1', title: { en: 'D' }, defaultLanguage: 'en', children: [node] };
    expect(() => parseFormDefinition(def)).toThrow(FormDefinitionError);
    expect(() => parseFormDefinition(def)).toThrow(/nested more than 32 deep/);
  });
});
