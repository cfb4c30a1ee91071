import * as XLSX from '@e965/xlsx';

/** A cell as a form author types it: text, a number, an Excel boolean or an Excel date. */
export type Cell = string | number | boolean | Date | null;

/**
 * One form of the compatibility corpus: its sheets as an author writes them (built into an .xlsx by
 * `toXlsx`), where it comes from, the problems its import must give (severity, sheet, row, column —
 * exactly these, no more), and a filled record that validates on the device and on the server.
 */
export interface CorpusForm {
  name: string;
  /** Where the form's content comes from, and its licence when it follows a public form. */
  source: string;
  /** The rows of the issue 17 list this form covers. */
  covers: readonly string[];
  sheets: Record<string, Cell[][]>;
  /** The form's attached files (CSV text by file name), uploaded beside the workbook. */
  files?: Record<string, string>;
  /** `warning survey!12 appearance`: every problem of the import, in order. */
  problems: readonly string[];
  /** A record as a device would save it (null for a form that must be refused). */
  filled: Record<string, unknown> | null;
}

/** The corpus form as an .xlsx file, written by SheetJS the way Excel writes cells (booleans, dates). */
export function toXlsx(form: CorpusForm): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(form.sheets))
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** An Excel date cell (midnight UTC of that day). */
export const day = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

/** The corpus form's attached files as bytes by file name, as `importXlsForm` takes them. */
export function attachedFiles(form: CorpusForm): Map<string, Uint8Array> {
  return new Map(Object.entries(form.files ?? {}).map(([n, t]) => [n, new TextEncoder().encode(t)]));
}
