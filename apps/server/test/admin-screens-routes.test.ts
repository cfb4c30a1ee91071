import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD, bearer, submission, testApp, testUlid, validAnswers } from './fixtures.ts';
import type { TestApp } from './fixtures.ts';

/**
 * The routes behind the admin screens (issue 16): devices named, renamed and retired; missions
 * renamed; form versions retired; the audit log by date. Callers are real accounts, hostile ones
 * included: permitted roles trying what the table does not let them do.
 */
let t: TestApp;
let admin = '';
let officer = '';
let interviewer = '';
beforeEach(async () => {
  t = await testApp(['admin', 'data_officer', 'interviewer']);
  await t.accounts.create(
    { username: 'far-officer', password: PASSWORD, role: 'data_officer', missions: ['other'] },
    'test',
  );
  [admin = '', officer = '', interviewer = ''] = await Promise.all(
    ['admin', 'data_officer', 'interviewer'].map((u) => t.login(u)),
  );
});
afterEach(() => t.close());

const as = (token: string) => bearer(token);
const register = (token: string, deviceId: string, mission = 'demo', name?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/missions/${mission}/devices`,
    payload: { deviceId, ...(name !== undefined ? { name } : {}) },
    ...as(token),
  });
const patchDevice = (token: string, deviceId: string, payload: object, mission = 'demo') =>
  t.app.inject({
    method: 'PATCH',
    url: `/api/missions/${mission}/devices/${deviceId}`,
    payload,
    ...as(token),
  });
const sync = (token: string, device: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/sync/demo',
    payload: {
      protocol: 1,
      device,
      docs: [submission('demo', validAnswers('A'))],
      since: null,
      pullLimit: 10,
    },
    ...as(token),
  });
const devices = async (token: string) =>
  (await t.app.inject({ method: 'GET', url: '/api/missions/demo/devices', ...as(token) })).json()
    .devices as Array<Record<string, unknown>>;

describe('devices: named, renamed, retired', () => {
  it('keeps the name chosen at registration and lets the officer rename it', async () => {
    const id = `dev-${testUlid()}`;
    expect((await register(interviewer, id, 'demo', '  Chromium on Android ')).statusCode).toBe(200);
    expect(await devices(officer)).toEqual([
      expect.objectContaining({ deviceId: id, name: 'Chromium on Android' }),
    ]);
    const renamed = await patchDevice(officer, id, { name: 'Tablet 2' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().device).toMatchObject({ name: 'Tablet 2', retired: false });
    // Its own user may name it again (from the device); another member of the mission may not.
    await register(interviewer, id, 'demo', 'My tablet');
    expect((await devices(admin))[0]).toMatchObject({ name: 'My tablet' });
    await t.accounts.create(
      { username: 'iv2', password: PASSWORD, role: 'interviewer', missions: ['demo'] },
      'test',
    );
    const other = await register(await t.login('iv2'), id, 'demo', 'Stolen');
    expect(other.json().code).toBe('TERN_DEVICE_NOT_YOURS');
    expect((await devices(admin))[0]).toMatchObject({ name: 'My tablet' });
  });

  it('refuses the next sync of a retired device with TERN_DEVICE_RETIRED and stores nothing', async () => {
    const id = `dev-${testUlid()}`;
    await register(interviewer, id);
    expect((await sync(interviewer, id)).statusCode).toBe(200);
    expect((await patchDevice(admin, id, { retired: true })).json().device.retired).toBe(true);
    const refused = await sync(interviewer, id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'TERN_DEVICE_RETIRED' });
    expect(refused.json().message).toMatch(/sign in on a registered device/);
    // Registering it again does not bring it back, and it cannot be un-retired by a rename.
    expect((await register(interviewer, id)).json().code).toBe('TERN_DEVICE_RETIRED');
    await patchDevice(admin, id, { name: 'Back?' });
    expect((await sync(interviewer, id)).statusCode).toBe(403);
    // Another device of the same user still syncs.
    const other = `dev-${testUlid()}`;
    await register(interviewer, other);
    expect((await sync(interviewer, other)).statusCode).toBe(200);
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit?action=device.retire',
      ...as(admin),
    });
    expect(audit.json().entries).toEqual([
      expect.objectContaining({ actor: 'admin', mission: 'demo', details: { device: id, sessionsEnded: 0 } }),
    ]);
  });

  it('lets neither an interviewer nor another mission’s officer rename or retire a device', async () => {
    const id = `dev-${testUlid()}`;
    await register(interviewer, id);
    expect((await patchDevice(interviewer, id, { retired: true })).statusCode).toBe(403);
    const far = await t.login('far-officer');
    const res = await patchDevice(far, id, { retired: true });
    expect(res.statusCode).toBe(403);
    // The device's own mission in the URL does not help either, and the device syncs on.
    expect((await patchDevice(far, id, { retired: true }, 'other')).json().code).toBe('TERN_NOT_FOUND');
    expect((await sync(interviewer, id)).statusCode).toBe(200);
  });

  it('refuses bad device changes with a reason', async () => {
    const id = `dev-${testUlid()}`;
    await register(interviewer, id);
    const cases: Array<[object, RegExp]> = [
      [{}, /give a name, or retired: true/],
      [{ name: '' }, /cannot be empty/],
      [{ name: 'x'.repeat(61) }, /at most 60/],
      [{ retired: false }, /retired/],
      [{ name: 'a', owner: 'me' }, /owner/],
    ];
    for (const [payload, why] of cases) {
      const res = await patchDevice(admin, id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toMatch(why);
    }
    expect((await patchDevice(admin, 'dev-nope', { name: 'a' })).statusCode).toBe(400);
    expect((await patchDevice(admin, `dev-${testUlid()}`, { name: 'a' })).statusCode).toBe(404);
  });
});

describe('missions renamed', () => {
  it('renames a mission for admins only, keeps the id, and audits the old and new names', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/missions/demo',
      payload: { name: 'Demo field office' },
      ...as(admin),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().mission).toMatchObject({ id: 'demo', name: 'Demo field office' });
    const denied = await t.app.inject({
      method: 'PATCH',
      url: '/api/missions/demo',
      payload: { name: 'Mine' },
      ...as(officer),
    });
    expect(denied.statusCode).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/api/missions/nope',
          payload: { name: 'x' },
          ...as(admin),
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/api/missions/demo',
          payload: { name: '  ' },
          ...as(admin),
        })
      ).statusCode,
    ).toBe(400);
    const list = (await t.app.inject({ method: 'GET', url: '/api/missions', ...as(admin) })).json().missions;
    expect(list.find((m: { id: string }) => m.id === 'demo').name).toBe('Demo field office');
    const audit = (
      await t.app.inject({ method: 'GET', url: '/api/admin/audit?action=mission.rename', ...as(admin) })
    ).json();
    expect(audit.entries[0].details).toEqual({ from: 'demo', to: 'Demo field office' });
  });
});

describe('form versions retired', () => {
  it('marks a version retired in the list, audits it once, and still accepts its records', async () => {
    const retire = (token: string, key: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/admin/forms/${encodeURIComponent(key)}/retire`,
        ...as(token),
      });
    expect((await retire(officer, 'screening@1')).statusCode).toBe(403);
    expect((await retire(admin, 'nope@9')).statusCode).toBe(404);
    const res = await retire(admin, 'screening@1');
    expect(res.statusCode).toBe(200);
    expect(res.json().form).toMatchObject({ key: 'screening@1', retired: true });
    expect((await retire(admin, 'screening@1')).statusCode).toBe(200);
    const list = (await t.app.inject({ method: 'GET', url: '/api/forms', ...as(interviewer) })).json().forms;
    expect(list.find((f: { key: string }) => f.key === 'screening@1')).toMatchObject({ retired: true });
    expect(list.find((f: { key: string }) => f.key === 'quick-screening@1')).toMatchObject({
      retired: false,
    });
    const audit = (
      await t.app.inject({ method: 'GET', url: '/api/admin/audit?action=form.retire', ...as(admin) })
    ).json();
    expect(audit.entries).toHaveLength(1);
    // A draft begun before the retirement still syncs (submission() fills a built-in form).
    const id = `dev-${testUlid()}`;
    await register(interviewer, id);
    const pushed = await sync(interviewer, id);
    expect(pushed.statusCode).toBe(200);
    expect(pushed.json().results).toEqual([expect.objectContaining({ ok: true })]);
  });
});

describe('accounts: hostile permitted callers', () => {
  const patchUser = (token: string, username: string, payload: object) =>
    t.app.inject({ method: 'PATCH', url: `/api/users/${username}`, payload, ...as(token) });
  it('a data officer cannot create an admin, nor disable themselves, nor an interviewer of another mission', async () => {
    const mk = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'sneaky', password: PASSWORD, role: 'admin', missions: [] },
      ...as(officer),
    });
    expect(mk.statusCode).toBe(403);
    expect((await patchUser(officer, 'data_officer', { disabled: true })).statusCode).toBeGreaterThanOrEqual(
      400,
    );
    const far = await t.login('far-officer');
    expect((await patchUser(far, 'interviewer', { disabled: true })).statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'interviewer', password: PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('an admin cannot disable or demote their own account; disabling another ends its sync', async () => {
    const self = await patchUser(admin, 'admin', { disabled: true });
    expect(self.statusCode).toBe(400);
    expect(self.json().message).toMatch(/your own account/);
    expect((await patchUser(admin, 'admin', { role: 'interviewer', missions: ['demo'] })).statusCode).toBe(
      400,
    );
    const id = `dev-${testUlid()}`;
    await register(interviewer, id);
    expect((await patchUser(officer, 'interviewer', { disabled: true })).statusCode).toBe(200);
    expect((await sync(interviewer, id)).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'interviewer', password: PASSWORD },
    });
    expect(login.statusCode).toBe(401);
  });
});

describe('audit log by date', () => {
  it('filters by a date range and refuses a reversed or malformed one', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const q = (query: string) =>
      t.app.inject({ method: 'GET', url: `/api/admin/audit?${query}`, ...as(admin) });
    const now = (await q(`from=${today}&to=${today}&action=login`)).json().entries;
    expect(now.length).toBeGreaterThanOrEqual(3);
    expect((await q(`to=2000-01-01&action=login`)).json().entries).toEqual([]);
    expect((await q(`from=2999-01-01`)).json()).toEqual({ entries: [], cursor: null });
    const reversed = await q('from=2026-12-02&to=2026-12-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().message).toMatch(/from must not be after to/);
    expect((await q('from=yesterday')).statusCode).toBe(400);
    expect((await q('from=2026-02-31')).statusCode).toBe(400);
  });
});
