// Reading several scenario results side by side: totals per state and year, the difference from the
// baseline, and the old-age dependency ratio (65+ over 15–64, with the age groups' lower bounds).
import type { ProjectionResult } from '../multiregional/project.ts';
import type { StateSpace } from '../multiregional/state-space.ts';

export interface ComparisonRow {
  scenario: string;
  year: number;
  state: string;
  total: number;
  /** total − the first (baseline) scenario's total for the same state and year. */
  difference: number;
  oldAgeDependency: number;
}

export function oldAgeDependency(space: StateSpace, pop: Float64Array, state: number): number {
  const R = space.states.length;
  let old = 0;
  let working = 0;
  for (let sex = 0; sex < 2; sex++)
    for (let a = 0; a < space.ages; a++) {
      const v = pop[(sex * space.ages + a) * R + state]!;
      const lower = a * space.width;
      if (lower >= 65) old += v;
      else if (lower >= 15) working += v;
    }
  return working > 0 ? old / working : Number.NaN;
}

/** One row per scenario, year and state; the first entry of `results` is the reference. */
export function compareScenarios(
  results: ReadonlyArray<{ name: string; result: ProjectionResult }>,
): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const ref = results[0];
  if (!ref) return rows;
  const { space } = ref.result;
  const R = space.states.length;
  const totals = (pop: Float64Array) => {
    const t = new Float64Array(R);
    for (let p = 0; p < pop.length; p++) t[p % R] = t[p % R]! + pop[p]!;
    return t;
  };
  const refTotals = ref.result.population.map(totals);
  for (const { name, result } of results)
    result.population.forEach((pop, y) => {
      const t = totals(pop);
      for (let i = 0; i < R; i++)
        rows.push({
          scenario: name,
          year: result.years[y]!,
          state: space.states[i]!,
          total: t[i]!,
          difference: t[i]! - (refTotals[y]?.[i] ?? Number.NaN),
          oldAgeDependency: oldAgeDependency(space, pop, i),
        });
    });
  return rows;
}
