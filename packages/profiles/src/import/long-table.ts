// The long layout Tern exports and reads back (CSV or XLSX): one row per value with the columns
// indicator, country, year, value, unit, source, definition, reliability, note (indicator_name is
// written for readers and ignored on the way in). Unknown columns are refused, like SDMX-CSV's.
import type { ProfileBody } from '../document/schema.ts';
import { type CandidateRow, type ImportOptions, type Rejection, applyRows, rejectFile } from './rows.ts';
import { type TextTable, csvTable, headerKey, xlsxTable } from './text-table.ts';

export const LONG_COLUMNS = [
  'indicator',
  'indicator_name',
  'country',
  'year',
  'value',
  'unit',
  'source',
  'definition',
  'reliability',
  'note',
] as const;
const REQUIRED = ['indicator', 'country', 'year', 'value', 'source'] as const;

export function longRows(table: TextTable): { rows: CandidateRow[]; rejected: Rejection[] } {
  const keys = table.header.map((h) => headerKey(h).toLowerCase());
  const rejected: Rejection[] = [];
  keys.forEach((k, i) => {
    if (!(LONG_COLUMNS as readonly string[]).includes(k))
      rejected.push({ line: 1, column: table.header[i]!, reason: `unknown column "${table.header[i]}"` });
  });
  for (const k of REQUIRED)
    if (!keys.includes(k)) rejected.push({ line: 1, column: k, reason: `no "${k}" column` });
  if (rejected.length) return { rows: [], rejected };
  const at = (row: string[], k: string) => (keys.includes(k) ? (row[keys.indexOf(k)] ?? '') : '');
  const rows = table.rows.map((row, i) => ({
    line: table.rowNumbers[i]!,
    indicator: at(row, 'indicator'),
    country: at(row, 'country'),
    year: at(row, 'year'),
    value: at(row, 'value'),
    unit: at(row, 'unit'),
    unitMult: '',
    source: at(row, 'source'),
    definition: at(row, 'definition'),
    reliability: at(row, 'reliability'),
    note: at(row, 'note'),
  }));
  return { rows, rejected };
}

function importTable<P extends ProfileBody>(profile: P, table: TextTable, opts: ImportOptions, name: string) {
  const parsed = longRows(table);
  if (parsed.rejected.length) return rejectFile(name, parsed.rejected);
  return applyRows(profile, parsed.rows, { ...opts, name });
}

/** A long-layout CSV into the profile, whole or not at all. */
export const importCsv = <P extends ProfileBody>(profile: P, text: string, opts: ImportOptions = {}) =>
  importTable(profile, csvTable(text, opts.name ?? 'CSV'), opts, opts.name ?? 'CSV');

/** A long-layout workbook (first sheet, or `sheet`) into the profile, whole or not at all. */
export const importXlsx = <P extends ProfileBody>(
  profile: P,
  bytes: Uint8Array,
  opts: ImportOptions & { sheet?: string } = {},
) =>
  importTable(profile, xlsxTable(bytes, opts.name ?? 'workbook', opts.sheet), opts, opts.name ?? 'workbook');
