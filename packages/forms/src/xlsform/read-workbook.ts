import * as XLSX from '@e965/xlsx';
import type { Problems } from './problem.ts';
import { checkXlsxZip } from './zip-check.ts';

/** Limits for an uploaded workbook, which is untrusted input. */
export const LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxRows: 5000,
  maxColumns: 200,
  maxCellChars: 10_000,
} as const;

/** A sheet as text cells; `rows[i]` is spreadsheet row `i + 1`, so row numbers in problems are exact. */
export interface Sheet {
  name: string;
  rows: string[][];
}

/**
 * Read the sheets of an .xlsx (or an older .xls) as strings. An .xlsx's parts are sized and counted
 * before SheetJS parses it (zip-check.ts). Formulas are not read (`cellFormula: false`) and never
 * evaluated: a formula cell contributes only the value cached in the file. The sheet's extent is where
 * its values are, not the range it declares: formatting applied down to row 1,048,576 is not content.
 */
export function readWorkbook(buffer: Uint8Array, problems: Problems): Map<string, Sheet> | null {
  const sheets = new Map<string, Sheet>();
  if (buffer.byteLength === 0) {
    problems.error('', 0, 'The file is empty. Upload the XLSForm as an Excel workbook (.xlsx)');
    return null;
  }
  if (buffer.byteLength > LIMITS.maxBytes) {
    problems.error(
      '',
      0,
      `The file is ${mb(buffer.byteLength)}; at most ${mb(LIMITS.maxBytes)} are accepted. A form's workbook is usually well under 1 MB: remove pictures or unused sheets`,
    );
    return null;
  }
  if (fileKind(buffer) === null) {
    problems.error(
      '',
      0,
      'The file is not an Excel workbook. Save the form as .xlsx (Excel, LibreOffice, Google Sheets: "Download as .xlsx") and upload it again',
    );
    return null;
  }
  if (fileKind(buffer) === 'zip' && !checkXlsxZip(buffer, problems)) return null;
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(buffer, {
      type: 'array',
      // Rows as arrays (`!data`): only cells that exist are visited, whatever range a sheet declares.
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      cellNF: false,
      // Date cells come as dates (UTC) and are written as ISO dates, never as Excel serial numbers.
      cellDates: true,
    });
  } catch (e) {
    problems.error(
      '',
      0,
      `The workbook could not be read (${(e as Error).message}). Open it in Excel or LibreOffice, save it as .xlsx and upload it again`,
    );
    return null;
  }
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    const data = (ws?.['!data'] ?? []) as Array<Array<XLSX.CellObject | undefined> | undefined>;
    const rows = readRows(name, data, problems);
    sheets.set(name.trim().toLowerCase(), { name, rows });
  }
  return sheets;
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** What the first bytes say: a zip (.xlsx, .ods), an OLE compound file (.xls), or neither. */
export function fileKind(b: Uint8Array): 'zip' | 'cfb' | null {
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'zip';
  const cfb = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (b.length >= 8 && cfb.every((x, i) => b[i] === x)) return 'cfb';
  return null;
}

/**
 * A cell as the text pyxform would read: booleans as TRUE/FALSE (so `${consent} = 'TRUE'` holds for
 * a default typed as a boolean cell), dates as YYYY-MM-DD, date-times as YYYY-MM-DDTHH:MM:SS, and a
 * time-only cell (Excel's day 0) as HH:MM or HH:MM:SS.
 */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return '';
    const iso = cell.toISOString();
    const date = iso.slice(0, 10);
    const time = iso.endsWith(':00.000Z') ? iso.slice(11, 16) : iso.slice(11, 19);
    if (date === '1899-12-30' || date === '1899-12-31') return time;
    return iso.slice(11, 23) === '00:00:00.000' ? date : `${date}T${iso.slice(11, 19)}`;
  }
  return String(cell).trim();
}

/** Rows up to the last one holding a value, each cut after its last value; limits as problems. */
export function readRows(
  sheet: string,
  data: ReadonlyArray<ReadonlyArray<XLSX.CellObject | undefined> | undefined>,
  problems: Problems,
  maxRows: number = LIMITS.maxRows,
): string[][] {
  const text = (c: XLSX.CellObject | undefined): string =>
    c === undefined || c.t === 'z' || c.t === 'e' ? '' : cellText(c.v);
  let last = -1;
  let widest = 0;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    for (let c = row.length - 1; c >= 0; c--)
      if (text(row[c]) !== '') {
        last = r;
        widest = Math.max(widest, c + 1);
        break;
      }
  }
  if (last + 1 > maxRows) {
    problems.error(
      sheet,
      last + 1,
      `The sheet has content on row ${last + 1}; at most ${maxRows} rows are read. Delete what is below the form (or move it to another sheet)`,
    );
    return [];
  }
  if (widest > LIMITS.maxColumns) {
    problems.error(
      sheet,
      1,
      `The sheet has content in column ${XLSX.utils.encode_col(widest - 1)}; at most ${LIMITS.maxColumns} columns are read`,
    );
    return [];
  }
  const rows: string[][] = [];
  for (let r = 0; r <= last; r++) {
    const row = data[r] ?? [];
    const out: string[] = [];
    for (let c = 0; c < Math.min(row.length, widest); c++) {
      const s = text(row[c]);
      if (s.length > LIMITS.maxCellChars) {
        problems.error(
          sheet,
          r + 1,
          `The cell holds more than ${LIMITS.maxCellChars} characters`,
          XLSX.utils.encode_col(c),
        );
        out.push(s.slice(0, LIMITS.maxCellChars));
      } else out.push(s);
    }
    rows.push(out);
  }
  return rows;
}
