import { toCsv } from '@tern/demography';
import type { RunResults } from '@tern/api';
import { comparisonRows, csvRows, exportRows } from './projection-model.ts';

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules), unique. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || 'scenario';
  let n = base;
  for (let k = 2; taken.has(n.toLowerCase()); k++) n = `${base}~${k}`;
  taken.add(n.toLowerCase());
  return n;
}

/** The projection as CSV: population in the long layout with the scenario first. */
export function projectionCsv(r: RunResults, regions: readonly string[]): Blob {
  return new Blob([toCsv(csvRows(r, regions))], { type: 'text/csv;charset=utf-8' });
}

/**
 * The projection as XLSX: one sheet per scenario in the long layout (the package's export) and a
 * "comparison" sheet. SheetJS is loaded only when a workbook is asked for.
 */
export async function projectionXlsx(r: RunResults, regions: readonly string[]): Promise<Blob> {
  const XLSX = await import('@e965/xlsx');
  const wb = XLSX.utils.book_new();
  const taken = new Set<string>(['comparison']);
  for (const b of exportRows(r, regions))
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(b.rows), sheetName(b.scenario, taken));
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(comparisonRows(r, regions)), 'comparison');
  const bytes = XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
  return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
