// From imported datasets to one observed period on the projection's state space. The population
// fixes the states (its regions) and the age groups (width n, the last open); every other dataset is
// checked against them: a region missing anywhere, age groups that do not fit, rates where counts are
// needed. Rates (fertility, mortality) become the counts they imply (rate × population × years), so
// the multiregional rates are estimated the same way from either.
import { DemographyError } from '../errors.ts';
import type { ObservedPeriod } from '../multiregional/rates.ts';
import { type StateSpace, odIndex, odSize, popIndex, popSize } from '../multiregional/state-space.ts';
import { type AgeGroup, ageText } from './age-codes.ts';
import type { Dataset, Rejection } from './dataset.ts';

export interface ObservedDatasets {
  population: Dataset;
  births?: Dataset;
  fertility?: Dataset;
  deaths?: Dataset;
  mortality?: Dataset;
  migration: Dataset;
  emigration?: Dataset;
  immigration?: Dataset;
}

export interface AssembleOptions {
  /** Length of the period the events cover, in years (1 for annual data). */
  years: number;
  /** Order of the states (default: the population's regions, sorted). */
  states?: readonly string[];
}

const SEX_INDEX: Record<string, number> = { F: 0, M: 1 };

export function assembleObserved(d: ObservedDatasets, o: AssembleOptions): ObservedPeriod {
  const problems: Rejection[] = [];
  const add = (source: string, reason: string) => {
    const text = `${source}: ${reason}`;
    if (!problems.some((p) => p.reason === text)) problems.push({ row: 0, reason: text });
  };
  const fail = () => {
    throw new DemographyError(
      'TERN_DEMOGRAPHY_IMPORT_REJECTED',
      `the datasets do not fit together: ${problems
        .slice(0, 3)
        .map((p) => p.reason)
        .join('; ')}`,
      {
        rejected: problems,
      },
    );
  };
  if (!d.births === !d.fertility)
    add('births', 'give either births (counts) or fertility (rates), exactly one');
  if (!d.deaths === !d.mortality)
    add('deaths', 'give either deaths (counts) or mortality (rates), exactly one');
  const ages = d.population.ages;
  const width = ages[0]?.upper ?? 0;
  const ok =
    ages.length >= 2 &&
    ages.every(
      (g, a) =>
        g.lower === a * width && (a === ages.length - 1 ? g.upper === null : g.upper === (a + 1) * width),
    );
  if (!ok)
    add(
      d.population.source,
      `population age groups must be of one width with an open last group (0-4, 5-9, …, 85+), got ${ages.map(ageText).join(', ')}`,
    );
  if (problems.length) fail();
  const states = o.states ?? d.population.geos;
  const unknownStates = d.population.geos.filter((g) => !states.includes(g));
  if (unknownStates.length)
    add(d.population.source, `regions not in the chosen set: ${unknownStates.join(', ')}`);
  const space: StateSpace = { states, ages: ages.length, width };
  const R = states.length;
  const stateIndex = new Map(states.map((s, i) => [s, i]));
  // Which projection group a data group goes into (null: it does not fit).
  const target = (g: AgeGroup, fold: boolean): number | null => {
    const a = Math.floor(g.lower / width);
    const last = ages.length - 1;
    if (g.upper === null) return a >= last ? last : fold ? Math.max(0, a - 1) : null;
    if (a >= last) return last;
    if (g.upper <= (a + 1) * width) return a;
    // UN convention for births: under 15 goes into 15–19 (the group its upper bound starts); an open
    // group beyond the population's groups (50+ when the population ends at 45+) into the one before.
    return fold && g.lower === 0 ? Math.min(last, Math.floor(g.upper / width)) : null;
  };
  const fill = (
    ds: Dataset,
    out: Float64Array,
    opts: { fold?: boolean; perPerson?: Float64Array; years?: number },
  ) => {
    const seen = new Set<string>();
    for (const [key, v] of ds.values) {
      const parts = key.split('|');
      const [geo, sex, age] = [parts[0]!, parts[1]!, parts[2]!];
      const i = stateIndex.get(geo);
      if (i === undefined) {
        add(ds.source, `region ${geo} is not in the population`);
        continue;
      }
      seen.add(geo);
      const g = ds.ages.find((x) => ageText(x) === age)!;
      const a = target(g, opts.fold ?? false);
      if (a === null) {
        add(ds.source, `age group ${age} does not fit the population's ${width}-year groups`);
        continue;
      }
      if (opts.perPerson && !(g.lower === a * width && (g.upper === null || g.upper === (a + 1) * width))) {
        add(ds.source, `rates for ${age} do not match one ${width}-year age group`);
        continue;
      }
      const perWoman = out.length === ages.length * R;
      const s = perWoman ? 0 : SEX_INDEX[sex]!;
      const p = perWoman ? a * R + i : popIndex(space, s, a, i);
      // Rates become counts: rate × population at risk (women, for fertility) × years.
      const scale = opts.perPerson ? opts.perPerson[popIndex(space, s, a, i)]! * (opts.years ?? 1) : 1;
      out[p] = out[p]! + v * scale;
    }
    for (const s of states) if (!seen.has(s)) add(ds.source, `region ${s} is missing`);
  };
  const population = new Float64Array(popSize(space));
  fill(d.population, population, {});
  const deaths = new Float64Array(popSize(space));
  if (d.deaths) fill(d.deaths, deaths, {});
  else if (d.mortality) fill(d.mortality, deaths, { perPerson: population, years: o.years });
  const births = new Float64Array(ages.length * R);
  if (d.births) fill(d.births, births, { fold: true });
  else if (d.fertility) fill(d.fertility, births, { perPerson: population, years: o.years });
  const emigrants = d.emigration ? new Float64Array(popSize(space)) : undefined;
  if (d.emigration && emigrants) fill(d.emigration, emigrants, {});
  const immigrants = d.immigration ? new Float64Array(popSize(space)) : undefined;
  if (d.immigration && immigrants) fill(d.immigration, immigrants, {});
  const migrants = new Float64Array(odSize(space));
  const origins = new Set<string>();
  const destinations = new Set<string>();
  for (const [key, v] of d.migration.values) {
    const [from, to, sex, age] = key.split('|') as [string, string, string, string];
    const i = stateIndex.get(from);
    const j = stateIndex.get(to);
    if (i === undefined || j === undefined) {
      add(d.migration.source, `region ${i === undefined ? from : to} of the matrix is not in the population`);
      continue;
    }
    origins.add(from);
    destinations.add(to);
    const a = target(
      d.migration.ages.find((x) => ageText(x) === age)!,
      false,
    );
    if (a === null) {
      add(d.migration.source, `age group ${age} does not fit the population's ${width}-year groups`);
      continue;
    }
    if (i !== j) migrants[odIndex(space, SEX_INDEX[sex]!, a, i, j)]! += v;
  }
  for (const s of states) {
    if (!origins.has(s))
      add(d.migration.source, `region ${s} is missing from the migration matrix as an origin`);
    if (!destinations.has(s))
      add(d.migration.source, `region ${s} is missing from the migration matrix as a destination`);
  }
  if (problems.length) fail();
  return {
    space,
    years: o.years,
    population,
    births,
    deaths,
    migrants,
    ...(emigrants ? { emigrants } : {}),
    ...(immigrants ? { immigrants } : {}),
  };
}
