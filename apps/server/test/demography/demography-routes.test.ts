import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleObserved, estimateRates, importDataset, parseCsv, runScenarios } from '@tern/demography';
import type { DatasetKind, ObservedDatasets } from '@tern/demography';
import { regionSetCsv } from '@tern/demography/testing';
import { bearer, testApp } from '../fixtures.ts';
import type { TestApp } from '../fixtures.ts';

/**
 * Projections stored as shared documents (issue 14), as a hostile statistician sees them: data sets
 * go through the package's import or are refused whole with row-numbered reasons; runs must fit their
 * spec and data set; nothing half-stored; every creation and deletion is in the audit log.
 */
const NAMES = ['AT11', 'AT12', 'AT13'];
const csv = regionSetCsv({ regions: 3, ages: 18, seed: 5, time: '2024', names: NAMES });
const badFile = (name: string) =>
  readFileSync(
    new URL(`../../../../packages/demography/src/import/fixtures/${name}`, import.meta.url),
    'utf8',
  );

let t: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await testApp(['statistician', 'researcher', 'interviewer', 'admin']);
  for (const r of ['statistician', 'researcher', 'interviewer', 'admin']) tokens[r] = await t.login(r);
}, 60_000);
afterAll(async () => {
  await t.close();
});

const as = (role: string, opts: InjectOptions) =>
  t.app.inject({ ...opts, headers: { ...bearer(tokens[role]!).headers, ...opts.headers } });
const postDataset = (payload: unknown, role = 'statistician') =>
  as(role, { method: 'POST', url: '/api/demography/datasets', payload: payload as object });
const listDatasets = async () =>
  (await as('statistician', { method: 'GET', url: '/api/demography/datasets' })).json().datasets as Array<{
    id: string;
  }>;

/** The runs the browser would make: the package's import and projection of the same files. */
function project(steps: number, scenarios: Parameters<typeof runScenarios>[1]) {
  const d = Object.fromEntries(
    Object.entries(csv).map(([k, text]) => [k, importDataset(k as DatasetKind, parseCsv(text, k))]),
  ) as unknown as ObservedDatasets;
  const obs = assembleObserved(d, { years: 1 });
  const { rates, inflow } = estimateRates(obs);
  const runs = runScenarios(
    { space: obs.space, base: obs.population, startYear: 2024, steps, rates, inflow },
    scenarios,
  );
  return {
    states: [...obs.space.states],
    ages: obs.space.ages,
    width: obs.space.width,
    years: runs[0]!.result.years,
    scenarios: runs.map((r) => ({ name: r.name, population: r.result.population.map((p) => [...p]) })),
  };
}

describe('data sets', () => {
  let id = '';
  it('a statistician stores a three-region CSV data set; it is listed and read back as uploaded', async () => {
    const res = await postDataset({ name: 'Austria NUTS2 2024', years: 1, csv });
    expect(res.statusCode, res.body).toBe(201);
    const summary = res.json();
    expect(summary).toMatchObject({ format: 'csv', time: '2024', states: NAMES, ages: 18, width: 5 });
    id = summary.id;
    expect((await listDatasets()).map((d) => d.id)).toContain(id);
    const got = await as('statistician', { method: 'GET', url: `/api/demography/datasets/${id}` });
    expect(got.json().csv.population).toBe(csv.population);
  });

  it('a bad file is refused whole, with its file and row numbers, and nothing is stored', async () => {
    const before = (await listDatasets()).length;
    const res = await postDataset({
      name: 'bad',
      years: 1,
      csv: {
        ...csv,
        population: badFile('bad-negative-count.csv'),
        deaths: 'geo,sex,age,time,value\nAT11,F,Y_LT5,2024,-3\n',
      },
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('TERN_DEMOGRAPHY_IMPORT_REJECTED');
    const rejected = body.details.rejected as Array<{ file: string; row: number; reason: string }>;
    expect(rejected.map((r) => r.file)).toEqual(expect.arrayContaining(['population', 'deaths']));
    expect(rejected.find((r) => r.file === 'deaths')).toMatchObject({ row: 2 });
    expect(rejected.every((r) => Number.isInteger(r.row) && r.reason.length > 0)).toBe(true);
    expect((await listDatasets()).length).toBe(before);
  });

  it('files that do not fit together (a region missing from the matrix) are refused', async () => {
    const migration = csv.migration
      .split('\r\n')
      .filter((l) => !l.startsWith('AT13,') && !l.includes(',AT13,'))
      .join('\r\n');
    const res = await postDataset({ name: 'gap', years: 1, csv: { ...csv, migration } });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/AT13/);
  });

  it('a workbook with a sheet per dataset is accepted; its time comes from the population sheet', async () => {
    const wb = XLSX.utils.book_new();
    for (const [kind, text] of Object.entries(csv)) {
      const table = parseCsv(text, kind);
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([table.header, ...table.rows]), kind);
    }
    const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const res = await postDataset({ name: 'workbook', years: 1, xlsx: bytes.toString('base64') });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ format: 'xlsx', time: '2024', states: NAMES });
    const garbage = await postDataset({
      name: 'garbage',
      years: 1,
      xlsx: Buffer.from('not a zip').toString('base64'),
    });
    expect(garbage.statusCode).toBe(422);
  });

  it('hostile bodies get a clear 4xx: both formats, wrong types, unknown keys, deep JSON, oversize', async () => {
    const cases: Array<[unknown, number]> = [
      [{ name: 'x', years: 1, csv, xlsx: 'AAAA' }, 400],
      [{ name: 'x', years: 1 }, 400],
      [{ name: 'x', years: '1', csv }, 400],
      [{ name: 'x', years: 1, csv: { ...csv, population: 42 } }, 400],
      [{ name: 'x', years: 1, csv, __proto__: { admin: true }, extra: 1 }, 400],
      [{ name: '', years: 1, csv }, 400],
      [{ name: 'x', years: 1, xlsx: '%%%' }, 400],
      [[csv], 400],
    ];
    for (const [payload, status] of cases) expect((await postDataset(payload)).statusCode).toBe(status);
    const deep = await as('statistician', {
      method: 'POST',
      url: '/api/demography/datasets',
      headers: { 'content-type': 'application/json' },
      payload: `{"name":"x","years":1,"csv":${'['.repeat(3000)}${']'.repeat(3000)}}`,
    });
    expect(deep.statusCode).toBe(400);
    const huge = await postDataset({
      name: 'x',
      years: 1,
      csv: { ...csv, population: 'x'.repeat(9 * 1024 * 1024) },
    });
    expect(huge.statusCode).toBe(413);
  });

  it('other roles are refused, and ids that are not ids are 400, unknown ones 404', async () => {
    for (const role of ['researcher', 'interviewer'])
      expect((await postDataset({ name: 'x', years: 1, csv }, role)).statusCode).toBe(403);
    expect((await as('researcher', { method: 'GET', url: '/api/demography/datasets' })).statusCode).toBe(403);
    for (const bad of ['__proto__', 'constructor', '..%2F..', 'A'.repeat(25)])
      expect(
        (await as('statistician', { method: 'GET', url: `/api/demography/datasets/${bad}` })).statusCode,
      ).toBe(400);
    const absent = await as('statistician', {
      method: 'GET',
      url: `/api/demography/datasets/${'0'.repeat(25)}`,
    });
    expect(absent.statusCode).toBe(404);
    expect(id).not.toBe('');
  });
});

describe('projection runs', () => {
  let dataset = '';
  const spec = (over: object = {}) => ({
    dataset,
    regions: ['AT11', 'AT13'],
    baseYear: 2024,
    steps: 2,
    scenarios: [{ name: 'no moves', overrides: [{ kind: 'zero-migration', fromYear: 2024 }] }],
    ...over,
  });
  const results = () =>
    project(2, [{ name: 'no moves', overrides: [{ kind: 'zero-migration', fromYear: 2024 }] }]);
  const postRun = (payload: unknown, role = 'statistician') =>
    as(role, { method: 'POST', url: '/api/demography/runs', payload: payload as object });

  beforeAll(async () => {
    dataset = (await postDataset({ name: 'for runs', years: 1, csv })).json().id;
  });

  it('a run with its spec and results is stored, listed without results and read back whole', async () => {
    const r = results();
    const res = await postRun({ name: 'Two scenarios', spec: spec(), results: r });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();
    const list = (await as('statistician', { method: 'GET', url: '/api/demography/runs' })).json().runs;
    expect(list.find((x: { id: string }) => x.id === id)).toMatchObject({
      datasetName: 'for runs',
      spec: spec(),
    });
    expect(list[0].results).toBeUndefined();
    const got = (await as('admin', { method: 'GET', url: `/api/demography/runs/${id}` })).json();
    expect(got.results.scenarios[1].population[2]).toEqual(r.scenarios[1]!.population[2]);
  });

  it('results that do not fit the spec or the data set are refused, naming what is wrong', async () => {
    const r = results();
    const cases: Array<[object, RegExp]> = [
      [{ spec: spec({ regions: ['AT99'] }), results: r }, /AT99/],
      [{ spec: spec({ regions: ['AT11', 'AT11'] }), results: r }, /twice/],
      [{ spec: spec({ steps: 3 }), results: r }, /years/],
      [{ spec: spec({ baseYear: 2025 }), results: r }, /years/],
      [{ spec: spec({ scenarios: [] }), results: r }, /"baseline"/],
      [{ spec: spec(), results: { ...r, states: ['AT11', 'AT12', 'AT14'] } }, /regions/],
      [{ spec: spec(), results: { ...r, ages: 17 } }, /age groups/],
      [
        {
          spec: spec(),
          results: { ...r, scenarios: [r.scenarios[0], { ...r.scenarios[1], population: [[1, 2]] }] },
        },
        /years|values/,
      ],
      [
        {
          spec: spec({ scenarios: [{ name: 'baseline', overrides: [] }] }),
          results: { ...r, scenarios: [r.scenarios[0], { ...r.scenarios[1], name: 'baseline' }] },
        },
        /same name/,
      ],
    ];
    for (const [body, why] of cases) {
      const res = await postRun({ name: 'bad', ...body });
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().message).toMatch(why);
    }
    const negative = structuredClone(r);
    negative.scenarios[0]!.population[0]![0] = -1;
    expect((await postRun({ name: 'neg', spec: spec(), results: negative })).statusCode).toBe(400);
    const absent = await postRun({
      name: 'x',
      spec: spec({ dataset: '0'.repeat(9) + 'a'.repeat(16) }),
      results: r,
    });
    expect(absent.statusCode).toBe(404);
    expect((await postRun({ name: 'x', spec: spec(), results: r }, 'researcher')).statusCode).toBe(403);
  });

  it('deleting is audited; a deleted run or data set is gone (404), and deleting again is 404', async () => {
    const { id } = (await postRun({ name: 'to delete', spec: spec(), results: results() })).json();
    expect(
      (await as('interviewer', { method: 'DELETE', url: `/api/demography/runs/${id}` })).statusCode,
    ).toBe(403);
    expect(
      (await as('statistician', { method: 'DELETE', url: `/api/demography/runs/${id}` })).statusCode,
    ).toBe(204);
    expect((await as('statistician', { method: 'GET', url: `/api/demography/runs/${id}` })).statusCode).toBe(
      404,
    );
    expect(
      (await as('statistician', { method: 'DELETE', url: `/api/demography/runs/${id}` })).statusCode,
    ).toBe(404);
    const d = await as('statistician', { method: 'DELETE', url: `/api/demography/datasets/${dataset}` });
    expect(d.statusCode).toBe(204);
    expect((await listDatasets()).map((x) => x.id)).not.toContain(dataset);
    const audit = await as('admin', {
      method: 'GET',
      url: '/api/admin/audit?action=demography.write&limit=50',
    });
    const entries = audit.json().entries as Array<{
      actor: string;
      outcome: string;
      details?: Record<string, unknown>;
    }>;
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: 'statistician', details: { deleted: 'run', id } }),
        expect.objectContaining({ actor: 'statistician', details: { deleted: 'dataset', id: dataset } }),
        expect.objectContaining({
          actor: 'statistician',
          details: expect.objectContaining({ created: 'run' }),
        }),
      ]),
    );
  });
});
