import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, bearer, submission, testApp, testUlid, validAnswers } from '../fixtures.ts';
import type { TestApp } from '../fixtures.ts';

/**
 * Issue 11, item 6: any member could overwrite another device's sync status by pushing with its
 * device id ("0 waiting" shown to the officer for a tablet that holds 42). Device ids are now bound
 * to the accounts registered on the device; another account's push is stored but changes nothing in
 * the device's status. A second account on a shared tablet joins with the device's secret.
 */
let t: TestApp;
const tokens: Record<string, string> = {};
const deviceId = `dev-${testUlid()}`;
let deviceSecret: string;

beforeAll(async () => {
  t = await testApp(['interviewer', 'data_officer']);
  await t.accounts.create(
    { username: 'mallory', password: PASSWORD, role: 'interviewer', missions: ['demo'] },
    'test',
  );
  for (const who of ['interviewer', 'data_officer', 'mallory']) tokens[who] = await t.login(who);
});
afterAll(async () => t.close());

const register = (who: string, secret?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/missions/demo/devices',
    payload: { deviceId, ...(secret ? { deviceSecret: secret } : {}) },
    ...bearer(tokens[who]!),
  });
const sync = (who: string, waiting: number, docs = [submission('demo', validAnswers('A'))]) =>
  t.app.inject({
    method: 'POST',
    url: '/api/sync/demo',
    payload: { protocol: 1, device: deviceId, docs, since: null, pullLimit: 0, waiting },
    ...bearer(tokens[who]!),
  });
const picture = async () =>
  (
    await t.app.inject({ method: 'GET', url: '/api/missions/demo/devices', ...bearer(tokens.data_officer!) })
  ).json().devices[0];

describe('a device’s sync status belongs to the accounts on the device', () => {
  it('hands the secret to the first registration only', async () => {
    const first = await register('interviewer');
    expect(first.statusCode).toBe(200);
    deviceSecret = first.json().deviceSecret;
    expect(deviceSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await register('interviewer');
    expect(again.json()).toEqual({ deviceId, number: first.json().number });
    expect((await sync('interviewer', 42)).statusCode).toBe(200);
  });

  it('stores another account’s push under the id but keeps the device’s status', async () => {
    const forged = await sync('mallory', 0);
    expect(forged.statusCode).toBe(200);
    expect(forged.json().results[0]).toMatchObject({ ok: true }); // the records are never lost
    expect(await picture()).toMatchObject({
      waiting: 42,
      lastSyncBy: 'interviewer',
      accounts: ['interviewer'],
    });
  });

  it('refuses another account registering the device without its secret', async () => {
    const res = await register('mallory');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('TERN_DEVICE_NOT_YOURS');
    expect((await register('mallory', 'not-the-secret')).statusCode).toBe(403);
  });

  it('lets a second account on the same tablet join with the secret, and the officer sees both', async () => {
    const res = await register('mallory', deviceSecret);
    expect(res.statusCode).toBe(200);
    expect(res.json().deviceSecret).toBeUndefined();
    await sync('mallory', 3);
    expect(await picture()).toMatchObject({
      waiting: 3,
      lastSyncBy: 'mallory',
      accounts: ['interviewer', 'mallory'],
    });
  });
});
