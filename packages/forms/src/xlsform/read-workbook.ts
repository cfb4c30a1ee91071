import * as XLSX from '@e965/xlsx';
import type { ImportProblem } from './problem.ts';

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
export function readWorkbook(buffer: Uint8Array, problems: ImportProblem[]): Map<string, Sheet> | null {
  const sheets = new Map<string, Sheet>();
  if (buffer.byteLength > LIMITS.maxBytes) {
    problems.push({
      sheet: '',
      row: 0,
      message: `The file is ${buffer.byteLength} bytes; at most ${LIMITS.maxBytes} are accepted`,
    });
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
      cellDates: false,
      sheetRows: LIMITS.maxRows + 1,
    });
  } catch (e) {
    problems.push({ sheet: '', row: 0, message: `Not a readable spreadsheet: ${(e as Error).message}` });
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
      problems.push({
        sheet: name,
        row: LIMITS.maxRows + 1,
        message: `The sheet has more than ${LIMITS.maxRows} rows; the rest was not read`,
      });
    if (range.e.c + 1 > LIMITS.maxColumns) {
      problems.push({
        sheet: name,
        row: 1,
        message: `The sheet has ${range.e.c + 1} columns; only the first ${LIMITS.maxColumns} were read`,
      });
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
        const s = cell === null || cell === undefined ? '' : String(cell).trim();
        if (s.length <= LIMITS.maxCellChars) return s;
        problems.push({
          sheet: name,
          row: i + 1,
          column: XLSX.utils.encode_col(j),
          message: `Cell longer than ${LIMITS.maxCellChars} characters; cut`,
        });
        return s.slice(0, LIMITS.maxCellChars);
      }),
    );
    sheets.set(name.trim().toLowerCase(), { name, rows });
  }
  return sheets;
}
