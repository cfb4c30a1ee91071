import { mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import type { WireDoc } from '@tern/sync';
import { researchKeys } from '../rows/research-keys.ts';
import { deidentifyCase } from '../rows/research-row.ts';
import type { ResearchRow } from '../rows/research-row.ts';
import { bodyOf, deleted, edited, syntheticCaseDocs } from '../testing/synthetic-cases.ts';
import type { AnalyticsStore } from './analytics-store.ts';
import { catchUp, rebuildAnalytics } from './catch-up.ts';
import type { ChangeSource } from './catch-up.ts';
import { openDuckDbStore } from './duckdb-store.ts';

const keys = researchKeys('the research secret of these tests, 32 bytes or more');
const dir = mkdtempSync(join(tmpdir(), 'tern-analytics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The rows the store must hold: every live case of `current` (id → winning revision), de-identified. */
function expectedRows(current: Map<string, WireDoc>, mission: string): ResearchRow[] {
  const docs = [...current.values()];
  return docs
    .filter((d) => d._id.startsWith('case:'))
    .map((c) =>
      deidentifyCase(
        c,
        docs.filter((d) => d.caseId === c._id && !d._deleted),
        mission,
        keys,
      ),
    )
    .filter((r): r is ResearchRow => r !== null);
}

/** The store's view of the rows, through its one question: cases by gender × citizenship × mission. */
async function storeCounts(store: AnalyticsStore) {
  const cells = await store.fineCounts({
    dims: ['mission', 'gender', 'citizenship', 'exploitation'],
    filters: {},
  });
  return Object.fromEntries(cells.map((c) => [c.values.join('|'), [c.n, c.keySum]]));
}
function oracleCounts(rows: ResearchRow[]) {
  const out: Record<string, [number, number]> = {};
  for (const r of rows) {
    const k = [
      r.mission,
      r.gender ?? 'unknown',
      r.citizenship ?? 'unknown',
      r.exploitation.join(';') || 'unknown',
    ].join('|');
    const [n, s] = out[k] ?? [0, 0];
    out[k] = [n + 1, (s + r.recordKey) % 2 ** 32];
  }
  return out;
}

async function write(
  db: { writeReplicated(d: WireDoc[]): Promise<unknown> },
  current: Map<string, WireDoc>,
  docs: WireDoc[],
) {
  await db.writeReplicated(docs);
  for (const d of docs) current.set(d._id, d);
}

describe('analytics catch-up from a mission store (TernStore in memory)', () => {
  it('holds one row per live case, follows edits, moves and deletions, and reads only what changed', async () => {
    const tern = new TernStore({ kind: 'memory', prefix: `catchup-${Date.now()}` });
    const db = tern.mission('alpha');
    const store = await openDuckDbStore({ path: ':memory:', fingerprint: keys.fingerprint });
    const current = new Map<string, WireDoc>();
    await write(db, current, syntheticCaseDocs({ mission: 'alpha', cases: 300, seed: 7 }));

    const first = await catchUp(store, db, keys, { batchSize: 128 });
    expect(first.changes).toBe(current.size);
    expect(first.batches).toBeGreaterThan(1);
    expect(await storeCounts(store)).toEqual(oracleCounts(expectedRows(current, 'alpha')));
    expect((await store.status(['alpha'])).cases).toBe(300);

    // Edits: a screening changes gender; a case is deleted; a screening moves to another case; new cases.
    const docs = [...current.values()];
    const screening = docs.find((d) => d.form === 'screening@1')!;
    const victim = docs.filter((d) => d._id.startsWith('case:'))[5]!;
    const mover = docs.filter((d) => d.form === 'screening@1')[9]!;
    const target = docs.filter((d) => d._id.startsWith('case:'))[20]!;
    const answers = { ...(screening.answers as Record<string, unknown>), prs_Gender: 'NonSpecifiedUnknown' };
    const more = syntheticCaseDocs({ mission: 'alpha', cases: 40, seed: 8 });
    await write(db, current, [
      edited(screening, { ...bodyOf(screening), answers }),
      deleted(victim),
      edited(mover, { ...bodyOf(mover), caseId: target._id }),
      ...more,
    ]);
    const second = await catchUp(store, db, keys, { batchSize: 128 });
    expect(second.changes).toBe(3 + more.length);
    expect(await storeCounts(store)).toEqual(oracleCounts(expectedRows(current, 'alpha')));
    expect((await store.status(['alpha'])).cases).toBe(339);

    // Nothing new: nothing read, the as-of time moves.
    const before = (await store.checkpoint('alpha'))!;
    const third = await catchUp(store, db, keys, { now: () => new Date(Date.parse(before.asOf) + 60_000) });
    expect(third.changes).toBe(0);
    expect((await store.checkpoint('alpha'))!.asOf > before.asOf).toBe(true);
    expect((await store.checkpoint('alpha'))!.seq).toBe(before.seq);

    // The feed read through changeList + winnersWithHistory (no CouchDB door) gives the same store.
    const plain = await openDuckDbStore({ path: ':memory:', fingerprint: keys.fingerprint });
    const slow: ChangeSource = {
      mission: 'alpha',
      changeList: (since, limit) => db.changeList(since, limit),
      winnersWithHistory: (ids) => db.winnersWithHistory(ids),
    };
    await catchUp(plain, slow, keys, { batchSize: 100 });
    expect(await storeCounts(plain)).toEqual(await storeCounts(store));
    await plain.close();

    // The one-call rebuild gives the same store.
    const incremental = await storeCounts(store);
    await rebuildAnalytics(store, [db], keys);
    expect(await storeCounts(store)).toEqual(incremental);
    await store.close();
    await tern.close();
  });

  it('resumes an interrupted catch-up from the last applied batch', async () => {
    const tern = new TernStore({ kind: 'memory', prefix: `resume-${Date.now()}` });
    const db = tern.mission('beta');
    const current = new Map<string, WireDoc>();
    await write(db, current, syntheticCaseDocs({ mission: 'beta', cases: 100, seed: 3 }));
    const store = await openDuckDbStore({ path: ':memory:', fingerprint: keys.fingerprint });
    let reads = 0;
    const flaky: ChangeSource = {
      mission: 'beta',
      changeList: (since, limit) => {
        if (++reads === 3) throw new Error('link cut');
        return db.changeList(since, limit);
      },
      winnersWithHistory: (ids) => db.winnersWithHistory(ids),
    };
    await expect(catchUp(store, flaky, keys, { batchSize: 50 })).rejects.toThrow('link cut');
    expect((await store.checkpoint('beta'))?.seq).toBeDefined();
    expect((await store.status(['beta'])).cases).toBeGreaterThan(0);
    const rest = await catchUp(store, db, keys, { batchSize: 50 });
    expect(rest.changes).toBe(current.size - 100); // two batches of 50 changes were applied before the cut
    expect(await storeCounts(store)).toEqual(oracleCounts(expectedRows(current, 'beta')));
    await store.close();
    await tern.close();
  });
});

describe('analytics store on disk (TernStore on LevelDB, DuckDB file)', () => {
  const file = join(dir, 'analytics.duckdb');
  const tern = () => new TernStore({ kind: 'leveldb', dataDir: join(dir, 'missions') });

  it('keeps its checkpoint across restarts; a missing store says so until it has caught up', async () => {
    const t = tern();
    const current = new Map<string, WireDoc>();
    await write(t.mission('gamma'), current, syntheticCaseDocs({ mission: 'gamma', cases: 60, seed: 11 }));
    let store = await openDuckDbStore({ path: file, fingerprint: keys.fingerprint });
    expect(store.recreated?.reason).toMatch(/no analytics store/);
    const empty = await store.status(['gamma']);
    expect(empty).toMatchObject({ asOf: null, behind: ['gamma'], cases: 0 });
    await catchUp(store, t.mission('gamma'), keys);
    expect((await store.status(['gamma'])).asOf).not.toBeNull();
    await store.close();

    store = await openDuckDbStore({ path: file, fingerprint: keys.fingerprint });
    expect(store.recreated).toBeNull();
    expect((await catchUp(store, t.mission('gamma'), keys)).changes).toBe(0);
    expect(await storeCounts(store)).toEqual(oracleCounts(expectedRows(current, 'gamma')));
    await store.close();
    await t.close();
  });

  it.each([
    ['garbage', () => writeFileSync(file, 'not a database '.repeat(500))],
    ['truncated', () => truncateSync(file, 6000)],
  ])('sets a %s file aside, starts empty and says so, and a catch-up makes it whole', async (_, damage) => {
    const t = tern();
    const current = new Map<string, WireDoc>();
    await write(t.mission('gamma'), current, []);
    for (const d of await t.mission('gamma').allDocs()) current.set(d._id, d);
    const good = await openDuckDbStore({ path: file, fingerprint: keys.fingerprint });
    await catchUp(good, t.mission('gamma'), keys);
    const expected = await storeCounts(good);
    await good.close();

    damage();
    const store = await openDuckDbStore({ path: file, fingerprint: keys.fingerprint });
    expect(store.recreated?.reason).toMatch(/could not be read.*set aside/);
    expect(readdirSync(dir).some((f) => f.startsWith('analytics.duckdb.corrupt-'))).toBe(true);
    expect(await store.status(['gamma'])).toMatchObject({ asOf: null, behind: ['gamma'], cases: 0 });
    await catchUp(store, t.mission('gamma'), keys);
    expect(await storeCounts(store)).toEqual(expected);
    expect(await storeCounts(store)).toEqual(oracleCounts(expectedRows(current, 'gamma')));
    await store.close();
    await t.close();
  });

  it('is built again when the research secret changes (every record key changes with it)', async () => {
    const other = researchKeys('a different research secret, also 32 bytes or more');
    const store = await openDuckDbStore({ path: file, fingerprint: other.fingerprint });
    expect(store.recreated?.reason).toMatch(/secret changed/);
    expect((await store.status()).cases).toBe(0);
    await store.close();
  });
});
