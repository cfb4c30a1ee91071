// All figures of a profile with their sources, as CSV or XLSX in the long layout that the import reads
// back (import/long-table.ts): export → import gives the same values.
import * as XLSX from '@e965/xlsx';
import { indicatorById } from '@tern/demography';
import type { ProfileBody } from '../document/schema.ts';
import { LONG_COLUMNS } from '../import/long-table.ts';

/** Header then one row per value, by indicator, year, source. */
export function figuresTable(doc: Pick<ProfileBody, 'country' | 'values'>): Array<Array<string | number>> {
  const values = [...doc.values].sort(
    (a, b) => a.indicator.localeCompare(b.indicator) || a.year - b.year || a.source.localeCompare(b.source),
  );
  return [
    [...LONG_COLUMNS],
    ...values.map((v) => [
      v.indicator,
      indicatorById(v.indicator)?.name ?? v.indicator,
      doc.country,
      v.year,
      v.value,
      v.unit,
      v.source,
      v.definition,
      v.reliability,
      v.note ?? '',
    ]),
  ];
}

const csvCell = (c: string | number) => {
  const s = String(c);
  return /[",\r\n;]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180 CSV, CRLF line ends, UTF-8 with a byte-order mark so spreadsheets read accents. */
export const figuresCsv = (doc: Pick<ProfileBody, 'country' | 'values'>): string =>
  '\uFEFF' +
  figuresTable(doc)
    .map((r) => r.map(csvCell).join(','))
    .join('\r\n') +
  '\r\n';

/** An .xlsx workbook: sheet "figures" (the long layout, numbers as numbers). */
export function figuresXlsx(doc: Pick<ProfileBody, 'country' | 'values'>): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(figuresTable(doc)), 'figures');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
