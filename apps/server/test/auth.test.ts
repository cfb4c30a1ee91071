import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import { createAdmin } from '../src/cli/create-admin.ts';
import { DEMO_USERS, seedDemo } from '../src/seed/demo.ts';
import { Accounts } from '../src/auth/accounts.ts';
import { buildApp } from '../src/app.ts';
import { hashPassword, verifyPassword } from '../src/auth/password.ts';
import { PASSWORD, bearer, testApp } from './fixtures.ts';
import type { TestApp } from './fixtures.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const login = (app: TestApp['app'], username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('login and sessions', () => {
  it('sets an HttpOnly SameSite=Strict session cookie that the API accepts', async () => {
    t = await testApp(['interviewer']);
    const res = await login(t.app, 'interviewer', PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookies = [res.headers['set-cookie'] ?? []].flat();
    const cookie = cookies.find((c) => c.startsWith('tern_session='))!;
    expect(cookie).toMatch(/^tern_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(res.json()).toMatchObject({
      user: { username: 'interviewer', role: 'interviewer', missions: ['demo'] },
    });
    expect(res.json().token).toBeUndefined(); // the PWA never sees its token
    expect(Object.keys(res.json().deviceKeys)).toEqual(['demo']);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(me.json()).toMatchObject({ user: { username: 'interviewer' } });
  });

  it('refuses a wrong password and an unknown account with the same answer, and audits both', async () => {
    t = await testApp(['interviewer', 'admin']);
    const wrong = await login(t.app, 'interviewer', 'not the password');
    const unknown = await login(t.app, 'nobody', 'not the password');
    for (const r of [wrong, unknown]) {
      expect(r.statusCode).toBe(401);
      expect(r.json()).toMatchObject({ code: 'TERN_AUTH_FAILED', message: 'Wrong username or password' });
    }
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit?action=login',
      ...bearer(await t.login('admin')),
    });
    const entries = audit.json().entries as Array<{ actor: string | null; outcome: string }>;
    expect(entries.map((e) => [e.actor, e.outcome])).toEqual([
      ['admin', 'ok'],
      [null, 'failed'], // an unknown name is not written down: people type passwords there
      ['interviewer', 'failed'],
    ]);
  });

  it('rate-limits login attempts per client address', async () => {
    t = await testApp(['interviewer'], { login: { max: 3, timeWindowMs: 60_000 } });
    const codes: number[] = [];
    for (let i = 0; i < 5; i += 1) codes.push((await login(t.app, 'interviewer', 'guess-' + i)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    const limited = await login(t.app, 'interviewer', PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'TERN_RATE_LIMITED' });
    expect(limited.json().message).toMatch(/Too many attempts/);
    // Another address is not affected.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'interviewer', password: PASSWORD },
      remoteAddress: '10.0.0.9',
    });
    expect(other.statusCode).toBe(200);
  });

  it('refuses an expired session with TERN_AUTH_EXPIRED, and logout ends a session at once', async () => {
    let clock = Date.parse('2026-12-01T08:00:00Z');
    t = await testApp(['interviewer'], { now: () => clock, sessionTtlMs: 3600_000 });
    const token = await t.login('interviewer');
    const sync = () =>
      t!.app.inject({
        method: 'POST',
        url: '/api/sync/demo',
        payload: { protocol: 1, device: 'd', docs: [], since: null, pullLimit: 1 },
        ...bearer(token),
      });
    expect((await sync()).statusCode).toBe(200);
    clock += 3600_000 - 1;
    expect((await sync()).statusCode).toBe(200);
    clock += 1;
    const expired = await sync();
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'TERN_AUTH_EXPIRED' });
    expect(expired.json().message).toMatch(/expired/);

    const fresh = await t.login('interviewer');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', ...bearer(fresh) });
    expect(out.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', ...bearer(fresh) });
    expect(after.statusCode).toBe(401);
  });

  it('ends the sessions of an account when it is disabled or its password changes', async () => {
    t = await testApp(['interviewer', 'data_officer']);
    const iv = await t.login('interviewer');
    const officer = await t.login('data_officer');
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/users/interviewer',
      payload: { disabled: true },
      ...bearer(officer),
    });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', ...bearer(iv) })).statusCode).toBe(401);
    expect((await login(t.app, 'interviewer', PASSWORD)).statusCode).toBe(401);
  });

  it('lets an account change its own password, which ends its sessions', async () => {
    t = await testApp(['interviewer']);
    const token = await t.login('interviewer');
    const change = (body: object, auth = bearer(token)) =>
      t!.app.inject({ method: 'POST', url: '/api/auth/password', payload: body, ...auth });
    expect((await change({ current: 'wrong one', next: 'a new password 2' })).json()).toMatchObject({
      code: 'TERN_AUTH_FAILED',
    });
    expect((await change({ current: PASSWORD, next: 'short' })).statusCode).toBe(400);
    expect((await change({ current: PASSWORD, next: 'a new password 2' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', ...bearer(token) })).statusCode).toBe(
      401,
    );
    expect((await login(t.app, 'interviewer', PASSWORD)).statusCode).toBe(401);
    expect((await login(t.app, 'interviewer', 'a new password 2')).statusCode).toBe(200);
    const anon = await t.app.inject({ method: 'POST', url: '/api/auth/password', payload: {} });
    expect(anon.statusCode).toBe(401);
  });

  it('stores scrypt hashes, never the password', async () => {
    const h = await hashPassword('a long password');
    expect(h).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(h).not.toContain('a long password');
    expect(await verifyPassword('a long password', h)).toBe(true);
    expect(await verifyPassword('a long passworD', h)).toBe(false);
  });
});

describe('accounts and missions', () => {
  it('lets a data officer create interviewers of their mission only, never officers or admins', async () => {
    t = await testApp(['data_officer']);
    const auth = bearer(await t.login('data_officer'));
    const create = (body: object) =>
      t!.app.inject({ method: 'POST', url: '/api/users', payload: body, ...auth });
    const ok = await create({ username: 'iv2', password: PASSWORD, role: 'interviewer', missions: ['demo'] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().user).toEqual(expect.not.objectContaining({ passwordHash: expect.anything() }));
    const other = await create({
      username: 'iv3',
      password: PASSWORD,
      role: 'interviewer',
      missions: ['other'],
    });
    expect(other.statusCode).toBe(403);
    const both = await create({
      username: 'iv4',
      password: PASSWORD,
      role: 'interviewer',
      missions: ['demo', 'other'],
    });
    expect(both.statusCode).toBe(403);
    const officer = await create({
      username: 'do2',
      password: PASSWORD,
      role: 'data_officer',
      missions: ['demo'],
    });
    expect(officer.statusCode).toBe(403);
    expect(officer.json().message).toMatch(/may not manage data_officer accounts/);
    const admin = await create({ username: 'ad2', password: PASSWORD, role: 'admin' });
    expect(admin.statusCode).toBe(403);
    const short = await create({
      username: 'iv5',
      password: 'short',
      role: 'interviewer',
      missions: ['demo'],
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toMatch(/password: at least 10/);
    expect(short.body).not.toContain('short"');
  });

  it('lets an admin create a mission and its data officer, who can then sync it', async () => {
    t = await testApp(['admin']);
    const auth = bearer(await t.login('admin'));
    const m = await t.app.inject({ method: 'POST', url: '/api/missions', payload: { id: 'north' }, ...auth });
    expect(m.statusCode).toBe(201);
    expect(m.body).not.toMatch(/deviceKey/);
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/missions',
      payload: { id: 'north' },
      ...auth,
    });
    expect(dup.json()).toMatchObject({ code: 'TERN_CONFLICT' });
    const u = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'north-officer', password: PASSWORD, role: 'data_officer', missions: ['north'] },
      ...auth,
    });
    expect(u.statusCode).toBe(201);
    const token = await t.login('north-officer');
    const sync = await t.app.inject({
      method: 'POST',
      url: '/api/sync/north',
      payload: { protocol: 1, device: 'd', docs: [], since: null, pullLimit: 1 },
      ...bearer(token),
    });
    expect(sync.statusCode).toBe(200);
  });

  it('creates the first admin only through the CLI function, never through an open route', async () => {
    t = await testApp([]);
    const open = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'root', password: PASSWORD, role: 'admin' },
    });
    expect(open.statusCode).toBe(401);
    await createAdmin(t.store, 'root', PASSWORD);
    expect((await t.login('root')).length).toBe(43);
    await expect(createAdmin(t.store, 'root', PASSWORD)).rejects.toThrow(/exists/);
    await expect(createAdmin(t.store, 'x', 'short')).rejects.toThrow(/username/);
  });

  it('seeds the demo mission and one account per role, idempotently', async () => {
    const store = new TernStore({ kind: 'memory', prefix: `seed-${Date.now()}` });
    expect(await seedDemo(store)).toEqual(DEMO_USERS.map((u) => u.username));
    expect(await seedDemo(store)).toEqual([]);
    const app = await buildApp({ store });
    for (const u of DEMO_USERS) {
      const res = await login(app as TestApp['app'], u.username, u.password);
      expect(res.json().user).toMatchObject({ role: u.role });
    }
    // The demo researcher is granted every mission, so the dashboard shows the demo's cases.
    expect((await new Accounts(store.system(), Date.now).get('researcher'))?.researchGrant).toMatchObject({
      all: true,
    });
    // Kenya's profile: published edition 1, and the three accounts with one role each on KEN.
    expect((await store.profile('KEN').get('profile:KEN:1'))?.edition).toMatchObject({ status: 'published' });
    expect((await new Accounts(store.system(), Date.now).get('national'))?.profileGrants?.grants).toEqual([
      { country: 'KEN', role: 'team' },
    ]);
    await app.close();
    await store.close();
    // Eight accounts: eight password hashes and eight logins, each scrypt by design (slow on a loaded machine).
  }, 90_000);
});

describe('headers and limits', () => {
  it('sends the app shell a CSP that allows only the app itself, and other helmet headers', async () => {
    const web = mkdtempSync(join(tmpdir(), 'tern-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Tern</title>');
    t = await testApp([], { webDist: web });
    const res = await t.app.inject({ method: 'GET', url: '/' });
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe|https:|\*/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('limits the decompressed size of a gzip body, not only the bytes on the wire', async () => {
    t = await testApp(['admin'], { bodyLimit: 1024 * 1024 });
    const { gzipSync } = await import('node:zlib');
    const bomb = gzipSync(
      JSON.stringify({
        protocol: 1,
        device: 'd',
        docs: [],
        since: null,
        pullLimit: 1,
        pad: 'x'.repeat(4 << 20),
      }),
    );
    expect(bomb.length).toBeLessThan(10_000);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/sync/demo',
      payload: bomb,
      headers: {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        ...bearer(await t.login('admin')).headers,
      },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'TERN_PAYLOAD_TOO_LARGE' });
  });

  it('refuses an oversized login body and a malformed query', async () => {
    t = await testApp(['admin']);
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'x'.repeat(10_000) },
    });
    expect(big.statusCode).toBe(413);
    const q = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit?limit=0',
      ...bearer(await t.login('admin')),
    });
    expect(q.statusCode).toBe(400);
    expect(q.json().message).toMatch(/limit/);
  });
});

describe('audit log', () => {
  it('pages newest first with a cursor, filters, and has no route that changes it', async () => {
    t = await testApp(['admin', 'interviewer']);
    const admin = bearer(await t.login('admin'));
    for (let i = 0; i < 3; i += 1) await t.login('interviewer');
    const get = (q: string) => t!.app.inject({ method: 'GET', url: `/api/admin/audit?${q}`, ...admin });
    const first = (await get('action=login&limit=2')).json();
    expect(first.entries.map((e: { actor: string }) => e.actor)).toEqual(['interviewer', 'interviewer']);
    const second = (await get(`action=login&limit=10&cursor=${encodeURIComponent(first.cursor)}`)).json();
    expect(second.entries.map((e: { actor: string }) => e.actor)).toEqual(['interviewer', 'admin']);
    const at = [...first.entries, ...second.entries].map((e: { at: string }) => e.at);
    expect([...at].sort().reverse()).toEqual(at);
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST'] as const) {
      const res = await t.app.inject({ method, url: '/api/admin/audit', payload: {}, ...admin });
      expect(res.statusCode).toBe(404);
    }
  });
});
