/**
 * A date, time or date-time answer as an export writes it: the stored text (what the CSV shows, so
 * nothing is lost) and the spreadsheet serial day number (what the XLSX stores, with a date format, so
 * Excel and LibreOffice sort, filter and compute on it as a real date).
 */
export interface DateCell {
  kind: 'date' | 'datetime' | 'time';
  text: string;
  serial: number;
}

/** One cell of an export sheet. */
export type Cell = string | number | null | DateCell;

export const isDateCell = (c: Cell): c is DateCell => typeof c === 'object' && c !== null;

const DAY = 86_400_000;
/** Day 0 of spreadsheet serial dates (1899-12-30, the 1900 system as Excel counts it after March 1900). */
const EPOCH = Date.UTC(1899, 11, 30);
/** Serial numbers before 1900-03-01 differ between Excel and other programs: such dates stay text. */
const FIRST = Date.UTC(1900, 2, 1);

/** The number formats of the three kinds, as the XLSX writes them. */
export const DATE_FORMATS: Record<DateCell['kind'], string> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  time: 'hh:mm:ss',
};

/**
 * A stored value as a typed cell, or the text itself when it does not read as one (an answer typed
 * before a form changed a question's type, a date before 1900): never dropped, never guessed.
 * Date-times are written in UTC (the column says so); a time keeps its own time of day.
 */
export function dateCell(kind: DateCell['kind'], value: unknown): Cell {
  if (value === undefined || value === null || value === '') return null;
  const text = String(value);
  if (kind === 'time') {
    const m = /^(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?/.exec(text);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return text;
    return { kind, text, serial: (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86_400 };
  }
  let ms: number;
  if (kind === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return text;
    ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    // 2026-02-31 would roll over into March: not a date.
    if (new Date(ms).toISOString().slice(0, 10) !== text) return text;
  } else {
    ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) ? Date.parse(text) : NaN;
    if (Number.isNaN(ms)) return text;
  }
  if (ms < FIRST) return text;
  return { kind, text, serial: (ms - EPOCH) / DAY };
}
