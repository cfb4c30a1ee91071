import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TernStore } from '@tern/store';
import { buildApp } from '../../src/app.ts';
import { Accounts } from '../../src/auth/accounts.ts';
import { researchRebuild } from '../../src/cli/research-rebuild.ts';
import { DEMO_CASE_COUNT, demoCaseDocs } from '../../src/seed/demo-cases.ts';
import { PASSWORD } from '../fixtures.ts';

/**
 * The analytics store fed by the real server: LevelDB mission stores and a DuckDB file in a temporary
 * data folder, the app listening on loopback, cases synced over HTTP the way a device syncs them.
 */
const dir = mkdtempSync(join(tmpdir(), 'tern-research-feed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SECRET = 'the research secret of the feeding test, 32 bytes+';
const dbPath = join(dir, 'research', 'analytics.duckdb');
let firstCount = -1;

async function start(): Promise<{
  app: FastifyInstance;
  store: TernStore;
  url: string;
  close(): Promise<void>;
}> {
  const store = new TernStore({ kind: 'leveldb', dataDir: join(dir, 'data') });
  const app = await buildApp({
    store,
    missions: ['demo'],
    research: { dbPath, secret: SECRET, eager: true },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  return {
    app,
    store,
    url,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

async function call(url: string, token: string | null, method: string, path: string, body?: unknown) {
  const res = await fetch(url + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function login(url: string, username: string): Promise<string> {
  const r = await call(url, null, 'POST', '/api/auth/login', { username, password: PASSWORD, bearer: true });
  return r.body.token as string;
}

/** The published count of mission `demo` in a table by mission (undefined: none published). */
const demoCell = (body: Record<string, unknown>) =>
  (body.cells as Array<{ values: string[]; value: number }>).find((c) => c.values[0] === 'demo')?.value;

describe('the analytics store follows the missions', () => {
  it('counts cases synced through the server within 5 s, and survives a restart', async () => {
    const s = await start();
    const accounts = new Accounts(s.store.system(), Date.now);
    await accounts.create(
      { username: 'iv', password: PASSWORD, role: 'data_officer', missions: ['demo'] },
      'test',
    );
    await accounts.create({ username: 'res', password: PASSWORD, role: 'researcher', missions: [] }, 'test');
    await accounts.create({ username: 'adm', password: PASSWORD, role: 'admin', missions: [] }, 'test');
    const [iv, res, adm] = [await login(s.url, 'iv'), await login(s.url, 'res'), await login(s.url, 'adm')];
    expect((await call(s.url, adm, 'PUT', '/api/users/res/research-grant', { all: true })).status).toBe(200);
    const byMission = () => call(s.url, res, 'POST', '/api/research/table', { dims: ['mission'] });

    const before = await byMission();
    expect(before.status).toBe(200);
    expect(demoCell(before.body)).toBeUndefined();

    // The demo's 200 cases with their forms, reviews included (so a data officer's device) (k = 11 needs at least 11 in a cell, and MIN_K forbids a
    // smaller k), synced as a device does: one compact-sync request, through every admission rule.
    const push = await call(s.url, iv, 'POST', '/api/sync/demo', {
      protocol: 1,
      device: 'dev-feed',
      docs: demoCaseDocs('demo', 1),
      since: null,
      pullLimit: 0,
    });
    expect(push.status, JSON.stringify(push.body).slice(0, 500)).toBe(200);
    const results = push.body.results as Array<{ ok: boolean }>;
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const synced = Date.now();
    let counted: number | undefined;
    let after: Record<string, unknown> = {};
    while (Date.now() - synced < 5000 && counted === undefined) {
      await new Promise((r) => setTimeout(r, 100));
      after = (await byMission()).body;
      counted = demoCell(after);
    }
    const lag = Date.now() - synced;
    expect(counted, `not counted within 5 s (${lag} ms)`).toBeGreaterThanOrEqual(11);
    // Perturbed (σ = √200 ≈ 14, at most 3σ), so near the 200 cases, not exactly.
    expect(Math.abs(counted! - DEMO_CASE_COUNT)).toBeLessThanOrEqual(45);
    expect(after).toMatchObject({
      behind: [],
      recreated: { reason: expect.stringContaining('no analytics store') },
    });
    expect(Date.parse(after.asOf as string)).toBeGreaterThanOrEqual(synced - 2000);
    await s.close();

    // A restart opens the same file: nothing to rebuild, the same published cell.
    const again = await start();
    const res2 = await login(again.url, 'res');
    const body = (await call(again.url, res2, 'POST', '/api/research/table', { dims: ['mission'] })).body;
    expect(body.recreated).toBeNull();
    expect(demoCell(body)).toBe(counted);
    firstCount = counted!;
    await again.close();
  });

  it('a corrupt store is set aside and rebuilt from the missions, and the answer says so', async () => {
    writeFileSync(dbPath, 'this is not a DuckDB database '.repeat(200));
    rmSync(`${dbPath}.wal`, { force: true });
    const s = await start();
    await (await s.app.research.feeder()).settled();
    const res = await login(s.url, 'res');
    const body = (await call(s.url, res, 'POST', '/api/research/table', { dims: ['mission'] })).body;
    expect(body.recreated).toMatchObject({ reason: expect.stringContaining('could not be read') });
    // The same cases, the same secret: the same record keys, so the same published value.
    expect(demoCell(body)).toBe(firstCount);
    expect(readdirSync(join(dir, 'research')).some((f) => f.includes('.corrupt-'))).toBe(true);
    await s.close();
  });

  it('the rebuild command makes the store again from the mission stores', async () => {
    rmSync(dbPath, { force: true });
    rmSync(`${dbPath}.wal`, { force: true });
    const store = new TernStore({ kind: 'leveldb', dataDir: join(dir, 'data') });
    const results = await researchRebuild(store, { dbPath, secret: SECRET });
    await store.close();
    expect(results).toEqual([expect.objectContaining({ mission: 'demo', changes: expect.any(Number) })]);
    expect(results[0]!.changes).toBeGreaterThanOrEqual(2 * DEMO_CASE_COUNT);
    expect(existsSync(dbPath)).toBe(true);
    const s = await start();
    const res = await login(s.url, 'res');
    const body = (await call(s.url, res, 'POST', '/api/research/table', { dims: ['mission'] })).body;
    // Rebuilt by the command, not found missing by the server; the same secret, the same cell keys.
    expect(body.recreated).toBeNull();
    expect(body.behind).toEqual([]);
    expect(demoCell(body)).toBe(firstCount);
    await s.close();
  });
});
