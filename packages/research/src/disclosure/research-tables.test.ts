import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIMENSION_NAMES } from '../dimensions.ts';
import { isResearchError } from '../errors.ts';
import { researchKeys } from '../rows/research-keys.ts';
import type { AnalyticsStore } from '../store/analytics-store.ts';
import { openDuckDbStore } from '../store/duckdb-store.ts';
import { loadDocs } from '../testing/load.ts';
import { naiveTable } from '../testing/naive-tables.ts';
import { syntheticCaseDocs } from '../testing/synthetic-cases.ts';
import { disclosureParams } from './parameters.ts';
import { researchFlows, researchSeries, researchTable } from './research-tables.ts';
import type { PublishedTable } from './research-tables.ts';
import type { TableQuery } from './table-query.ts';

const keys = researchKeys('the research secret of these tests, 32 bytes or more');
const p = disclosureParams();
const scope = { missions: ['north', 'south'] };
let store: AnalyticsStore;

beforeAll(async () => {
  store = await openDuckDbStore({ path: ':memory:', fingerprint: keys.fingerprint });
  await loadDocs(store, syntheticCaseDocs({ mission: 'north', cases: 6000, seed: 1 }), 'north', keys);
  await loadDocs(store, syntheticCaseDocs({ mission: 'south', cases: 3000, seed: 2 }), 'south', keys);
  await loadDocs(store, syntheticCaseDocs({ mission: 'hidden', cases: 500, seed: 3 }), 'hidden', keys);
}, 60_000); // 9,500 cases through the store: seconds on a loaded machine
afterAll(() => store.close());

const table = (q: TableQuery, s = scope) => researchTable(store, q, s, p);
const cell = (t: PublishedTable, ...values: string[]) =>
  t.cells.find((c) => c.values.join('|') === values.join('|'))?.value;
async function refusal(q: TableQuery, s = scope): Promise<unknown> {
  try {
    await table(q, s);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('research tables: the query', () => {
  it('refuses an unknown dimension, listing the allowed ones', async () => {
    const e = await refusal({ dims: ['gender', 'name'] });
    expect(isResearchError(e, 'TERN_RESEARCH_UNKNOWN_DIMENSION')).toBe(true);
    expect((e as { details: { allowed: string[] } }).details.allowed).toEqual(DIMENSION_NAMES);
    expect(String((e as Error).message)).toContain('citizenship');
    expect(
      isResearchError(
        await refusal({ dims: ['gender'], filters: { phone: ['1'] } }),
        'TERN_RESEARCH_UNKNOWN_DIMENSION',
      ),
    ).toBe(true);
  });

  it('refuses more than three dimensions, a dimension twice and malformed filters', async () => {
    expect(
      isResearchError(
        await refusal({ dims: ['gender', 'year', 'ageBand', 'citizenship'] }),
        'TERN_RESEARCH_TOO_MANY_DIMENSIONS',
      ),
    ).toBe(true);
    expect(isResearchError(await refusal({ dims: ['gender', 'gender'] }), 'TERN_RESEARCH_BAD_QUERY')).toBe(
      true,
    );
    expect(
      isResearchError(await refusal({ dims: ['gender'], filters: { year: [] } }), 'TERN_RESEARCH_BAD_QUERY'),
    ).toBe(true);
    expect(
      isResearchError(
        await refusal({ dims: ['gender'], filters: { year: [2020 as unknown as string] } }),
        'TERN_RESEARCH_BAD_QUERY',
      ),
    ).toBe(true);
  });

  it('refuses a mission that is not granted, and counts only granted ones', async () => {
    const e = await refusal({ dims: ['gender'], filters: { mission: ['north', 'hidden'] } });
    expect(isResearchError(e, 'TERN_RESEARCH_MISSION_NOT_GRANTED')).toBe(true);
    const t = await table({ dims: ['mission'] });
    expect(t.cells.map((c) => c.values[0])).toEqual(['north', 'south']);
  });
});

describe('research tables: disclosure control', () => {
  it('publishes no cell under k, and perturbs the ones it publishes', async () => {
    const q: TableQuery = { dims: ['citizenship', 'exploitation', 'gender'] };
    const [t, exact] = await Promise.all([
      table(q),
      naiveTable(store, { ...q, filters: { mission: ['north', 'south'] } }),
    ]);
    expect(t.cells.length).toBeGreaterThan(20);
    for (const c of t.cells) expect(c.value).toBeGreaterThanOrEqual(11);
    // Some published values differ from the exact counts (a table without perturbation fails this).
    const differ = t.cells.filter(
      (c) => exact.cells.find((e) => e.values.join() === c.values.join())?.value !== c.value,
    );
    expect(differ.length).toBeGreaterThan(t.cells.length / 3);
    // Cells with fewer than k cases are there (the naive table sees them), and not published.
    const tiny = exact.margins[0]!.values.filter((v) => v.total > 0 && v.total < 11);
    for (const { value } of tiny) expect(t.cells.some((c) => c.values[0] === value)).toBe(false);
  });

  it('gives the same cell the same value in every query, and repeats give nothing new', async () => {
    const a = await table({ dims: ['gender'], filters: { citizenship: ['UA'] } });
    const b = await table({ dims: ['gender', 'citizenship'], filters: { citizenship: ['UA'] } });
    const c = await table({ dims: ['citizenship', 'gender'], filters: { citizenship: ['UA'] } });
    for (const { values, value } of a.cells) {
      expect(cell(b, values[0]!, 'UA')).toBe(value);
      expect(cell(c, 'UA', values[0]!)).toBe(value);
    }
    for (let i = 0; i < 5; i++)
      expect(await table({ dims: ['gender'], filters: { citizenship: ['UA'] } })).toEqual(a);
  });

  it('makes two tables that differ by one filter value differ by whole published cells only', async () => {
    const all = ['Feminine', 'Masculine', 'TransgenderFeminine', 'NonSpecifiedUnknown'];
    const wide = await table({
      dims: ['exploitation', 'ageBand'],
      filters: { gender: all, citizenship: ['PH', 'ID'] },
    });
    const narrow = await table({
      dims: ['exploitation', 'ageBand'],
      filters: { gender: all.slice(1), citizenship: ['PH', 'ID'] },
    });
    const slice = await table({
      dims: ['exploitation', 'ageBand'],
      filters: { gender: ['Feminine'], citizenship: ['PH', 'ID'] },
    });
    const keys = new Set([...wide.cells, ...narrow.cells, ...slice.cells].map((c) => c.values.join('|')));
    for (const k of keys) {
      const v = k.split('|');
      expect((cell(wide, ...v) ?? 0) - (cell(narrow, ...v) ?? 0), k).toBe(cell(slice, ...v) ?? 0);
    }
  });

  it('computes margins and the total from the published cells', async () => {
    const t = await table({ dims: ['ageBand', 'gender'] });
    expect(t.total).toBe(t.cells.reduce((s, c) => s + c.value, 0));
    for (const [i, m] of t.margins.entries())
      for (const { value, total } of m.values)
        expect(total).toBe(t.cells.filter((c) => c.values[i] === value).reduce((s, c) => s + c.value, 0));
  });

  it('counts a case in each value of a multi dimension, and filters on any of its values', async () => {
    const t = await table({
      dims: ['exploitation'],
      filters: { exploitation: ['ForcedLabour', 'SexualExploitation'] },
    });
    expect(t.cells.map((c) => c.values[0])).toEqual(['ForcedLabour', 'SexualExploitation']);
    const exact = await naiveTable(store, {
      dims: ['exploitation'],
      filters: { mission: ['north', 'south'] },
    });
    for (const c of t.cells) {
      const n = exact.cells.find((e) => e.values[0] === c.values[0])!.value;
      expect(Math.abs(c.value - n)).toBeLessThanOrEqual(2 * p.ptable.row(n).max); // two missions, two parts
    }
  });

  it('carries the as-of time, and says when a mission has never been caught up', async () => {
    const t = await table({ dims: ['year'] });
    expect(t.asOf).not.toBeNull();
    expect(t.behind).toEqual([]);
    expect(t.disclosure).toMatchObject({ k: 11 });
    const fresh = await table({ dims: ['year'] }, { missions: ['north', 'east'] });
    expect(fresh).toMatchObject({ asOf: null, behind: ['east'] });
  });

  it('answers time series by year and routes origin → transit → exploitation under the same control', async () => {
    const s = await researchSeries(store, { by: 'exploitation' }, scope, p);
    expect(s.dims).toEqual(['year', 'exploitation']);
    expect(new Set(s.cells.map((c) => c.values[0]))).toEqual(
      new Set(['2019', '2020', '2021', '2022', '2023', '2024', '2025']),
    );
    const f = await researchFlows(store, { filters: { citizenship: ['UA'] } }, scope, p);
    expect(f.dims).toEqual(['recruitmentCountry', 'transitCountries', 'exploitationCountry']);
    expect(f.cells.length).toBeGreaterThan(0);
    for (const c of f.cells) expect(c.value).toBeGreaterThanOrEqual(11);
    // In this data people are recruited at home; without an Assistance form the route is unknown.
    expect(new Set(f.cells.map((c) => c.values[0]))).toEqual(new Set(['UA', 'unknown']));
  });
});
