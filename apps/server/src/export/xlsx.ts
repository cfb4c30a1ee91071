import * as XLSX from '@e965/xlsx';
import type { Sheet } from './export-table.ts';

/** One workbook with a worksheet per sheet. Values are written as data (strings, numbers), never formulas. */
export function toXlsx(sheets: Sheet[]): Buffer {
  const wb = XLSX.utils.book_new();
  const used = new Set<string>();
  for (const s of sheets) {
    let name = s.name || 'Sheet';
    for (let i = 2; used.has(name); i++) name = `${s.name.slice(0, 28)}~${i}`;
    used.add(name);
    const ws = XLSX.utils.aoa_to_sheet([s.header, ...s.rows.map((r) => r.map((v) => (v === null ? '' : v)))]);
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
