import { describe, expect, it } from 'vitest';
import { parseCsv } from '../import/csv.ts';
import { importDataset } from '../import/dataset.ts';
import { projectMultiregional } from '../multiregional/project.ts';
import { popIndex } from '../multiregional/state-space.ts';
import { randomRegionSet } from '../testing/random-region-set.ts';
import { componentRows, populationRows, toCsv } from './long-rows.ts';

describe('export in the long layout', () => {
  const set = randomRegionSet({ regions: 3, ages: 18, seed: 4 });
  const result = projectMultiregional({ ...set, startYear: 2025, steps: 2 });

  it('reads back through the import: every value of a projected year, by region, sex and age', () => {
    const rows = populationRows(result);
    expect(rows).toHaveLength(1 + 3 * 3 * 2 * 18);
    const back = importDataset('population', parseCsv(toCsv(rows)), { time: '2035' });
    expect(back.geos).toEqual(set.space.states);
    expect(back.ages.at(-1)).toEqual({ lower: 85, upper: null });
    const pop = result.population[2]!;
    expect(back.values.get('R001|M|25-29')).toBe(pop[popIndex(set.space, 1, 5, 1)]);
    expect(back.values.get('R002|F|85+')).toBe(pop[popIndex(set.space, 0, 17, 2)]);
  });

  it('lists the components of every step by region', () => {
    const rows = componentRows(result);
    expect(rows[0]).toEqual(['geo', 'from', 'to', 'component', 'value']);
    const births = rows.find((r) => r[0] === 'R000' && r[1] === 2030 && r[3] === 'births')!;
    expect(births[2]).toBe(2035);
    expect(births[4]).toBe(result.components[1]!.births[0]);
  });

  it('quotes cells that need it', () => {
    expect(toCsv([['a,b', 'say "x"', 3]])).toBe('"a,b","say ""x""",3\r\n');
  });
});
