import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TernStore } from '@tern/store';
import type { ServerStore } from '@tern/store';
import { buildApp } from '../../src/app.ts';
import { allowAll } from '../../src/auth/authorize.ts';
import { submission, validAnswers } from '../fixtures.ts';

/**
 * Found by the fault campaign (issue 19, `npm run soak -- --seed 2`, run 1): with the disk full, a push
 * whose records were written but whose audit entry was not answered 500 "Internal error". LevelDB's IO
 * errors carry no CouchDB status, so the store passes them on unchanged and the error handler took them
 * for a bug. A full disk is the store's trouble: 503 TERN_STORE_FAILED with the cause, which devices
 * retry, and once space is freed the retry stores each record once.
 */
let inner: TernStore;
let app: FastifyInstance;
let full = false;

const diskFull = () =>
  Object.assign(new Error('IO error: /data/system/000042.log: No space left on device'), { code: 'ENOSPC' });

/** A store whose system and bookkeeping databases fail every write while `full` (mission writes pass). */
function fillable(store: TernStore): ServerStore {
  const guard = <T extends object>(db: T): T =>
    new Proxy(db, {
      get(t, k) {
        const v = Reflect.get(t, k) as unknown;
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) =>
          full && /^(put|create|remove)$/.test(String(k))
            ? Promise.reject(diskFull())
            : (v as (...a: unknown[]) => unknown).apply(t, args);
      },
    });
  return new Proxy(store, {
    get(t, k) {
      const v = Reflect.get(t, k) as unknown;
      if (typeof v !== 'function') return v;
      if (k === 'system' || k === 'ops')
        return (...a: unknown[]) => guard((v as (...x: unknown[]) => object).apply(t, a));
      return (v as (...x: unknown[]) => unknown).bind(t);
    },
  });
}

beforeEach(async () => {
  full = false;
  inner = new TernStore({ kind: 'memory', prefix: `disk-full-${Date.now()}-${Math.random()}` });
  app = await buildApp({ store: fillable(inner), missions: ['demo'], authorize: allowAll });
});
afterEach(async () => {
  await app.close();
  await inner.close();
});

describe('a full disk during a push', () => {
  it('is answered 503 TERN_STORE_FAILED with the cause on the compact door, and the retry stores the record once', async () => {
    const doc = submission('demo', validAnswers('Disk Full'));
    const push = () =>
      app.inject({
        method: 'POST',
        url: '/api/sync/demo',
        payload: { protocol: 1, device: 'dev-a', docs: [doc], since: null, pullLimit: 100 },
      });
    full = true;
    const refused = await push();
    expect(refused.statusCode, refused.body).toBe(503);
    expect(refused.json()).toMatchObject({
      code: 'TERN_STORE_FAILED',
      message: expect.stringMatching(/No space left on device/) as unknown,
    });
    full = false;
    const retried = await push();
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ results: [{ id: doc._id, rev: doc._rev, ok: true }] });
    expect(await inner.mission('demo').docCount()).toBe(1);
    expect((await inner.mission('demo').allDocs()).map((d) => d._rev)).toEqual([doc._rev]);
  });

  it('is answered 503 service_unavailable on the CouchDB door', async () => {
    full = true;
    const res = await app.inject({
      method: 'POST',
      url: '/couch/demo/_bulk_docs',
      payload: { docs: [submission('demo', validAnswers('Disk Full'))], new_edits: false },
    });
    expect(res.statusCode, res.body).toBe(503);
    expect(res.json()).toMatchObject({
      error: 'service_unavailable',
      reason: expect.stringMatching(/No space/) as unknown,
    });
  });
});
