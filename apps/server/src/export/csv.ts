import type { Sheet } from './export-table.ts';

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (so spreadsheet programs read Arabic and Cyrillic right).
 * Cells that a spreadsheet would run as a formula (= + - @, tab, CR) are prefixed with an apostrophe:
 * CSV injection (OWASP) through a free-text answer must not run anything on the officer's machine.
 */
export function toCsv(sheet: Sheet): string {
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    if (typeof v === 'number') return String(v);
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return '\uFEFF' + [sheet.header, ...sheet.rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
