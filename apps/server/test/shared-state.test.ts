import { afterEach, describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { Accounts } from '../src/auth/accounts.ts';
import { sharedKey, throttledRefresh } from '../src/shared-state.ts';
import { PASSWORD, bearer } from './fixtures.ts';

// Two server processes on one store behave as one (decision 173). Here two apps share one store
// object; tests/interop/two-processes.test.ts runs two real processes on a store behind a URL.
let store: TernStore;
const apps: FastifyInstance[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  await store.close();
});

async function twoApps(): Promise<[FastifyInstance, FastifyInstance]> {
  store = new TernStore({ kind: 'memory', prefix: `shared-${Date.now()}-${Math.random()}` });
  const a = await buildApp({ store, missions: ['demo'], sharedRefreshMs: 0 });
  const b = await buildApp({ store, missions: ['demo'], sharedRefreshMs: 0 });
  apps.push(a, b);
  await new Accounts(store.system(), Date.now).create(
    { username: 'ana', password: PASSWORD, role: 'admin', missions: [] },
    'test',
  );
  return [a, b];
}

const login = (app: FastifyInstance, password = PASSWORD, cookie?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'ana', password, bearer: true },
    ...(cookie ? { headers: { cookie } } : {}),
  });

describe('several processes on one store', () => {
  it('agree on one known-device key, made once even when asked at the same time', async () => {
    store = new TernStore({ kind: 'memory', prefix: `key-${Date.now()}` });
    const keys = await Promise.all([1, 2, 3, 4].map(() => sharedKey(store.system(), 'known-device')));
    for (const k of keys) expect(Buffer.from(k).toString('hex')).toBe(Buffer.from(keys[0]!).toString('hex'));
    expect(keys[0]!.length).toBe(32);
  });

  it('a browser known to A is known to B: B does not slow it after failed guesses', async () => {
    const [a, b] = await twoApps();
    const ok = await login(a);
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name.startsWith('tern_known_'))!;
    for (let i = 0; i < 7; i++) await login(b, 'wrong guess');
    // A stranger is slowed on B after the free attempts; the known browser is not.
    expect((await login(b)).statusCode).toBe(429);
    expect((await login(b, PASSWORD, `${cookie.name}=${cookie.value}`)).statusCode).toBe(200);
  });

  it('a session made on A works on B, and a logout on B ends it on A', async () => {
    const [a, b] = await twoApps();
    const { token } = (await login(a)).json() as { token: string };
    expect((await b.inject({ method: 'GET', url: '/api/auth/me', ...bearer(token) })).statusCode).toBe(200);
    expect((await b.inject({ method: 'POST', url: '/api/auth/logout', ...bearer(token) })).statusCode).toBe(
      200,
    );
    expect((await a.inject({ method: 'GET', url: '/api/auth/me', ...bearer(token) })).statusCode).toBe(401);
  });

  it('a mission created on A is known to B at its next request', async () => {
    const [a, b] = await twoApps();
    const { token } = (await login(a)).json() as { token: string };
    const made = await a.inject({
      method: 'POST',
      url: '/api/missions',
      payload: { id: 'east' },
      ...bearer(token),
    });
    expect(made.statusCode).toBe(201);
    const devices = await b.inject({ method: 'GET', url: '/api/missions/east/devices', ...bearer(token) });
    expect(devices.statusCode).toBe(200);
  });
});

describe('throttledRefresh', () => {
  it('reads again at most once per period, callers in between sharing the run', async () => {
    let t = 0;
    let runs = 0;
    const refresh = throttledRefresh(
      async () => {
        runs += 1;
      },
      1000,
      () => t,
    );
    await refresh();
    expect(runs).toBe(0); // just read at start
    t = 1000;
    await Promise.all([refresh(), refresh(), refresh()]);
    expect(runs).toBe(1);
    t = 1500;
    await refresh();
    expect(runs).toBe(1);
    t = 2000;
    await refresh();
    expect(runs).toBe(2);
  });
});
