import * as XLSX from '@e965/xlsx';
import type { Problems } from './problem.ts';

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
 * Read the sheets of an .xlsx (or .xls/.ods, whatever SheetJS reads) as strings. Formulas are not read
 * (`cellFormula: false`) and never evaluated: a formula cell contributes only the value cached in the
 * file. Oversized files, sheets and cells are refused with a problem instead of being parsed.
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
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(buffer, {
      type: 'array',
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      cellNF: false,
      // Date cells come as dates (UTC) and are written as ISO dates, never as Excel serial numbers.
      cellDates: true,
      sheetRows: LIMITS.maxRows + 1,
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
    if (!ws || !ws['!ref']) {
      sheets.set(name.trim().toLowerCase(), { name, rows: [] });
      continue;
    }
    const range = XLSX.utils.decode_range(ws['!ref']);
    const full = XLSX.utils.decode_range(ws['!fullref'] ?? ws['!ref']);
    if (full.e.r + 1 > LIMITS.maxRows)
      problems.error(
        name,
        LIMITS.maxRows + 1,
        `The sheet has more than ${LIMITS.maxRows} rows; the rest was not read`,
      );
    if (range.e.c + 1 > LIMITS.maxColumns) {
      problems.error(
        name,
        1,
        `The sheet has ${range.e.c + 1} columns; only the first ${LIMITS.maxColumns} were read`,
      );
      range.e.c = LIMITS.maxColumns - 1;
    }
    range.e.r = Math.min(range.e.r, LIMITS.maxRows - 1);
    // Start at A1 whatever the used range says, so array index + 1 is the row number on screen.
    range.s.r = 0;
    range.s.c = 0;
    const raw = XLSX.utils.sheet_to_json<unknown[]>(ws, {
      header: 1,
      raw: true,
      defval: '',
      blankrows: true,
      range,
    });
    const rows = raw.map((r, i) =>
      r.map((cell, j) => {
        const s = cellText(cell);
        if (s.length <= LIMITS.maxCellChars) return s;
        problems.error(
          name,
          i + 1,
          `The cell holds more than ${LIMITS.maxCellChars} characters`,
          XLSX.utils.encode_col(j),
        );
        return s.slice(0, LIMITS.maxCellChars);
      }),
    );
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
