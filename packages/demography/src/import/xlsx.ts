// Reading a long-layout sheet from an .xlsx with SheetJS (@e965/xlsx, the version packages/forms uses).
// The workbook is untrusted: size and row limits first, formulas never evaluated (only cached values),
// every cell read as its displayed text, so codes like "Y5-9" are never turned into dates.
import * as XLSX from '@e965/xlsx';
import { DemographyError } from '../errors.ts';
import type { TextTable } from './csv.ts';

export const XLSX_LIMITS = { maxBytes: 32 * 1024 * 1024, maxRows: 1_000_000 } as const;

const reject = (message: string): never => {
  throw new DemographyError('TERN_DEMOGRAPHY_IMPORT_REJECTED', message, {
    rejected: [{ row: 0, reason: message }],
  });
};

/** Parses an untrusted workbook once (limits first, no formulas, no dates). */
export function parseWorkbook(bytes: Uint8Array, source = 'workbook'): XLSX.WorkBook {
  if (bytes.byteLength === 0) reject(`${source} is empty`);
  if (bytes.byteLength > XLSX_LIMITS.maxBytes)
    reject(`${source} is larger than ${XLSX_LIMITS.maxBytes / 1024 / 1024} MB`);
  try {
    return XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      cellDates: false,
      sheetRows: XLSX_LIMITS.maxRows + 1,
    });
  } catch (e) {
    return reject(`${source} could not be read as a workbook (${(e as Error).message})`);
  }
}

/** One sheet of a parsed workbook as a text table (row numbers are the sheet's). */
export function sheetTable(wb: XLSX.WorkBook, name: string, source = 'workbook'): TextTable {
  const ws = wb.Sheets[name];
  if (!ws) return reject(`${source} has no sheet "${name}"`);
  const data = (ws['!data'] ?? []) as Array<Array<XLSX.CellObject | undefined> | undefined>;
  const text = (c: XLSX.CellObject | undefined) =>
    c === undefined || c.v === undefined ? '' : String(c.w ?? c.v).trim();
  const rows: Array<{ n: number; cells: string[] }> = [];
  data.forEach((r, i) => {
    const cells = (r ?? []).map(text);
    if (cells.some((c) => c !== '')) rows.push({ n: i + 1, cells });
  });
  const [head, ...rest] = rows;
  return {
    header: head?.cells ?? [],
    rows: rest.map((r) => r.cells),
    rowNumbers: rest.map((r) => r.n),
    source: `${source}, sheet ${name}`,
  };
}

/** The first sheet, or the sheet named `sheet`, as a text table (row numbers are the sheet's). */
export function readXlsxTable(bytes: Uint8Array, sheet?: string, source = 'workbook'): TextTable {
  const wb = parseWorkbook(bytes, source);
  const name = sheet ?? wb.SheetNames[0];
  if (name === undefined) return reject(`${source} has no sheets`);
  return sheetTable(wb, name, source);
}
