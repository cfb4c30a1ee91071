import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DIMENSION_NAMES } from '../dimensions.ts';
import { isResearchError } from '../errors.ts';
import { disclosureParams } from '../disclosure/parameters.ts';
import { researchTable } from '../disclosure/research-tables.ts';
import { researchKeys } from '../rows/research-keys.ts';
import { loadDocs } from '../testing/load.ts';
import { MemoryAnalyticsStore } from '../testing/memory-store.ts';
import { syntheticCaseDocs } from '../testing/synthetic-cases.ts';
import type { AnalyticsStore, FineCount } from './analytics-store.ts';
import { openDuckDbStore } from './duckdb-store.ts';
import { peopleGroups } from './people.ts';

/**
 * Counts of people (issue 20, decision 202): cases that reviewers linked as one person count once
 * where the figure is about people, in the DuckDB store and in the memory store alike.
 */
const keys = researchKeys('the research secret of these tests, 32 bytes or more');
let duck: AnalyticsStore;
const memory = new MemoryAnalyticsStore();
let north: string[];
let south: string[];
/** 40 people met by both missions, and one met three times (north, south, north again). */
let groups: string[][];

const total = (cs: FineCount[]) => cs.reduce((s, c) => s + c.n, 0);

beforeAll(async () => {
  duck = await openDuckDbStore({ path: ':memory:', fingerprint: keys.fingerprint });
  for (const s of [duck, memory]) {
    await loadDocs(s, syntheticCaseDocs({ mission: 'north', cases: 600, seed: 1 }), 'north', keys);
    await loadDocs(s, syntheticCaseDocs({ mission: 'south', cases: 300, seed: 2 }), 'south', keys);
  }
  north = (await duck.rows(['north'])).map((r) => r.ref);
  south = (await duck.rows(['south'])).map((r) => r.ref);
  const links: Array<[string, string]> = [];
  for (let i = 0; i < 40; i++) links.push([north[i]!, south[i]!]);
  links.push([north[100]!, south[100]!], [south[100]!, north[101]!]);
  groups = peopleGroups(links);
}, 60_000); // seconds on a loaded machine
afterAll(() => duck.close());

describe('people behind linked cases', () => {
  it('groups cases linked through any chain, each group once and sorted', () => {
    expect(
      peopleGroups([
        ['b', 'a'],
        ['c', 'b'],
        ['x', 'y'],
        ['a', 'c'],
      ]),
    ).toEqual([
      ['a', 'b', 'c'],
      ['x', 'y'],
    ]);
    expect(peopleGroups([])).toEqual([]);
    expect(groups).toHaveLength(41);
  });

  it('counts linked cases once when counting people, every case when counting cases', async () => {
    for (const s of [duck, memory]) {
      await s.setPeople(groups);
      const cases = total(await s.fineCounts({ dims: [], filters: {} }));
      const people = total(await s.fineCounts({ dims: [], filters: {}, unit: 'people' }));
      expect(cases).toBe(north.length + south.length);
      // 40 pairs count 40 people, not 80; the person met three times counts 1, not 3.
      expect(people).toBe(cases - 40 - 2);
      // Split by mission, a person is in one mission's cell only: the parts add up to the people.
      const byMission = await s.fineCounts({ dims: ['mission'], filters: {}, unit: 'people' });
      expect(total(byMission)).toBe(people);
    }
  });

  it('counts a person once when any of their cases passes the filters, and not at all otherwise', async () => {
    for (const s of [duck, memory]) {
      await s.setPeople(groups);
      // Only south: every linked person has a case there, so no one is lost and no one is merged.
      const southOnly = { mission: ['south'] };
      expect(total(await s.fineCounts({ dims: [], filters: southOnly, unit: 'people' }))).toBe(south.length);
      expect(total(await s.fineCounts({ dims: [], filters: southOnly }))).toBe(south.length);
    }
  });

  it('gives the same people counts in the memory store as in DuckDB, for any table', async () => {
    await duck.setPeople(groups);
    await memory.setPeople(groups);
    const sorted = (cs: FineCount[]) =>
      [...cs].sort((a, b) => (a.values.join('|') < b.values.join('|') ? -1 : 1));
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...DIMENSION_NAMES), { maxLength: 3 }),
        async (dims) => {
          const [a, b] = await Promise.all([
            duck.fineCounts({ dims, filters: {}, unit: 'people' }),
            memory.fineCounts({ dims, filters: {}, unit: 'people' }),
          ]);
          expect(sorted(b)).toEqual(sorted(a));
        },
      ),
      { seed: 20, numRuns: 25 },
    );
  });

  it('counts every case again once the links are gone (unlink)', async () => {
    for (const s of [duck, memory]) {
      await s.setPeople(groups);
      await s.setPeople([]);
      expect(total(await s.fineCounts({ dims: [], filters: {}, unit: 'people' }))).toBe(
        north.length + south.length,
      );
    }
  });

  it('publishes people under the same disclosure control as cases (k = 11), and says what it counts', async () => {
    await duck.setPeople(groups);
    const p = disclosureParams();
    const scope = { missions: ['north', 'south'] };
    const people = await researchTable(duck, { dims: ['gender'], count: 'people' }, scope, p);
    const cases = await researchTable(duck, { dims: ['gender'] }, scope, p);
    expect(people.counts).toBe('people');
    expect(cases.counts).toBe('cases');
    for (const c of people.cells) expect(c.value).toBeGreaterThanOrEqual(p.k);
    // Perturbation moves each cell by a few, never by the 42 linked cases.
    // The fine cells behind it: a linked person counts in the cell of their first case only, so
    // south's women are fewer as people (about half the linked people have their first case, by
    // ref, in north).
    const women = async (unit: 'cases' | 'people') =>
      (
        await duck.fineCounts({ dims: ['mission', 'gender'], filters: { mission: ['north', 'south'] }, unit })
      ).find((c) => c.values.join() === 'south,Feminine')!.n;
    expect((await women('cases')) - (await women('people'))).toBeGreaterThan(10);
    // A category of fewer than k people is not published, however many cases it has.
    const thin = await researchTable(
      duck,
      { dims: ['citizenship', 'gender', 'year'], count: 'people' },
      scope,
      p,
    );
    for (const c of thin.cells) expect(c.value).toBeGreaterThanOrEqual(p.k);
  });

  it('refuses a count that is neither cases nor people', async () => {
    const e = await researchTable(
      duck,
      { dims: ['gender'], count: 'households' },
      { missions: ['north'] },
      disclosureParams(),
    ).catch((x: unknown) => x);
    expect(isResearchError(e, 'TERN_RESEARCH_BAD_QUERY')).toBe(true);
    expect(String((e as Error).message)).toContain('"cases" or "people"');
  });
});
