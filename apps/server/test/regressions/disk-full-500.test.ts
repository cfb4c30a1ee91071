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
/** Only the audit entry of a pull fails (the records and the push's entry are written). */
let pullAuditFails = false;

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
          (full && /^(put|create|remove)$/.test(String(k))) ||
          (pullAuditFails && /^(put|create)$/.test(String(k)) && JSON.stringify(args).includes('"sync.pull"'))
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
  pullAuditFails = false;
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

describe('a full disk when the pull is audited, the answer already compressed', () => {
  // The pull is streamed and audited at its end: the failure comes after the compression hook labelled
  // the answer gzip or br. The 503 used to keep that label over a plain body, so a device read
  // "HTTP_503 Service Unavailable" with no code and no cause (the fault campaign, seed 20261202, run 9).
  for (const encoding of ['gzip', 'br']) {
    it(`answers a readable 503 TERN_STORE_FAILED with the cause (${encoding}), and the retry is whole`, async () => {
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      const doc = submission('demo', validAnswers('Disk Full'));
      const push = () =>
        fetch(`${url}/api/sync/demo`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-encoding': encoding },
          body: JSON.stringify({ protocol: 1, device: 'dev-a', docs: [doc], since: null, pullLimit: 100 }),
        });
      pullAuditFails = true;
      const refused = await push();
      expect(refused.status).toBe(503);
      expect(refused.headers.get('content-encoding')).toBeNull();
      expect(await refused.json()).toMatchObject({
        code: 'TERN_STORE_FAILED',
        message: expect.stringMatching(/No space left on device/) as unknown,
      });
      pullAuditFails = false;
      const retried = await push();
      expect(retried.status).toBe(200);
      const body = (await retried.json()) as { results: unknown[]; changes: Array<{ _id: string }> };
      expect(body.results).toEqual([{ id: doc._id, rev: doc._rev, ok: true }]);
      expect((await inner.mission('demo').allDocs()).map((d) => d._rev)).toEqual([doc._rev]);
    });
  }
});
