import {
  assembleObserved,
  estimateRates,
  importDataset,
  importWorkbook,
  parseCsv,
  runScenario,
} from '@tern/demography';
import type { DatasetKind, ObservedDatasets, ObservedPeriod, Scenario } from '@tern/demography';
import type { RunResults, RunSpec } from '@tern/api';

/** What the worker is given: the data set's files as stored, and the spec to run. */
export interface ProjectionJob {
  files: { csv?: Record<string, string>; xlsx?: string };
  years: number;
  time: string;
  spec: RunSpec;
}

const base64Bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

/** The data set's files through @tern/demography's import, exactly as the server checked them. */
export function observe(job: ProjectionJob): ObservedPeriod {
  const options = { years: job.years, time: job.time };
  if (job.files.xlsx !== undefined)
    return importWorkbook(base64Bytes(job.files.xlsx), options, 'the workbook');
  const d: Partial<Record<DatasetKind, unknown>> = {};
  for (const [kind, text] of Object.entries(job.files.csv ?? {}))
    d[kind as DatasetKind] = importDataset(kind as DatasetKind, parseCsv(text, `${kind}.csv`), options);
  return assembleObserved(d as ObservedDatasets, options);
}

/**
 * The baseline and each scenario of `spec`, projected from the data set one after the other;
 * `progress` hears of every step (done, total over all scenarios). Pure: the worker and the tests
 * call it the same way.
 */
export function runJob(
  job: ProjectionJob,
  progress: (done: number, total: number) => void = () => {},
): RunResults {
  const obs = observe(job);
  const { rates, inflow } = estimateRates(obs);
  const baseline = {
    space: obs.space,
    base: obs.population,
    startYear: job.spec.baseYear,
    steps: job.spec.steps,
    rates,
    inflow,
  };
  const scenarios: Scenario[] = [{ name: 'baseline', overrides: [] }, ...job.spec.scenarios];
  const total = scenarios.length * job.spec.steps;
  const out: RunResults['scenarios'] = [];
  let years: number[] = [];
  scenarios.forEach((s, k) => {
    const r = runScenario(baseline, s, (done) => progress(k * job.spec.steps + done, total));
    years = r.years;
    out.push({ name: s.name, population: r.population.map((p) => Array.from(p)) });
  });
  return {
    states: [...obs.space.states],
    ages: obs.space.ages,
    width: obs.space.width,
    years,
    scenarios: out,
  };
}
