import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DIMENSION_NAMES } from '../dimensions.ts';
import type { Dimension } from '../dimensions.ts';
import { researchKeys } from '../rows/research-keys.ts';
import { loadDocs } from '../testing/load.ts';
import { MemoryAnalyticsStore } from '../testing/memory-store.ts';
import { deleted, syntheticCaseDocs } from '../testing/synthetic-cases.ts';
import type { AnalyticsStore, FineCount } from './analytics-store.ts';
import { openDuckDbStore } from './duckdb-store.ts';

/**
 * The in-memory store (used where tens of thousands of queries must run, as in the adversarial test)
 * answers exactly as the DuckDB store: same fragments in, same fine counts and key sums out.
 */
const keys = researchKeys('the research secret of these tests, 32 bytes or more');
let duck: AnalyticsStore;
const memory = new MemoryAnalyticsStore();

beforeAll(async () => {
  duck = await openDuckDbStore({ path: ':memory:', fingerprint: keys.fingerprint });
  const docs = syntheticCaseDocs({ mission: 'm1', cases: 1500, seed: 5 });
  const gone = docs
    .filter((d) => d._id.startsWith('case:'))
    .slice(0, 30)
    .map(deleted);
  for (const s of [duck, memory]) {
    await loadDocs(s, docs, 'm1', keys, 700);
    await loadDocs(s, gone, 'm1', keys);
    await loadDocs(s, syntheticCaseDocs({ mission: 'm2', cases: 500, seed: 6 }), 'm2', keys);
  }
}, 60_000); // seconds on a loaded machine
afterAll(() => duck.close());

const sorted = (cs: FineCount[]) =>
  [...cs].sort((a, b) => (a.values.join('|') < b.values.join('|') ? -1 : 1));
const VALUES: Record<string, string[]> = {
  mission: ['m1', 'm2', 'm3'],
  gender: ['Feminine', 'Masculine', 'unknown'],
  citizenship: ['UA', 'PH', 'MD', 'NG', 'unknown'],
  exploitation: ['ForcedLabour', 'SexualExploitation', 'Servitude', 'unknown'],
  meansOfControl: ['DebtBondage', 'FalsePromises', 'unknown'],
  year: ['2019', '2022', '2025'],
  transitCountries: ['TR', 'MX', 'unknown'],
};

describe('the memory store conforms to the DuckDB store', () => {
  it('gives the same fine counts and key sums for any query', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...DIMENSION_NAMES), { maxLength: 5 }),
        fc.dictionary(fc.constantFrom(...Object.keys(VALUES)), fc.nat(), { maxKeys: 3 }),
        async (dims, picks) => {
          const filters = Object.fromEntries(
            Object.entries(picks).map(([d, n]) => [d, VALUES[d]!.filter((_, i) => (n >> i) & 1 || i === 0)]),
          ) as Partial<Record<Dimension, string[]>>;
          const [a, b] = await Promise.all([
            duck.fineCounts({ dims, filters }),
            memory.fineCounts({ dims, filters }),
          ]);
          expect(sorted(b)).toEqual(sorted(a));
        },
      ),
      { seed: 17, numRuns: 60 },
    );
  });

  it('has the same status', async () => {
    const [a, b] = await Promise.all([duck.status(['m1', 'm2']), memory.status(['m1', 'm2'])]);
    expect(b.cases).toBe(a.cases);
    expect(a.cases).toBe(1970);
  });

  it('answers for no mission at all (a researcher with no grant): nothing, and no as-of time', async () => {
    for (const store of [duck, memory]) {
      expect(await store.status([])).toMatchObject({ asOf: null, behind: [], cases: 0 });
      expect(await store.rows([])).toEqual([]);
    }
  });
});
