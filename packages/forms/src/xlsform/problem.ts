/**
 * One thing the importer could not take over as is. `row` is the 1-based spreadsheet row (1 = header,
 * 0 = the file or sheet as a whole); `column` is the header text (or the column letter).
 *
 * An `error` is a form that cannot work as written (a broken expression, an unbalanced group, a name
 * ODK refuses too): nothing is published. A `warning` is something Tern leaves out or does
 * differently while the form still collects the data it was written for (a presentation column, an
 * appearance, a metadata field it does not fill): the form is published once an admin has seen them.
 */
export type Severity = 'error' | 'warning';

export interface ImportProblem {
  severity: Severity;
  sheet: string;
  row: number;
  column?: string;
  message: string;
}

/** Collects problems; each call says its severity so no caller forgets it. */
export class Problems {
  readonly list: ImportProblem[] = [];

  error(sheet: string, row: number, message: string, column?: string): void {
    this.add('error', sheet, row, message, column);
  }

  warning(sheet: string, row: number, message: string, column?: string): void {
    this.add('warning', sheet, row, message, column);
  }

  get errors(): number {
    return this.list.filter((p) => p.severity === 'error').length;
  }

  private add(severity: Severity, sheet: string, row: number, message: string, column?: string): void {
    this.list.push(
      column === undefined ? { severity, sheet, row, message } : { severity, sheet, row, column, message },
    );
  }
}

/** `survey!12 relevant: …` — one line per problem, as the CLI prints it. */
export function formatImportProblem(p: ImportProblem): string {
  const where = p.row > 0 ? `${p.sheet}!${p.row}` : p.sheet || '(file)';
  return `${p.severity}: ${where}${p.column ? ` ${p.column}` : ''}: ${p.message}`;
}
