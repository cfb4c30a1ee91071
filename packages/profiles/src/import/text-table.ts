// Files into text tables through @tern/demography's readers (RFC 4180 CSV, SheetJS with limits), their
// errors turned into this package's, with the line they name.
import { type TextTable, isDemographyError, parseCsv, readXlsxTable } from '@tern/demography';
import { rejectFile } from './rows.ts';

export type { TextTable };

const rethrow = (name: string, e: unknown): never => {
  if (isDemographyError(e)) {
    const rows = (e.details?.rejected as Array<{ row: number; reason: string }> | undefined) ?? [];
    return rejectFile(name, [{ line: rows[0]?.row ?? 0, reason: e.message }]);
  }
  throw e;
};

export function csvTable(text: string, name: string): TextTable {
  try {
    return parseCsv(text, name);
  } catch (e) {
    return rethrow(name, e);
  }
}

export function xlsxTable(bytes: Uint8Array, name: string, sheet?: string): TextTable {
  try {
    return readXlsxTable(bytes, sheet, name);
  } catch (e) {
    return rethrow(name, e);
  }
}

/** Header names as keys: upper case, `CODE: Label` reduced to the code, spaces to `_`. */
export const headerKey = (h: string): string =>
  h.replace(/:.*$/s, '').trim().toUpperCase().replace(/\s+/g, '_');
