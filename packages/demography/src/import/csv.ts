// CSV as statistical offices publish it (RFC 4180: comma or semicolon separated, quoted fields with
// doubled quotes, CRLF or LF). Each data row keeps the line number it starts on in the file, so every
// import error can name the row a user sees in a text editor or spreadsheet.
import { DemographyError } from '../errors.ts';

export interface TextTable {
  header: string[];
  rows: string[][];
  /** Line (CSV) or sheet row (XLSX) number of each entry of `rows`, 1-based, header included in the count. */
  rowNumbers: number[];
  /** Where it came from, for messages ("population.csv", "sheet deaths"). */
  source: string;
}

export const MAX_CSV_BYTES = 64 * 1024 * 1024;

export function parseCsv(text: string, source = 'CSV'): TextTable {
  if (text.length > MAX_CSV_BYTES)
    throw new DemographyError(
      'TERN_DEMOGRAPHY_IMPORT_REJECTED',
      `${source} is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB`,
      {
        rejected: [{ row: 0, reason: 'file too large' }],
      },
    );
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const sep = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endCell = () => {
    cells.push(cell.trim());
    cell = '';
  };
  const endRecord = () => {
    endCell();
    if (cells.some((c) => c !== '')) records.push({ line: recordLine, cells });
    cells = [];
  };
  while (i < body.length) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === sep) endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else cell += ch;
    i++;
  }
  if (quoted)
    throw new DemographyError(
      'TERN_DEMOGRAPHY_IMPORT_REJECTED',
      `${source}: a quoted field opened on line ${recordLine} is never closed`,
      {
        rejected: [{ row: recordLine, reason: 'unclosed quote' }],
      },
    );
  if (cell !== '' || cells.length > 0) endRecord();
  const [head, ...rest] = records;
  return {
    header: head ? head.cells : [],
    rows: rest.map((r) => r.cells),
    rowNumbers: rest.map((r) => r.line),
    source,
  };
}
