// A synthetic region set written as the long-layout CSV files a statistical office publishes
// (population, births by the mother's age, deaths, origin–destination migration, immigration), so
// demonstrations and end-to-end tests go through the real import. Counts are whole numbers: the
// expected events of one year at the set's rates. Not real data.
import { eurostatAge, toCsv } from '../export/long-rows.ts';
import type { Row } from '../export/long-rows.ts';
import { odIndex, popIndex } from '../multiregional/state-space.ts';
import { randomRegionSet } from './random-region-set.ts';
import type { RegionSetOptions } from './random-region-set.ts';

export interface RegionSetCsv extends Record<string, string> {
  population: string;
  births: string;
  deaths: string;
  migration: string;
  immigration: string;
}

const SEX = ['F', 'M'] as const;

/** One year of a seeded region set as CSV files; `names` replace the regions' generated codes. */
export function regionSetCsv(
  o: RegionSetOptions & { names?: readonly string[]; time: string },
): RegionSetCsv {
  const set = randomRegionSet(o);
  const { space, base, rates, inflow } = set;
  const R = space.states.length;
  const name = (i: number) => o.names?.[i] ?? space.states[i]!;
  const head: Row = ['geo', 'sex', 'age', 'time', 'value', 'unit'];
  const population: Row[] = [head];
  const deaths: Row[] = [head];
  const births: Row[] = [head];
  const immigration: Row[] = [head];
  const migration: Row[] = [['geo_from', 'geo_to', 'sex', 'age', 'time', 'value']];
  for (let i = 0; i < R; i++)
    for (let a = 0; a < space.ages; a++) {
      const age = eurostatAge(space, a);
      const women = Math.round(base[popIndex(space, 0, a, i)]!);
      births.push([name(i), 'T', age, o.time, Math.round(rates.fertility[a * R + i]! * women), 'NR']);
      for (let sex = 0; sex < 2; sex++) {
        const p = popIndex(space, sex, a, i);
        const pop = Math.round(base[p]!);
        population.push([name(i), SEX[sex]!, age, o.time, pop, 'NR']);
        deaths.push([name(i), SEX[sex]!, age, o.time, Math.round(rates.mortality[p]! * pop), 'NR']);
        immigration.push([name(i), SEX[sex]!, age, o.time, Math.round(inflow.counts?.[p] ?? 0), 'NR']);
        for (let j = 0; j < R; j++)
          if (j !== i)
            migration.push([
              name(i),
              name(j),
              SEX[sex]!,
              age,
              o.time,
              Math.round(rates.migration[odIndex(space, sex, a, i, j)]! * pop),
            ]);
      }
    }
  return {
    population: toCsv(population),
    births: toCsv(births),
    deaths: toCsv(deaths),
    migration: toCsv(migration),
    immigration: toCsv(immigration),
  };
}
