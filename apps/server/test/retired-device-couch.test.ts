import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD, bearer, submission, testApp, testUlid, validAnswers } from './fixtures.ts';
import type { TestApp } from './fixtures.ts';

/**
 * A retired device at the CouchDB door (decision 221). The CouchDB API does not say which device
 * writes, so the session does: a login that names its device binds the session to it. Retiring the
 * device ends its sessions; a later login naming it (someone who knows the password, on the lost
 * tablet) is refused in the mission at every route of both doors. Callers are real accounts with real
 * sessions, the hostile member included: the retired device tries every replication route.
 */
let t: TestApp;
let admin = '';
let lost = '';
let tablet = '';
beforeEach(async () => {
  t = await testApp(['admin', 'data_officer', 'interviewer']);
  admin = await t.login('admin');
  lost = `dev-${testUlid()}`;
  tablet = await loginOn('interviewer', lost);
  expect((await register(tablet, lost)).statusCode).toBe(200);
});
afterEach(() => t.close());

async function loginOn(username: string, device?: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: PASSWORD, bearer: true, ...(device ? { device } : {}) },
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { token: string }).token;
}

const register = (token: string, deviceId: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/missions/demo/devices',
    payload: { deviceId },
    ...bearer(token),
  });

const retire = (deviceId: string) =>
  t.app.inject({
    method: 'PATCH',
    url: `/api/missions/demo/devices/${deviceId}`,
    payload: { retired: true },
    ...bearer(admin),
  });

const fresh = () => {
  const { _rev: _r, _revisions: _h, ...doc } = submission('demo', validAnswers('Hana'));
  return doc;
};

/** Every replication route a retired tablet would use, reads and writes, at the CouchDB door. */
const DIGEST = 'a'.repeat(64);
function couchCalls(id: string) {
  const forged = submission('demo', validAnswers('Forged'));
  return [
    { method: 'POST', url: '/couch/demo/_bulk_docs', payload: { docs: [fresh()] } },
    { method: 'POST', url: '/couch/demo/_bulk_docs', payload: { docs: [forged], new_edits: false } },
    { method: 'POST', url: '/couch/demo/_revs_diff', payload: { [id]: ['1-abc'] } },
    { method: 'GET', url: '/couch/demo/_changes?since=0' },
    { method: 'GET', url: '/couch/demo/_changes?feed=longpoll&since=now&timeout=1000' },
    { method: 'POST', url: '/couch/demo/_bulk_get', payload: { docs: [{ id }] } },
    { method: 'GET', url: `/couch/demo/${encodeURIComponent(id)}` },
    { method: 'GET', url: `/couch/demo/${encodeURIComponent(id)}/${DIGEST}` },
    { method: 'GET', url: '/couch/demo/_local/checkpoint' },
    { method: 'PUT', url: '/couch/demo/_local/checkpoint', payload: { last_seq: '0' } },
    { method: 'GET', url: '/couch/demo' },
  ] as const;
}

describe('a retired device at the CouchDB door', () => {
  it('replicates while the device is in service, and its live session ends (everywhere, saying why) when it is retired', async () => {
    const doc = fresh();
    const before = await t.app.inject({
      method: 'POST',
      url: '/couch/demo/_bulk_docs',
      payload: { docs: [doc] },
      ...bearer(tablet),
    });
    expect(before.statusCode).toBe(201);
    // The same account on another device keeps its session: retiring is about the tablet.
    const spare = `dev-${testUlid()}`;
    const other = await loginOn('interviewer', spare);
    const unbound = await loginOn('interviewer');

    const retired = await retire(lost);
    expect(retired.statusCode).toBe(200);
    const after = await t.app.inject({
      method: 'POST',
      url: '/couch/demo/_bulk_docs',
      payload: { docs: [fresh()] },
      ...bearer(tablet),
    });
    // The session is over, and says why: the tablet's user reads "retired", not "log in".
    expect(after.statusCode).toBe(403);
    expect(after.json()).toEqual({
      error: 'forbidden',
      reason: expect.stringMatching(/^TERN_DEVICE_RETIRED: Device dev-\w+ was retired in mission demo/),
    });
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', ...bearer(tablet) });
    expect(me.statusCode).not.toBe(200);
    const elsewhere = await t.app.inject({ method: 'GET', url: '/couch/other', ...bearer(tablet) });
    expect(elsewhere.statusCode).toBe(403);
    for (const token of [other, unbound]) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/couch/demo/_changes?since=0',
        ...bearer(token),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().results.map((r: { id: string }) => r.id)).toContain(doc._id);
    }
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit?action=device.retire',
      ...bearer(admin),
    });
    expect(audit.json().entries).toEqual([
      expect.objectContaining({ details: { device: lost, sessionsEnded: 1 } }),
    ]);
  });

  it('refuses every replication route to a new session on the retired device, and stores nothing', async () => {
    const kept = fresh();
    await t.app.inject({
      method: 'POST',
      url: '/couch/demo/_bulk_docs',
      payload: { docs: [kept] },
      ...bearer(tablet),
    });
    expect((await retire(lost)).statusCode).toBe(200);
    // Someone who knows the password logs in again on the lost tablet: the login itself succeeds (the
    // account is not disabled), but the session is bound to the retired device.
    const again = await loginOn('interviewer', lost);
    const changesBefore = (
      await t.app.inject({ method: 'GET', url: '/couch/demo/_changes?since=0', ...bearer(admin) })
    ).json().results.length as number;
    for (const call of couchCalls(kept._id)) {
      const res = await t.app.inject({ ...call, ...bearer(again) });
      expect(res.statusCode, `${call.method} ${call.url}`).toBe(403);
      expect(res.json(), `${call.method} ${call.url}`).toEqual({
        error: 'forbidden',
        reason: expect.stringMatching(/^TERN_DEVICE_RETIRED: Device dev-\w+ was retired in mission demo/),
      });
    }
    const changesAfter = (
      await t.app.inject({ method: 'GET', url: '/couch/demo/_changes?since=0', ...bearer(admin) })
    ).json().results.length as number;
    expect(changesAfter).toBe(changesBefore);
    const denied = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit?actor=interviewer&limit=1000',
      ...bearer(admin),
    });
    const reasons = (
      denied.json().entries as Array<{ details?: { reason?: string; device?: string } }>
    ).filter((e) => e.details?.reason === 'device retired' && e.details.device === lost);
    expect(reasons.length).toBeGreaterThanOrEqual(couchCalls(kept._id).length);
  });

  it('does not let the retired device slip through the compact door by naming another device', async () => {
    expect((await retire(lost)).statusCode).toBe(200);
    const again = await loginOn('interviewer', lost);
    const forgedDevice = `dev-${testUlid()}`;
    const calls = [
      {
        method: 'POST',
        url: '/api/sync/demo',
        payload: { protocol: 1, device: forgedDevice, docs: [fresh()], since: null, pullLimit: 10 },
      },
      { method: 'POST', url: '/api/missions/demo/devices', payload: { deviceId: forgedDevice } },
      {
        method: 'PUT',
        url: `/api/missions/demo/attachments/${DIGEST}`,
        payload: Buffer.from('x'),
        headers: { 'content-type': 'application/octet-stream' },
      },
    ] as const;
    for (const call of calls) {
      const auth = bearer(again).headers as Record<string, string>;
      const headers = { ...('headers' in call ? call.headers : {}), ...auth };
      const res = await t.app.inject({ ...call, headers });
      expect(res.statusCode, call.url).toBe(403);
      expect(res.json().code, call.url).toBe('TERN_DEVICE_RETIRED');
    }
    // The forged device was never registered.
    const list = await t.app.inject({ method: 'GET', url: '/api/missions/demo/devices', ...bearer(admin) });
    expect(list.json().devices.map((d: { deviceId: string }) => d.deviceId)).toEqual([lost]);
  });

  it('keeps a session bound to a device retired in one mission working in another', async () => {
    const adminTablet = `dev-${testUlid()}`;
    const bound = await loginOn('admin', adminTablet);
    expect((await register(bound, adminTablet)).statusCode).toBe(200);
    const retireOwn = await t.app.inject({
      method: 'PATCH',
      url: `/api/missions/demo/devices/${adminTablet}`,
      payload: { retired: true },
      ...bearer(admin),
    });
    expect(retireOwn.statusCode).toBe(200);
    const next = await loginOn('admin', adminTablet);
    expect((await t.app.inject({ method: 'GET', url: '/couch/demo', ...bearer(next) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/couch/other', ...bearer(next) })).statusCode).toBe(
      200,
    );
  });

  it('refuses a login that names a malformed device, with the reason', async () => {
    for (const device of ['laptop-7', `dev-${testUlid().toLowerCase()}`, 42, 'dev-'.padEnd(5000, 'A')]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'interviewer', password: PASSWORD, device },
      });
      expect([400, 413]).toContain(res.statusCode);
      if (res.statusCode === 400) expect(res.json().code).toBe('TERN_BAD_REQUEST');
    }
  });
});
