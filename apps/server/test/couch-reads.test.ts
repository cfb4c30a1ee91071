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

/** A document with two branches: base → left, base → right → right2. */
async function branched() {
  const base = submission('demo', validAnswers('Amina'));
  const left = edit(base, { answers: validAnswers('Amina L') });
  const right = edit(base, { answers: validAnswers('Amina R') });
  const right2 = edit(right, { answers: validAnswers('Amina R2') });
  await store.mission('demo').writeReplicated([base, left, right, right2]);
  return { base, left, right, right2, url: `/couch/demo/${encodeURIComponent(base._id)}` };
}

describe('POST /couch/:db/_revs_diff', () => {
  it('lists missing revs with possible_ancestors, and omits ids with nothing missing', async () => {
    const { base, left, right2 } = await branched();
    const unknown = submission('demo', validAnswers('Nobody'));
    const ok = await call(app, 'POST', '/couch/demo/_revs_diff', {
      [base._id]: [left._rev, right2._rev, '3-aaaa', '4-bbbb'],
      [unknown._id]: [unknown._rev],
    });
    expect(ok.status).toBe(200);
    expect(ok.json[base._id].missing).toEqual(['3-aaaa', '4-bbbb']);
    expect(ok.json[base._id].possible_ancestors.sort()).toEqual([left._rev, right2._rev].sort());
    expect(ok.json[unknown._id]).toEqual({ missing: [unknown._rev] });
  });

  it('answers 400 for a body that is not {id: [rev]}', async () => {
    for (const body of [[], 42, { 'sub:X': 'not-a-list' }, { 'sub:X': ['nonsense'] }, { 'sub:X': [] }]) {
      const res = await call(app, 'POST', '/couch/demo/_revs_diff', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.reason).toMatch(/^_revs_diff body: /);
    }
  });
});

describe('POST /couch/:db/_bulk_get', () => {
  it('returns each requested revision with _revisions, an error entry for a missing one, and latest leaves', async () => {
    const { base, left, right, right2 } = await branched();
    const res = await call(app, 'POST', '/couch/demo/_bulk_get?revs=true&latest=true', {
      docs: [
        { id: base._id, rev: left._rev },
        { id: base._id, rev: right._rev },
        { id: base._id, rev: '9-zzz' },
        { id: 'sub:nothing' },
      ],
    });
    expect(res.status).toBe(200);
    const [a, b, c, d] = res.json.results;
    expect(a.id).toBe(base._id);
    expect(a.docs[0].ok).toMatchObject({ _rev: left._rev, _revisions: left._revisions });
    // right is no longer a leaf: latest=true answers the leaf that descends from it.
    expect(b.docs[0].ok._rev).toBe(right2._rev);
    expect(c.docs[0].error).toMatchObject({ id: base._id, rev: '9-zzz', error: 'not_found' });
    expect(d.docs[0].error).toMatchObject({ id: 'sub:nothing', error: 'not_found' });
  });

  it('answers 400 for a malformed body or query', async () => {
    const bad: Array<[string, unknown, RegExp]> = [
      ['/couch/demo/_bulk_get', { docs: 'x' }, /_bulk_get body: docs/],
      ['/couch/demo/_bulk_get', { docs: [{ rev: '1-a' }] }, /docs\.0\.id/],
      ['/couch/demo/_bulk_get', { docs: [{ id: 'sub:X', rev: 'x' }] }, /docs\.0\.rev/],
      ['/couch/demo/_bulk_get?revs=yes', { docs: [] }, /_bulk_get query: revs/],
      ['/couch/demo/_bulk_get', undefined, /_bulk_get body: body/],
    ];
    for (const [url, body, reason] of bad) {
      const res = await call(app, 'POST', url, body);
      expect(res.status, url).toBe(400);
      expect(res.json).toEqual({ error: 'bad_request', reason: expect.stringMatching(reason) });
    }
  });
});

describe('GET /couch/:db/:docid', () => {
  it('answers the winner with conflicts and revs, one rev, and open_revs all or a list', async () => {
    const { base, left, right2, url } = await branched();
    const winner = await call(app, 'GET', `${url}?conflicts=true&revs=true`);
    expect(winner.json._rev).toBe(right2._rev); // longest branch wins
    expect(winner.json._conflicts).toEqual([left._rev]);
    expect(winner.json._revisions).toEqual(right2._revisions);
    expect((await call(app, 'GET', `${url}?rev=${base._rev}`)).json._rev).toBe(base._rev);
    const all = await call(app, 'GET', `${url}?open_revs=all&revs=true`);
    expect(all.json.map((r: { ok: { _rev: string } }) => r.ok._rev).sort()).toEqual(
      [left._rev, right2._rev].sort(),
    );
    const list = await call(
      app,
      'GET',
      `${url}?open_revs=${encodeURIComponent(JSON.stringify([left._rev, '7-nope']))}`,
    );
    expect(list.json).toEqual([{ ok: expect.objectContaining({ _rev: left._rev }) }, { missing: '7-nope' }]);
  });

  it('answers 404 for an unknown document and 400 for bad query values', async () => {
    expect(await call(app, 'GET', '/couch/demo/sub%3Anope')).toEqual({
      status: 404,
      json: { error: 'not_found', reason: 'missing' },
    });
    const bad = await call(app, 'GET', '/couch/demo/sub%3Anope?open_revs=%5Bnope');
    expect(bad.status).toBe(400);
    expect(bad.json.reason).toMatch(/open_revs: must be 'all' or a JSON array/);
    expect((await call(app, 'GET', '/couch/demo/sub%3Anope?revs=1')).json.reason).toMatch(
      /revs: must be 'true' or 'false'/,
    );
  });
});

describe('GET|PUT /couch/:db/_local/:id', () => {
  it('stores checkpoints with 0-N revs and refuses a stale rev with conflict', async () => {
    expect((await call(app, 'GET', '/couch/demo/_local/cp1')).status).toBe(404);
    const first = await call(app, 'PUT', '/couch/demo/_local/cp1', { _id: '_local/cp1', last_seq: 3 });
    expect(first).toEqual({ status: 201, json: { ok: true, id: '_local/cp1', rev: '0-1' } });
    const second = await call(app, 'PUT', '/couch/demo/_local/cp1', { _rev: '0-1', last_seq: 5 });
    expect(second.json.rev).toBe('0-2');
    expect((await call(app, 'GET', '/couch/demo/_local/cp1')).json).toMatchObject({
      _rev: '0-2',
      last_seq: 5,
    });
    const stale = await call(app, 'PUT', '/couch/demo/_local/cp1', { _rev: '0-1', last_seq: 9 });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toBe('conflict');
    // Local documents never appear as data.
    expect(await store.mission('demo').docCount()).toBe(0);
    expect((await call(app, 'PUT', '/couch/demo/_local/cp1', [1])).status).toBe(400);
    expect((await call(app, 'PUT', '/couch/demo/_local/cp1', { _rev: 'x' })).status).toBe(400);
  });
});
