import * as XLSX from '@e965/xlsx';
import { NAME_PATTERN } from '../definition.ts';
import type { Choice } from '../definition.ts';
import { localized, parseHeader } from './columns.ts';
import type { Problems } from './problem.ts';
import { readRows } from './read-workbook.ts';

/** Limits for a form's attached files (decision 140): untrusted input like the workbook. */
export const FILE_LIMITS = {
  maxFiles: 20,
  maxBytes: 2 * 1024 * 1024,
  maxRows: 20_000,
} as const;

const DATA_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The choice list a `select_one_from_file` question names: the file name when it is a usable list
 * name, else one made from it. Never one of the choices sheet's lists (`taken`).
 */
export function fileListName(file: string, taken: ReadonlySet<string>): string {
  let base = file.replace(/[^\p{L}\p{N}_.-]/gu, '_');
  if (!NAME_PATTERN.test(base)) base = `_${base}`;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  return name;
}

/**
 * The choices of an attached CSV (ODK's select_one_from_file): a header row with `name` and `label`
 * (or `label::<language>`) columns, one choice per row; other columns named with letters, digits and _
 * become the choice's data for `choice_filter`, as in the choices sheet. Cells are read as text, never
 * as numbers or dates (`01` stays `01`). Problems name the file as the sheet, with its row numbers.
 */
export function readFileChoices(
  file: string,
  bytes: Uint8Array,
  defaultLang: string,
  problems: Problems,
): Choice[] | null {
  if (bytes.byteLength > FILE_LIMITS.maxBytes) {
    problems.error(
      file,
      0,
      `The file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; an attached choice file may hold at most ${FILE_LIMITS.maxBytes / 1024 / 1024} MB`,
    );
    return null;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    problems.error(file, 0, 'The file is not UTF-8 text. Save it as "CSV UTF-8" and upload it again');
    return null;
  }
  if (text.includes('\0')) {
    problems.error(file, 0, 'The file is not a CSV text file');
    return null;
  }
  let sheet: XLSX.WorkSheet | undefined;
  try {
    // `raw`: every cell is the text written; `FS`: ODK's CSV files are comma-separated.
    const wb = XLSX.read(text, { type: 'string', raw: true, dense: true, FS: ',', cellDates: false });
    sheet = wb.Sheets[wb.SheetNames[0] ?? ''];
  } catch (e) {
    problems.error(file, 0, `The file could not be read as CSV (${(e as Error).message})`);
    return null;
  }
  const data = (sheet?.['!data'] ?? []) as Array<Array<XLSX.CellObject | undefined> | undefined>;
  const errorsBefore = problems.errors;
  const [header = [], ...rows] = readRows(file, data, problems, FILE_LIMITS.maxRows);
  if (problems.errors > errorsBefore) return null;
  const cols = parseHeader(file, header, problems, 'choices');
  const missing = ['name', 'label'].filter((b) => !cols.some((c) => c.base === b));
  if (missing.length > 0) {
    problems.error(
      file,
      1,
      `The file has no ${missing.join(' and no ')} column; its first row must name the columns (name, label, …)`,
    );
    return null;
  }
  const dataCols = cols.filter(
    (c) => c.lang === null && c.base !== 'name' && c.base !== 'label' && DATA_NAME.test(c.base),
  );
  const seen = new Map<string, number>();
  const choices: Choice[] = [];
  rows.forEach((row, i) => {
    const r = i + 2;
    if (row.every((v) => v === '')) return;
    const value = row[cols.find((c) => c.base === 'name')!.index] ?? '';
    if (value === '' || /\s/.test(value)) {
      problems.error(
        file,
        r,
        value ? `Choice name "${value}" has a space; choice names are single words` : 'The row has no name',
        'name',
      );
      return;
    }
    const first = seen.get(value);
    if (first !== undefined) {
      problems.error(file, r, `Choice name "${value}" is also on row ${first}; names must be unique`, 'name');
      return;
    }
    seen.set(value, r);
    const choice: Choice = { value, label: localized(row, cols, 'label', defaultLang) ?? {} };
    const extra: Record<string, string> = {};
    for (const c of dataCols) if ((row[c.index] ?? '') !== '') extra[c.base] = row[c.index]!;
    if (Object.keys(extra).length > 0) choice.data = extra;
    choices.push(choice);
  });
  if (choices.length === 0 && problems.errors === errorsBefore)
    problems.error(file, 2, 'The file has no choices under its header row');
  return problems.errors === errorsBefore ? choices : null;
}
