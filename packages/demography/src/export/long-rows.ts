// Results in the same long layout the import reads (geo, sex, age, time, value; Eurostat age codes),
// so an exported projection can be read back, charted or opened in a spreadsheet as it is. Rows are
// plain arrays: the caller writes CSV or XLSX (the server's export code, a browser download).
import type { ProjectionResult } from '../multiregional/project.ts';
import type { StateSpace } from '../multiregional/state-space.ts';

export type Row = Array<string | number>;

/** Eurostat age code of an age group: Y_LT5, Y5-9, …, Y_GE85. */
export function eurostatAge(space: StateSpace, a: number): string {
  const lo = a * space.width;
  if (a === space.ages - 1) return `Y_GE${lo}`;
  return a === 0 ? `Y_LT${space.width}` : `Y${lo}-${lo + space.width - 1}`;
}

/** Population by state, sex, age and year, header first. */
export function populationRows(result: ProjectionResult): Row[] {
  const { space } = result;
  const R = space.states.length;
  const rows: Row[] = [['geo', 'sex', 'age', 'time', 'value', 'unit']];
  result.population.forEach((pop, y) => {
    for (let i = 0; i < R; i++)
      for (let sex = 0; sex < 2; sex++)
        for (let a = 0; a < space.ages; a++)
          rows.push([
            space.states[i]!,
            sex === 0 ? 'F' : 'M',
            eurostatAge(space, a),
            result.years[y]!,
            pop[(sex * space.ages + a) * R + i]!,
            'NR',
          ]);
  });
  return rows;
}

const COMPONENTS = [
  'births',
  'deaths',
  'emigrants',
  'internalIn',
  'internalOut',
  'international',
  'agedOut',
  'residual',
] as const;

/** Components of each step by state: geo, period start, period end, component, value. */
export function componentRows(result: ProjectionResult): Row[] {
  const { space } = result;
  const rows: Row[] = [['geo', 'from', 'to', 'component', 'value']];
  result.components.forEach((c, s) => {
    for (let i = 0; i < space.states.length; i++)
      for (const name of COMPONENTS)
        rows.push([space.states[i]!, result.years[s]!, result.years[s + 1]!, name, c[name][i]!]);
  });
  return rows;
}

/** RFC 4180 CSV of rows (quotes only where needed). */
export function toCsv(rows: readonly Row[]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
