import { ageLabel, compareScenarios, populationRows, totalsByState } from '@tern/demography';
import type { ComparisonRow, ProjectionResult, Row, StateSpace } from '@tern/demography';
import type { RunResults } from '@tern/api';

/**
 * What the workspace shows and exports, computed from a run's results (fresh from the worker or
 * reopened from the server) with @tern/demography's own functions, so the screen, the files and the
 * package agree to the last digit.
 */
export const spaceOf = (r: RunResults): StateSpace => ({ states: r.states, ages: r.ages, width: r.width });

/** Each scenario's population as the package's result (components are not stored with a run). */
export function asResults(r: RunResults): Array<{ name: string; result: ProjectionResult }> {
  const space = spaceOf(r);
  return r.scenarios.map((s) => ({
    name: s.name,
    result: {
      space,
      years: r.years,
      population: s.population.map((p) => Float64Array.from(p)),
      components: [],
    },
  }));
}

export interface PyramidRow {
  age: string;
  women: number;
  men: number;
}

/** Women and men by age group (youngest first) in one region, year and scenario. */
export function pyramid(r: RunResults, scenario: number, region: string, year: number): PyramidRow[] {
  const space = spaceOf(r);
  const i = r.states.indexOf(region);
  const pop = r.scenarios[scenario]?.population[year];
  if (i < 0 || !pop) return [];
  const R = r.states.length;
  return Array.from({ length: r.ages }, (_, a) => ({
    age: ageLabel(space, a),
    women: pop[a * R + i]!,
    men: pop[(r.ages + a) * R + i]!,
  }));
}

/** Total population of each chosen region at each year of one scenario. */
export function totalsOverTime(
  r: RunResults,
  scenario: number,
  regions: readonly string[],
): Record<string, number[]> {
  const space = spaceOf(r);
  const out: Record<string, number[]> = {};
  for (const g of regions) out[g] = [];
  for (const p of r.scenarios[scenario]?.population ?? []) {
    const t = totalsByState(space, Float64Array.from(p));
    for (const g of regions) out[g]!.push(t[r.states.indexOf(g)]!);
  }
  return out;
}

/** The package's comparison (total, difference from the baseline, old-age dependency) for the chosen regions. */
export function comparison(r: RunResults, regions: readonly string[]): ComparisonRow[] {
  const keep = new Set(regions);
  return compareScenarios(asResults(r)).filter((row) => keep.has(row.state));
}

/** Population in the long layout (the package's export) for the chosen regions, one block per scenario. */
export function exportRows(
  r: RunResults,
  regions: readonly string[],
): Array<{ scenario: string; rows: Row[] }> {
  const keep = new Set(regions);
  return asResults(r).map(({ name, result }) => {
    const [head, ...rows] = populationRows(result);
    return { scenario: name, rows: [head!, ...rows.filter((row) => keep.has(String(row[0])))] };
  });
}

/** One table for a CSV file: the scenario as the first column. */
export function csvRows(r: RunResults, regions: readonly string[]): Row[] {
  const blocks = exportRows(r, regions);
  const head = blocks[0]?.rows[0] ?? [];
  return [
    ['scenario', ...head],
    ...blocks.flatMap((b) => b.rows.slice(1).map((row) => [b.scenario, ...row])),
  ];
}

/** The comparison table as rows (for the files). */
export function comparisonRows(r: RunResults, regions: readonly string[]): Row[] {
  return [
    ['scenario', 'geo', 'time', 'total', 'difference', 'old_age_dependency'],
    ...comparison(r, regions).map((c) => [
      c.scenario,
      c.state,
      c.year,
      c.total,
      c.difference,
      c.oldAgeDependency,
    ]),
  ];
}
