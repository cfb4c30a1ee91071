import { afterEach, describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import type { ServerStore } from '@tern/store';
import { buildApp } from '../src/app.ts';
import { checkReadiness } from '../src/health/readiness.ts';

const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
});

let n = 0;
function memoryStore(): TernStore {
  n += 1;
  const store = new TernStore({ kind: 'memory', prefix: `health-${n}-${Date.now()}` });
  opened.push(store);
  return store;
}

/** The store with one mission's records broken: every read of them fails, or never answers. */
function breakMission(store: ServerStore, broken: string, how: 'fails' | 'hangs'): ServerStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'mission') return Reflect.get(target, prop, receiver) as unknown;
      return (m: string) => {
        const db = target.mission(m);
        if (m !== broken) return db;
        return new Proxy(db, {
          get(t, p, r) {
            if (p !== 'updateSeq') return Reflect.get(t, p, r) as unknown;
            return () =>
              how === 'fails'
                ? Promise.reject(new Error('LevelDB: IO error: lock held'))
                : new Promise(() => {});
          },
        });
      };
    },
  });
}

async function app(store: ServerStore, readiness = {}) {
  const a = await buildApp({ store, missions: ['north', 'south'], readiness });
  opened.push(a);
  return a;
}

describe('GET /api/ready', () => {
  it('is ready when every store answers and the disk has room', async () => {
    const a = await app(memoryStore(), { dataDir: process.cwd(), minFreeBytes: 1 });
    const res = await a.inject({ method: 'GET', url: '/api/ready' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { status: string; checks: Array<{ name: string; ok: boolean }> };
    expect(body.status).toBe('ready');
    expect(body.checks.map((c) => c.name)).toEqual(['system store', 'forms store', 'mission stores', 'disk']);
  });

  it('says which kind of store is failing and why, without naming the mission to an open caller', async () => {
    const a = await app(breakMission(memoryStore(), 'south', 'fails'));
    const res = await a.inject({ method: 'GET', url: '/api/ready' });
    expect(res.statusCode).toBe(503);
    const body = res.json() as { status: string; problems: string[] };
    expect(body.status).toBe('not ready');
    expect(body.problems).toEqual([
      "1 of 2 missions' records cannot be read (last error: LevelDB: IO error: lock held); the server log names them",
    ]);
    expect(res.body).not.toContain('south');
  });

  it('reports a nearly full disk with the free space in words', async () => {
    const a = await app(memoryStore(), { dataDir: process.cwd(), minFreeBytes: Number.MAX_SAFE_INTEGER });
    const res = await a.inject({ method: 'GET', url: '/api/ready' });
    expect(res.statusCode).toBe(503);
    expect((res.json() as { problems: string[] }).problems[0]).toMatch(
      /^the data folder's disk is nearly full: \d+ MB free, \d+ MB needed/,
    );
  });
});

describe('checkReadiness', () => {
  it('counts a store that never answers as not answering, within the time limit', async () => {
    const store = breakMission(memoryStore(), 'north', 'hangs');
    const started = Date.now();
    const r = await checkReadiness(store, ['north', 'south'], { timeoutMs: 50 });
    expect(Date.now() - started).toBeLessThan(5000);
    const missions = r.checks.find((c) => c.name === 'mission stores');
    expect(r.ready).toBe(false);
    expect(missions).toMatchObject({ ok: false, missions: ['north'] });
    expect(missions?.problem).toContain('no answer within 50 ms');
  });

  it('says what is wrong when the data folder does not exist', async () => {
    const r = await checkReadiness(memoryStore(), [], { dataDir: '/nonexistent/tern-data' });
    expect(r.checks.find((c) => c.name === 'disk')?.problem).toMatch(
      /^the data folder cannot be examined: .*ENOENT/,
    );
  });
});

describe('request ids', () => {
  it('every refusal carries one; a plain one sent by a proxy is kept, a hostile one replaced', async () => {
    const a = await app(memoryStore());
    const refused = { method: 'POST' as const, url: '/api/sync/north', payload: {} };
    const own = await a.inject(refused);
    expect(own.statusCode).toBe(401);
    expect(own.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await a.inject({ ...refused, headers: { 'x-request-id': 'lb-7f3a.9' } });
    expect(kept.headers['x-request-id']).toBe('lb-7f3a.9');
    for (const hostile of ['a'.repeat(65), 'two words', 'x\u202eevil', '{"$ne":1}']) {
      const res = await a.inject({ ...refused, headers: { 'x-request-id': hostile } });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    // A success does not pay for it on a slow link.
    expect((await a.inject({ method: 'GET', url: '/api/health' })).headers['x-request-id']).toBeUndefined();
  });

  it('a 500 names the request id so the operator finds its log lines', async () => {
    const a = await app(memoryStore());
    a.get('/api/test-only-boom', async () => {
      throw new Error('a bug');
    });
    const res = await a.inject({ method: 'GET', url: '/api/test-only-boom' });
    expect(res.statusCode).toBe(500);
    expect((res.json() as { message: string }).message).toBe(
      `Internal error; see the server log (request id ${String(res.headers['x-request-id'])})`,
    );
  });
});
