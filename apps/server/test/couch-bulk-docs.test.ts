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

const bulk = (body: unknown) => call(app, 'POST', '/couch/demo/_bulk_docs', body);

describe('POST /couch/:db/_bulk_docs with new_edits false (replicator mode)', () => {
  it('stores revisions as sent, every branch kept, and answers only failures', async () => {
    const base = submission('demo', validAnswers('Amina'));
    const left = edit(base, { answers: validAnswers('Amina L') });
    const right = edit(base, { answers: validAnswers('Amina R') });
    const res = await bulk({ docs: [base, left, right], new_edits: false });
    expect(res).toEqual({ status: 201, json: [] });
    const got = await call(app, 'GET', `/couch/demo/${encodeURIComponent(base._id)}?conflicts=true`);
    expect([got.json._rev, ...got.json._conflicts].sort()).toEqual([left._rev, right._rev].sort());
    // Idempotent: the same batch again changes nothing.
    const seq = (await store.mission('demo').info()).updateSeq;
    expect(await bulk({ docs: [base, left, right], new_edits: false })).toEqual({ status: 201, json: [] });
    expect((await store.mission('demo').info()).updateSeq).toBe(seq);
  });

  it('accepts a rev without _revisions (CouchDB allows it) and stores it as a root', async () => {
    const { _revisions: _r, ...doc } = submission('demo', validAnswers('Bilal'));
    expect((await bulk({ docs: [doc], new_edits: false })).json).toEqual([]);
    expect((await store.mission('demo').get(doc._id))?._rev).toBe(doc._rev);
  });

  it('refuses documents that fail Tern validation with forbidden, storing the rest', async () => {
    const good = submission('demo', validAnswers('Chen'));
    const badAnswers = submission('demo', { ...validAnswers('Dana'), age: 500 });
    const wrongMission = submission('other', validAnswers('Eli'));
    const design = { _id: '_design/views', _rev: '1-abc', views: {} };
    const local = { _id: '_local/x', _rev: '1-abc' };
    const attach = { ...submission('demo', validAnswers('Fay')), _attachments: { a: { data: 'eA==' } } };
    const badId = { ...submission('demo', validAnswers('Gil')), _id: 'person-1' };
    const res = await bulk({
      docs: [good, badAnswers, wrongMission, design, local, attach, badId],
      new_edits: false,
    });
    expect(res.status).toBe(201);
    const byId = new Map(res.json.map((r: { id: string }) => [r.id, r]));
    expect(res.json).toHaveLength(6);
    expect(byId.get(badAnswers._id)).toMatchObject({
      error: 'forbidden',
      reason: expect.stringMatching(/age.*TERN_RESPONSE_INVALID/),
    });
    expect(byId.get(wrongMission._id)).toMatchObject({
      error: 'forbidden',
      reason: expect.stringMatching(/TERN_DOC_WRONG_MISSION/),
    });
    expect(byId.get('_design/views')).toMatchObject({
      error: 'forbidden',
      reason: expect.stringMatching(/Design documents/),
    });
    expect(byId.get('_local/x')).toMatchObject({
      error: 'forbidden',
      reason: expect.stringMatching(/_local/),
    });
    // Its one attachment is no file its answers name (decision 168).
    expect(byId.get(attach._id)).toMatchObject({
      error: 'forbidden',
      reason: expect.stringMatching(/TERN_ATTACHMENT_NOT_REFERENCED/),
    });
    expect(byId.get('person-1')).toMatchObject({
      error: 'forbidden',
      reason: expect.stringMatching(/not sub:<ULID>/),
    });
    expect(await store.mission('demo').docCount()).toBe(1);
    expect((await store.mission('demo').get(good._id))?._rev).toBe(good._rev);
  });
});

describe('POST /couch/:db/_bulk_docs with new_edits true', () => {
  it('creates, updates and deletes with Tern revisions, and answers conflict for a stale rev', async () => {
    const { _rev: _a, _revisions: _b, ...fresh } = submission('demo', validAnswers('Hana'));
    const created = await bulk({ docs: [fresh] });
    expect(created.status).toBe(201);
    expect(created.json[0]).toMatchObject({
      ok: true,
      id: fresh._id,
      rev: expect.stringMatching(/^1-[0-9a-f]{32}$/),
    });
    const rev1 = created.json[0].rev as string;

    const again = await bulk({ docs: [fresh] });
    expect(again.json[0]).toEqual({ id: fresh._id, error: 'conflict', reason: 'Document update conflict.' });

    const updated = await bulk({ docs: [{ ...fresh, _rev: rev1, answers: validAnswers('Hana K') }] });
    expect(updated.json[0]).toMatchObject({ ok: true, rev: expect.stringMatching(/^2-/) });
    const stale = await bulk({ docs: [{ ...fresh, _rev: rev1, answers: validAnswers('Hana X') }] });
    expect(stale.json[0].error).toBe('conflict');

    const rev2 = updated.json[0].rev as string;
    const stored = await store.mission('demo').get(fresh._id);
    expect(stored?._revisions).toEqual({ start: 2, ids: [rev2.slice(2), rev1.slice(2)] });

    const deleted = await bulk({ docs: [{ _id: fresh._id, _rev: rev2, _deleted: true }] });
    expect(deleted.json[0]).toMatchObject({ ok: true, rev: expect.stringMatching(/^3-/) });
    const gone = await call(app, 'GET', `/couch/demo/${encodeURIComponent(fresh._id)}`);
    expect(gone).toMatchObject({ status: 404, json: { error: 'not_found' } });
  });

  it('validates edits like the compact door: an invalid edit is forbidden and not stored', async () => {
    const { _rev: _a, _revisions: _b, ...fresh } = submission('demo', { ...validAnswers('Ivo'), age: -3 });
    const res = await bulk({ docs: [fresh] });
    expect(res.json[0]).toMatchObject({
      id: fresh._id,
      error: 'forbidden',
      reason: expect.stringMatching(/age/),
    });
    expect(await store.mission('demo').docCount()).toBe(0);
  });
});

describe('POST /couch/:db/_bulk_docs with a malformed body', () => {
  // Each bad request also carries a valid document first: a refusal must store nothing at all.
  const cases: Array<[string, unknown, RegExp]> = [
    ['no body', undefined, /_bulk_docs body: body/],
    ['docs not an array', { docs: {} }, /docs: /],
    ['a doc without _id', { docs: [{ _rev: '1-a' }], new_edits: false }, /docs\.1\._id/],
    ['a doc that is not an object', { docs: [42] }, /docs\.1/],
    [
      'new_edits false without _rev',
      { docs: [{ _id: 'sub:X' }], new_edits: false },
      /docs\.1\._rev: required/,
    ],
    [
      'a bad rev',
      { docs: [{ _id: 'sub:X', _rev: 'abc' }], new_edits: false },
      /docs\.1\._rev: must be a revision id/,
    ],
    [
      '_revisions not ending at _rev',
      { docs: [{ _id: 'sub:X', _rev: '2-b', _revisions: { start: 2, ids: ['c', 'a'] } }], new_edits: false },
      /docs\.1\._revisions: does not end at _rev/,
    ],
    ['new_edits not boolean', { docs: [], new_edits: 'no' }, /new_edits/],
    [
      'too many docs',
      { docs: Array.from({ length: 1000 }, (_, i) => ({ _id: `sub:${i}` })) },
      /at most 1000/,
    ],
    ['all_or_nothing', { docs: [], all_or_nothing: true }, /all_or_nothing is not supported/],
  ];
  for (const [name, body, reason] of cases) {
    it(`answers 400 bad_request for ${name}, storing nothing`, async () => {
      const good = submission('demo', validAnswers('Jo'));
      const docs = (body as { docs?: unknown } | undefined)?.docs;
      const payload = Array.isArray(docs) ? { ...(body as object), docs: [good, ...docs] } : body;
      const res = await call(app, 'POST', '/couch/demo/_bulk_docs', payload);
      expect(res.status).toBe(400);
      expect(res.json.error).toBe('bad_request');
      expect(res.json.reason).toMatch(reason);
      expect(await store.mission('demo').docCount()).toBe(0);
    });
  }
});
