import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { compareScenarios, importDataset, parseCsv, populationRows } from '@tern/demography';
import { regionSetCsv } from '@tern/demography/testing';
import type { RunSpec } from '@tern/api';
import { observe, runJob } from './projection-job.ts';
import { comparison, csvRows, pyramid, totalsOverTime } from './projection-model.ts';
import { projectionXlsx, sheetName } from './projection-files.ts';
import { guessKind } from './DatasetPanel.tsx';
import { scenarioDraft, scenarioSpec, specProblem } from './spec-model.ts';

const csv = regionSetCsv({ regions: 3, seed: 9, time: '2024', names: ['AT11', 'AT12', 'AT13'] });
const spec: RunSpec = {
  dataset: '0'.repeat(25),
  regions: ['AT12', 'AT13'],
  baseYear: 2024,
  steps: 3,
  scenarios: [
    { name: 'more moves', overrides: [{ kind: 'scale-internal-migration', factor: 2, fromYear: 2029 }] },
    { name: 'closed', overrides: [{ kind: 'zero-migration', fromYear: 2024 }] },
  ],
};
const job = { files: { csv }, years: 1, time: '2024', spec };

describe('the workspace’s projection (worker side, run here in Node)', () => {
  const seen: Array<[number, number]> = [];
  const r = runJob(job, (d, t) => seen.push([d, t]));

  it('runs the baseline and every scenario, reporting every step of all of them', () => {
    expect(r.scenarios.map((s) => s.name)).toEqual(['baseline', 'more moves', 'closed']);
    expect(r.years).toEqual([2024, 2029, 2034, 2039]);
    expect(seen.at(-1)).toEqual([9, 9]);
    expect(seen.map((s) => s[0])).toEqual([...seen.map((s) => s[0])].sort((a, b) => a - b));
  });

  it('shows the package’s own figures: pyramid, totals, comparison', () => {
    const obs = observe(job);
    const last = r.scenarios[1]!.population[3]!;
    const R = 3;
    const rows = pyramid(r, 1, 'AT12', 3);
    expect(rows).toHaveLength(obs.space.ages);
    expect(rows[0]).toEqual({ age: '0-4', women: last[0 * R + 1], men: last[obs.space.ages * R + 1] });
    expect(rows.at(-1)!.age).toBe('85+');
    const totals = totalsOverTime(r, 0, ['AT13']);
    expect(totals.AT13![0]).toBeCloseTo(
      Array.from({ length: 2 * obs.space.ages }, (_, k) => obs.population[k * R + 2]!).reduce(
        (a, b) => a + b,
      ),
      6,
    );
    const cmp = comparison(r, ['AT12']);
    expect(cmp.every((c) => c.state === 'AT12')).toBe(true);
    expect(cmp.filter((c) => c.scenario === 'baseline').every((c) => c.difference === 0)).toBe(true);
    // Zero migration from the start changes AT12's size by 2029.
    expect(cmp.find((c) => c.scenario === 'closed' && c.year === 2029)!.difference).not.toBe(0);
    expect(pyramid(r, 0, 'XX99', 0)).toEqual([]);
  });

  it('exports the chosen regions in the long layout that reads back through the import', async () => {
    const rows = csvRows(r, ['AT12']);
    expect(rows[0]).toEqual(['scenario', 'geo', 'sex', 'age', 'time', 'value', 'unit']);
    expect(new Set(rows.slice(1).map((x) => x[1]))).toEqual(new Set(['AT12']));
    const blob = await projectionXlsx(r, ['AT12', 'AT13']);
    const book = XLSX.read(new Uint8Array(await blob.arrayBuffer()));
    expect(book.SheetNames).toEqual(['baseline', 'more moves', 'closed', 'comparison']);
    const sheet = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['closed']!, { header: 1 });
    const back = importDataset('population', parseCsv(sheet.map((x) => x.join(',')).join('\n'), 'closed'), {
      time: '2039',
    });
    expect(back.values.get('AT13|F|85+')).toBe(
      populationRows({
        space: { states: r.states, ages: r.ages, width: r.width },
        years: r.years,
        population: r.scenarios[2]!.population.map((p) => Float64Array.from(p)),
        components: [],
      }).find((x) => x[0] === 'AT13' && x[1] === 'F' && x[2] === 'Y_GE85' && x[3] === 2039)![4],
    );
    const oad = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['comparison']!);
    expect(oad).toHaveLength(3 * 4 * 2);
    expect(compareScenarios).toBeTypeOf('function');
  });

  it('refuses a spec it cannot run, in words the form shows', () => {
    expect(specProblem(spec)).toBeNull();
    expect(specProblem({ ...spec, regions: [] })).toBe('spec.noRegion');
    expect(specProblem({ ...spec, scenarios: [{ name: 'baseline', overrides: [] }] })).toBe('spec.sameName');
    expect(specProblem({ ...spec, steps: 0 })).toBe('spec.badSteps');
    expect(specProblem({ ...spec, steps: Number.NaN })).toBe('spec.badSteps');
    const back = spec.scenarios.map((s) => scenarioSpec(scenarioDraft(s, 2024)));
    expect(back).toEqual(spec.scenarios);
    const net = scenarioSpec({
      name: ' net ',
      kind: 'international-net',
      fromYear: 2030,
      factor: 1,
      total: -500,
    });
    expect(net).toEqual({
      name: 'net',
      overrides: [{ kind: 'international-net', path: [{ year: 2030, total: -500 }] }],
    });
  });

  it('names files and sheets safely', () => {
    expect(guessKind('demo_r_births.csv')).toBe('births');
    expect(guessKind('AT_population_2024.CSV')).toBe('population');
    expect(guessKind('flows.csv')).toBe('population');
    expect(guessKind('emigration.csv')).toBe('emigration');
    const taken = new Set<string>();
    expect(sheetName('a/b:c*d?[e]', taken)).toBe('a_b_c_d__e_');
    expect(sheetName('A/B:C*D?[E]', taken)).toBe('A_B_C_D__E_~2');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(28);
  });
});
