import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { TernStore } from '@tern/store';
import { edit, submission, validAnswers } from './fixtures.ts';
import { call, couchApp } from './couch-support.ts';

let ctx: Awaited<ReturnType<typeof couchApp>>;
let app: FastifyInstance;
let store: TernStore;
beforeEach(async () => {
  ctx = await couchApp();
  app = ctx.app;
  store = ctx.store;
});
afterEach(() => ctx.close());

describe('GET /couch/:db/_changes (feed=normal)', () => {
  it('pages with since and limit, oldest first, last_seq the checkpoint', async () => {
    const docs = ['A', 'B', 'C'].map((n) => submission('demo', validAnswers(n)));
    await store.mission('demo').writeReplicated(docs);
    const first = await call(app, 'GET', '/couch/demo/_changes?limit=2');
    expect(first.status).toBe(200);
    expect(first.json.results.map((c: { id: string }) => c.id)).toEqual([docs[0]!._id, docs[1]!._id]);
    const rest = await call(app, 'GET', `/couch/demo/_changes?since=${first.json.last_seq}&limit=2`);
    expect(rest.json.results.map((c: { id: string }) => c.id)).toEqual([docs[2]!._id]);
    const none = await call(app, 'GET', `/couch/demo/_changes?since=${rest.json.last_seq}`);
    expect(none.json).toEqual({ results: [], last_seq: rest.json.last_seq });
  });

  it('lists every leaf with style=all_docs, marks deletions, and includes docs on request', async () => {
    const base = submission('demo', validAnswers('Amina'));
    const left = edit(base, { answers: validAnswers('L') });
    const right = edit(base, { answers: validAnswers('R') });
    const gone = submission('demo', validAnswers('Gone'));
    const tomb = { ...edit(gone, {}), _deleted: true };
    await store.mission('demo').writeReplicated([base, left, right, gone, tomb]);
    const main = await call(app, 'GET', '/couch/demo/_changes');
    const byId = new Map(main.json.results.map((c: { id: string }) => [c.id, c]));
    expect((byId.get(base._id) as { changes: unknown[] }).changes).toHaveLength(1);
    expect(byId.get(gone._id)).toMatchObject({ deleted: true });
    const all = await call(
      app,
      'GET',
      '/couch/demo/_changes?style=all_docs&include_docs=true&conflicts=true',
    );
    const entry = all.json.results.find((c: { id: string }) => c.id === base._id);
    expect(entry.changes.map((c: { rev: string }) => c.rev).sort()).toEqual([left._rev, right._rev].sort());
    expect(entry.doc._conflicts).toHaveLength(1);
  });

  it('answers 400 for queries it cannot honour', async () => {
    const bad: Array<[string, RegExp]> = [
      ['since=abc', /since: must be 'now' or an update sequence/],
      ['limit=0', /limit/],
      ['limit=20000', /limit/],
      ['feed=continuous', /feed: must be 'normal' or 'longpoll'/],
      ['style=weird', /style/],
      ['filter=_doc_ids', /filters are not supported/],
      ['descending=true', /descending is not supported/],
      ['timeout=soon', /timeout: must be milliseconds/],
      ['include_docs=yes', /include_docs/],
    ];
    for (const [query, reason] of bad) {
      const res = await call(app, 'GET', `/couch/demo/_changes?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.json, query).toEqual({ error: 'bad_request', reason: expect.stringMatching(reason) });
    }
  });
});

describe("a CouchDB cluster's opaque sequence at a server on the embedded store", () => {
  it('answers 400 saying so, instead of an empty page a replicator would take for up to date', async () => {
    await store.mission('demo').writeReplicated([submission('demo', validAnswers('Amina'))]);
    const opaque = '12-g1AAAAFteJzLYWBgYMpgTmHgzcvPy09JdcjLz8gvLsnJTNQrSS0uSS1K1cvLzEvMS0nVy0tNzs8lQxbQBgA';
    for (const feed of ['normal', 'longpoll']) {
      const res = await call(app, 'GET', `/couch/demo/_changes?since=${opaque}&feed=${feed}&timeout=50`);
      expect(res.status, feed).toBe(400);
      expect(res.json, feed).toEqual({
        error: 'bad_request',
        reason: expect.stringMatching(/CouchDB cluster's update sequence.*numbers.*replicate again from 0/),
      });
    }
    // Its own sequences still page as before.
    const own = await call(app, 'GET', '/couch/demo/_changes?since=0');
    expect(own.json.results).toHaveLength(1);
  });
});

describe('GET /couch/:db/_changes?feed=longpoll', () => {
  it('answers at once when changes wait, and an empty page after the timeout otherwise', async () => {
    await store.mission('demo').writeReplicated([submission('demo', validAnswers('A'))]);
    const ready = await call(app, 'GET', '/couch/demo/_changes?feed=longpoll&timeout=5000');
    expect(ready.json.results).toHaveLength(1);
    const t0 = Date.now();
    const idle = await call(
      app,
      'GET',
      `/couch/demo/_changes?feed=longpoll&since=${ready.json.last_seq}&timeout=150`,
    );
    expect(idle.json).toEqual({ results: [], last_seq: ready.json.last_seq });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    const beat = await call(app, 'GET', `/couch/demo/_changes?feed=longpoll&since=now&heartbeat=100`);
    expect(beat.json.results).toEqual([]);
  });

  it('wakes up when a change arrives while it waits', async () => {
    const since = (await store.mission('demo').info()).updateSeq;
    const doc = submission('demo', validAnswers('Late'));
    const t0 = Date.now();
    const pending = call(app, 'GET', `/couch/demo/_changes?feed=longpoll&since=${since}&timeout=10000`);
    setTimeout(() => void store.mission('demo').writeReplicated([doc]), 100);
    const res = await pending;
    expect(res.json.results.map((c: { id: string }) => c.id)).toEqual([doc._id]);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('lets the server close while a longpoll waits', async () => {
    const pending = app.inject({
      method: 'GET',
      url: '/couch/demo/_changes?feed=longpoll&since=now&timeout=60000',
    });
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    await app.close();
    const res = await pending;
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(res.json().results).toEqual([]);
  });

  it('ends at once a longpoll that starts waiting after shutdown began', async () => {
    // The request has been admitted and is reading its first page when close() aborts the held
    // feeds: its own feed is then handed an already-aborted signal, which must end it at once, not
    // after the 60 s timeout (a loaded machine made this race happen).
    const db = store.mission('demo');
    const original = db.couchChanges.bind(db);
    let closing: Promise<void> | undefined;
    db.couchChanges = async (o) => {
      if (!closing) {
        closing = app.close();
        await new Promise((r) => setTimeout(r, 200)); // preClose has aborted every feed by now
      }
      return original(o);
    };
    const t0 = Date.now();
    const res = await app.inject({
      method: 'GET',
      url: '/couch/demo/_changes?feed=longpoll&since=now&timeout=60000',
    });
    await closing;
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(res.statusCode).toBe(200);
    expect(res.json().results).toEqual([]);
  });
});
