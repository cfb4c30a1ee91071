import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { ResearchTableResponse } from '@tern/api';
import { parseCsv, researchApp, table } from './support.ts';
import type { ResearchTestApp } from './support.ts';

let t: ResearchTestApp;
beforeAll(async () => {
  t = await researchApp();
  await t.grant('researcher', { all: true });
}, 60_000);
afterAll(async () => {
  await t.close();
});

const QUERY = { dims: ['citizenship', 'gender'] };

/** The table's published cells as `values → value`, and the suppressed combinations of its values. */
async function published() {
  const body = ResearchTableResponse.parse((await t.as('researcher', table(QUERY))).json());
  return { body, cells: new Map(body.cells.map((c) => [c.values.join('|'), c.value])) };
}

describe('a research table as a file', () => {
  it('the CSV holds exactly the published cells, and marks every other combination suppressed', async () => {
    const { body, cells } = await published();
    const res = await t.as('researcher', {
      method: 'POST',
      url: '/api/research/table/export?format=csv&lang=fr',
      payload: QUERY,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="tern-research-citizenship-gender-.*\.csv"$/,
    );
    expect(res.headers['x-tern-as-of']).toBe(body.asOf);
    const [header, ...rows] = parseCsv(res.body);
    expect(header).toEqual(['Nationalité', 'Genre', 'Cas']);
    const numbers = rows.filter((r) => /^\d+$/.test(r[2]!));
    expect(new Map(numbers.map((r) => [`${r[0]}|${r[1]}`, Number(r[2])]))).toEqual(cells);
    const suppressed = rows.filter((r) => !/^\d+$/.test(r[2]!));
    expect(suppressed.length).toBeGreaterThan(0);
    expect(suppressed.every((r) => r[2] === 'masqué (moins de 11 cas, peut-être aucun)')).toBe(true);
    // Every combination of the values shown is there once: published or marked, nothing else.
    const citizenships = new Set(body.cells.map((c) => c.values[0]));
    const genders = new Set(body.cells.map((c) => c.values[1]));
    expect(rows).toHaveLength(citizenships.size * genders.size);
  });

  it('the XLSX holds the same cells, and a sheet that says what and how fresh', async () => {
    const { body, cells } = await published();
    const res = await t.as('researcher', {
      method: 'POST',
      url: '/api/research/table/export?format=xlsx&lang=ar',
      payload: QUERY,
    });
    expect(res.statusCode).toBe(200);
    const wb = XLSX.read(res.rawPayload, { type: 'buffer' });
    const [main, about] = wb.SheetNames;
    const rows = XLSX.utils.sheet_to_json<Array<string | number>>(wb.Sheets[main!]!, { header: 1 });
    expect(rows[0]).toEqual(['الجنسية', 'الجنس', 'الحالات']);
    const numbers = rows.slice(1).filter((r) => typeof r[2] === 'number');
    expect(new Map(numbers.map((r) => [`${r[0]}|${r[1]}`, r[2]]))).toEqual(cells);
    expect(
      rows
        .slice(1)
        .filter((r) => typeof r[2] !== 'number')
        .every((r) => String(r[2]).startsWith('محجوب')),
    ).toBe(true);
    const facts = Object.fromEntries(
      XLSX.utils
        .sheet_to_json<Array<string | number>>(wb.Sheets[about!]!, { header: 1 })
        .slice(1)
        .map((r) => [r[0], r[1]]),
    );
    expect(facts).toMatchObject({
      k: 11,
      asOf: body.asOf,
      dims: 'citizenship; gender',
      source: 'missions',
      counts: 'cases',
    });
  });

  it('a table of people says so in its count column; any other count is refused (decision 202)', async () => {
    const people = { ...QUERY, count: 'people' };
    const answer = ResearchTableResponse.parse((await t.as('researcher', table(people))).json());
    expect(answer.counts).toBe('people');
    const res = await t.as('researcher', {
      method: 'POST',
      url: '/api/research/table/export?format=csv&lang=en',
      payload: people,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(parseCsv(res.body)[0]).toEqual(['Citizenship', 'Gender', 'People (linked cases once)']);
    const bad = await t.as('researcher', table({ ...QUERY, count: 'households' }));
    expect(bad.statusCode).toBe(400);
  });

  it('refuses a format or language it does not write', async () => {
    for (const q of ['format=pdf', 'format=csv&lang=de', '', 'format=csv&x=1']) {
      const res = await t.as('researcher', {
        method: 'POST',
        url: `/api/research/table/export?${q}`,
        payload: QUERY,
      });
      expect(res.statusCode, q).toBe(400);
    }
  });
});

describe('the CTDC microdata file', () => {
  it('is k-anonymous (independent check) in the CTDC 2020 format, with its report in a header', async () => {
    const res = await t.as('researcher', { method: 'GET', url: '/api/research/ctdc-export' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="tern-ctdc-k11-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const report = JSON.parse(String(res.headers['x-tern-k-anonymity'])) as Record<string, number>;
    expect(report.k).toBe(11);
    expect(report.records).toBe(900); // every seeded case of both granted missions
    expect(report.smallestClass).toBeGreaterThanOrEqual(11);
    const freshness = JSON.parse(String(res.headers['x-tern-freshness']));
    expect(freshness).toMatchObject({ behind: [], recreated: null, asOf: expect.any(String) });

    // The checker: its own CSV reader, its own list of CTDC's quasi-identifiers (decision 102).
    const [header, ...records] = parseCsv(res.body);
    expect(header).toHaveLength(63);
    expect(records).toHaveLength(report.exported!);
    const qi = [
      'yearOfRegistration',
      'gender',
      'ageBroad',
      'majorityStatus',
      'citizenship',
      'CountryOfExploitation',
    ];
    const at = qi.map((c) => header!.indexOf(c));
    expect(at.every((i) => i >= 0)).toBe(true);
    const classes = new Map<string, number>();
    for (const r of records) {
      const key = at.map((i) => r[i]).join('|');
      classes.set(key, (classes.get(key) ?? 0) + 1);
    }
    expect(Math.min(...classes.values())).toBeGreaterThanOrEqual(11);
    // No name, no free text of the seeded cases reaches the file.
    expect(res.body).not.toMatch(/Synthetic|Person \d|Free text/);
  });

  it('covers the granted missions only: a researcher with none gets the header and nothing else', async () => {
    const res = await t.as('researcher2', { method: 'GET', url: '/api/research/ctdc-export' });
    expect(res.statusCode).toBe(200);
    expect(parseCsv(res.body)).toHaveLength(1);
    expect(JSON.parse(String(res.headers['x-tern-k-anonymity']))).toMatchObject({ records: 0 });
  });
});
