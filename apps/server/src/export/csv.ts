import { isDateCell } from './export-cells.ts';
import type { Cell } from './export-cells.ts';
import type { Sheet } from './export-table.ts';

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (so spreadsheet programs read Arabic and Cyrillic right).
 * Cells that a spreadsheet would run as a formula (= + - @, tab, CR) are prefixed with an apostrophe:
 * CSV injection (OWASP) through a free-text answer must not run anything on the officer's machine.
 */
export function toCsv(sheet: Sheet): string {
  const cell = (c: Cell) => {
    if (c === null) return '';
    // A date keeps the text it was stored as (ISO 8601, which every spreadsheet reads as a date).
    const v = isDateCell(c) ? c.text : c;
    if (typeof v === 'number') return String(v);
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return '\uFEFF' + [sheet.header, ...sheet.rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
