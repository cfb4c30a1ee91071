import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TernStore } from '@tern/store';
import type { MissionDb } from '@tern/store';
import { MemorySyncStorage, fetchRemote, syncOnce } from '@tern/sync';
import type { SyncRequest } from '@tern/sync';
import { buildApp } from '../src/app.ts';
import { allowAll } from '../src/auth/authorize.ts';
import { testUlid } from './fixtures.ts';

// A device that gives up a pulled page (decision 228: a page asked ahead and dropped, the app locked)
// closes the connection; the server then stops reading that page from the store, chunk by chunk,
// instead of reading it to the end for nobody. Real server on a loopback port, real fetch.

let store: TernStore;
let app: FastifyInstance;
let url: string;
/** Chunk reads of the pull (each 200 changes with their winners), slowed to 40 ms each. */
let reads = 0;

beforeEach(async () => {
  store = new TernStore({ kind: 'memory', prefix: `pull-aborted-${Date.now()}-${Math.random()}` });
  const db = store.mission('demo');
  const real = db.changeListWithWinners.bind(db);
  (db as MissionDb).changeListWithWinners = async (since, limit) => {
    reads += 1;
    await new Promise((r) => setTimeout(r, 40));
    return real(since, limit);
  };
  app = await buildApp({ store, missions: ['demo'], authorize: allowAll });
  await app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/sync/demo`;
  const writer = new MemorySyncStorage();
  for (let i = 0; i < 3000; i++)
    await writer.save(`sub:${testUlid()}`, {
      type: 'submission',
      mission: 'demo',
      form: 'quick-screening@1',
      answers: { full_name: `Person ${i}`, interview_date: '2026-11-20' },
      createdAt: '2026-11-20T10:00:00.000Z',
      device: 'writer',
    });
  await syncOnce(writer, fetchRemote(url), { device: 'writer' });
});
afterEach(async () => {
  await app.close();
  await store.close();
});

const firstPull: SyncRequest = { protocol: 1, device: 'tablet', docs: [], since: null, pullLimit: 5000 };

/** POST the first pull with node:http and close the socket once `after` bytes of the answer arrived (as a browser does on abort). */
function pullThenHangUp(after: number): Promise<number> {
  return new Promise((ok, fail) => {
    const body = JSON.stringify(firstPull);
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let got = 0;
      res.on('data', (b: Buffer) => {
        got += b.length;
        if (got >= after) req.destroy();
      });
      res.on('error', () => undefined);
      res.on('close', () => ok(got));
    });
    req.on('error', (e) => ((e as { code?: string }).code === 'ECONNRESET' ? undefined : fail(e)));
    req.end(body);
  });
}

describe('a pulled page the device gives up', () => {
  it('is no longer read from the store once the connection closes', async () => {
    // The whole page: 3,000 changes read 200 at a time.
    reads = 0;
    const whole = await fetchRemote(url).exchange(firstPull);
    expect(whole.changes).toHaveLength(3000);
    const full = reads;
    expect(full).toBeGreaterThanOrEqual(15);
    // The same page, the connection closed by the device once its first documents arrived.
    reads = 0;
    const got = await pullThenHangUp(1);
    expect(got).toBeGreaterThan(0);
    // Time for the whole page to be read had the server gone on (15 reads of 40 ms and more).
    await new Promise((r) => setTimeout(r, 1200));
    expect(reads).toBeLessThan(full / 2);
    // And the server holds no connection for it (the next close does not wait on it).
    const open = await new Promise<number>((done) => app.server.getConnections((_e, n) => done(n)));
    expect(open).toBeLessThanOrEqual(1); // at most the idle keep-alive of the first fetch
  });
});
