import * as XLSX from '@e965/xlsx';
import { DATE_FORMATS, isDateCell } from './export-cells.ts';
import type { Sheet } from './export-table.ts';

const MAX = 31;
/** Excel refuses these in a sheet name, a name that starts or ends with an apostrophe, and "History". */
const FORBIDDEN = /[[\]:*?/\\\p{Cc}]/gu;

/** Cut to at most `max` UTF-16 units without splitting a character made of two. */
function cut(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/**
 * A name Excel accepts for each sheet, in order (decision 167): the title without `[]:*?/\`, at most 31
 * characters, unique regardless of case (Excel compares names so), a later same name numbered " (2)".
 */
export function uniqueSheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    let base = raw
      .replace(FORBIDDEN, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '')
      .trim();
    if (!base || base.toLowerCase() === 'history') base = base ? `${base} 1` : 'Sheet';
    let name = cut(base, MAX);
    for (let i = 2; used.has(name.toLowerCase()); i++)
      name = `${cut(base, MAX - ` (${i})`.length).trim()} (${i})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * One workbook with a worksheet per sheet. Values are written as data, never formulas: text as text,
 * numbers as numbers, dates and times as serial numbers with a date format (real date cells).
 */
export function toXlsx(sheets: Sheet[]): Buffer {
  const wb = XLSX.utils.book_new();
  const names = uniqueSheetNames(sheets.map((s) => s.name));
  sheets.forEach((s, n) => {
    const aoa = [s.header, ...s.rows.map((r) => r.map((v) => (isDateCell(v) ? v.serial : v)))];
    // An unanswered question is an empty cell (null), not an empty string: filters show it as blank.
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    s.rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (!isDateCell(v)) return;
        const cell = ws[XLSX.utils.encode_cell({ r: i + 1, c: j })] as XLSX.CellObject;
        cell.z = DATE_FORMATS[v.kind];
      }),
    );
    XLSX.utils.book_append_sheet(wb, ws, names[n]!);
  });
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
