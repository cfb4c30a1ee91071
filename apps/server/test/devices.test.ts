import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TernStore } from '@tern/store';
import { buildApp } from '../src/app.ts';
import { allowAll } from '../src/auth/authorize.ts';
import { submission, testUlid, validAnswers } from './fixtures.ts';

let store: TernStore;
let app: FastifyInstance;
beforeEach(async () => {
  store = new TernStore({ kind: 'memory', prefix: `devices-${Date.now()}-${Math.random()}` });
  app = await buildApp({ store, missions: ['demo', 'north'], authorize: allowAll });
});
afterEach(async () => {
  await app.close();
  await store.close();
});

const register = (deviceId: string, mission = 'demo') =>
  app.inject({ method: 'POST', url: `/api/missions/${mission}/devices`, payload: { deviceId } });

describe('device registration and the sync picture', () => {
  it('gives every device of a mission its own number, even when they register at the same time', async () => {
    const ids = Array.from({ length: 20 }, () => `dev-${testUlid()}`);
    const numbers = (await Promise.all(ids.map((id) => register(id)))).map((r) => r.json().number as number);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Registering again returns the same number; another mission counts on its own.
    expect((await register(ids[3]!)).json().number).toBe(numbers[3]);
    expect((await register(`dev-${testUlid()}`, 'north')).json().number).toBe(1);
  });

  it('refuses a malformed device id with a reason', async () => {
    const res = await register('laptop-7');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/deviceId must be dev-<ULID>/);
  });

  it('shows each device’s last sync and the records it still holds', async () => {
    const deviceId = `dev-${testUlid()}`;
    await register(deviceId);
    const doc = submission('demo', validAnswers('A'));
    await app.inject({
      method: 'POST',
      url: '/api/sync/demo',
      payload: { protocol: 1, device: deviceId, docs: [doc], since: null, pullLimit: 10, waiting: 4 },
    });
    const picture = (await app.inject({ method: 'GET', url: '/api/missions/demo/devices' })).json();
    expect(picture.devices).toEqual([
      expect.objectContaining({ deviceId, number: 1, waiting: 4, lastRejected: 0 }),
    ]);
    expect(Date.parse(picture.devices[0].lastSyncAt)).toBeGreaterThan(Date.now() - 60_000);
  });
});
