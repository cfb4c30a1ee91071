import type { DatasetSummary, RunCreateRequest } from '@tern/api';
import { TernError } from '../errors.ts';

const bad = (message: string): never => {
  throw new TernError('TERN_BAD_REQUEST', `Projection run: ${message}`);
};

/**
 * A run's results must be what its spec on its data set produces in shape: the data set's regions and
 * age groups, one population per year from the base year in steps of the age width, the baseline and
 * each scenario once, in that order. The figures themselves are the browser's (decision 127): the
 * server does not project again (a 300-region run would hold the event loop for a second).
 */
export function checkRun(body: RunCreateRequest, dataset: DatasetSummary): void {
  const { spec, results } = body;
  const known = new Set(dataset.states);
  for (const r of spec.regions) if (!known.has(r)) bad(`region ${JSON.stringify(r)} is not in the data set`);
  if (new Set(spec.regions).size !== spec.regions.length) bad('a region is chosen twice');
  if (
    results.states.length !== dataset.states.length ||
    results.states.some((s, i) => s !== dataset.states[i])
  )
    bad('the results are not over the data set’s regions, in its order');
  if (results.ages !== dataset.ages || results.width !== dataset.width)
    bad(
      `the results have ${results.ages} age groups of ${results.width} years, the data set ${dataset.ages} of ${dataset.width}`,
    );
  const years = Array.from({ length: spec.steps + 1 }, (_, k) => spec.baseYear + k * dataset.width);
  if (results.years.length !== years.length || results.years.some((y, i) => y !== years[i]))
    bad(`the results' years must be ${years.join(', ')}`);
  const names = ['baseline', ...spec.scenarios.map((s) => s.name)];
  if (new Set(names).size !== names.length)
    bad('two scenarios have the same name (or one is named "baseline")');
  if (results.scenarios.length !== names.length || results.scenarios.some((s, i) => s.name !== names[i]))
    bad(`the results must hold ${names.map((n) => JSON.stringify(n)).join(', ')} in that order`);
  const size = 2 * dataset.ages * dataset.states.length;
  for (const s of results.scenarios) {
    if (s.population.length !== years.length)
      bad(`scenario "${s.name}" has ${s.population.length} years, not ${years.length}`);
    s.population.forEach((p, y) => {
      if (p.length !== size)
        bad(`scenario "${s.name}", ${years[y]}: ${p.length} values, the data set needs ${size}`);
    });
  }
}
