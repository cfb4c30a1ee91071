import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { TernStore } from '@tern/store';
import type { SyncResponse } from '@tern/sync';
import { bearer, edit, submission, testApp, validAnswers, winnerOf } from './fixtures.ts';
import type { TestApp } from './fixtures.ts';

let t: TestApp;
let store: TernStore;
let app: FastifyInstance;
let auth: ReturnType<typeof bearer>;

// An admin may sync every mission, so these tests see the door's own rules; the permission rules are
// covered by permissions-matrix.test.ts.
beforeEach(async () => {
  t = await testApp(['admin']);
  ({ store, app } = t);
  auth = bearer(await t.login('admin'));
});
afterEach(async () => {
  await t.close();
});

async function sync(mission: string, body: unknown) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/sync/${mission}`,
    payload: body as object,
    ...auth,
  });
  return { status: res.statusCode, json: res.json() as SyncResponse & { code?: string; message?: string } };
}

const request = (docs: unknown[], since: string | null = null) => ({
  protocol: 1,
  device: 'dev-test',
  docs,
  since,
  pullLimit: 100,
});

describe('POST /api/sync/:mission', () => {
  it('stores pushed revisions as sent, does not echo them back, and serves them to a fresh pull', async () => {
    const a = submission('demo', validAnswers('Amina'));
    const b = submission('demo', validAnswers('Bilal'));
    const { status, json } = await sync('demo', request([a, b]));
    expect(status).toBe(200);
    expect(json.results).toEqual([
      { id: a._id, rev: a._rev, ok: true },
      { id: b._id, rev: b._rev, ok: true },
    ]);
    expect(json.changes).toEqual([]);
    expect(json.more).toBe(false);
    const fresh = await sync('demo', request([]));
    expect(fresh.json.changes.map((d) => `${d._id} ${d._rev}`).sort()).toEqual(
      [`${a._id} ${a._rev}`, `${b._id} ${b._rev}`].sort(),
    );
    const stored = await store.mission('demo').get(a._id);
    expect(stored?._rev).toBe(a._rev);
    expect((stored?.answers as { full_name: string }).full_name).toBe('Amina');
  });

  it('changes nothing when the same batch is pushed twice', async () => {
    const docs = [submission('demo', validAnswers('Amina')), submission('demo', validAnswers('Bilal'))];
    const first = await sync('demo', request(docs));
    const db = store.mission('demo');
    const infoBefore = await db.info();
    const second = await sync('demo', request(docs));
    const infoAfter = await db.info();
    expect(second.json.results.every((r) => r.ok)).toBe(true);
    expect(infoAfter.docCount).toBe(2);
    expect(infoAfter.updateSeq).toBe(infoBefore.updateSeq);
    // Pulling from the first checkpoint finds nothing new.
    const pull = await sync('demo', request([], first.json.checkpoint));
    expect(pull.json.changes).toEqual([]);
    expect((await winnerOf(db, docs[0]!._id))._conflicts).toEqual([]);
  });

  it('stores the valid documents of a batch and rejects the invalid one with a readable reason', async () => {
    const good1 = submission('demo', validAnswers('Amina'));
    const bad = submission('demo', { ...validAnswers('Chidi'), age: 300 });
    const good2 = submission('demo', validAnswers('Dara'));
    const { status, json } = await sync('demo', request([good1, bad, good2]));
    expect(status).toBe(200);
    expect(json.results[0]).toMatchObject({ id: good1._id, ok: true });
    expect(json.results[2]).toMatchObject({ id: good2._id, ok: true });
    expect(json.results[1]).toMatchObject({
      id: bad._id,
      ok: false,
      code: 'TERN_RESPONSE_INVALID',
      field: 'answers.age',
    });
    expect((json.results[1] as { reason: string }).reason).toMatch(/age: Must be at most 120/);
    expect(await store.mission('demo').get(bad._id)).toBeUndefined();
    expect(await store.mission('demo').docCount()).toBe(2);
  });

  it('rejects a document whose rev does not match its body (tampered or corrupted)', async () => {
    const doc = submission('demo', validAnswers('Amina'));
    const tampered = { ...doc, answers: { ...validAnswers('Someone else') } };
    const { json } = await sync('demo', request([tampered]));
    expect(json.results[0]).toMatchObject({ ok: false, code: 'TERN_REV_MISMATCH' });
  });

  it('rejects a document of another mission pushed into this one', async () => {
    const doc = submission('other', validAnswers('Amina'));
    const { json } = await sync('demo', request([doc]));
    expect(json.results[0]).toMatchObject({ ok: false, code: 'TERN_DOC_WRONG_MISSION' });
    expect(await store.mission('demo').docCount()).toBe(0);
  });

  it('rejects unknown forms and malformed ids per document', async () => {
    const unknownForm = edit(submission('demo', validAnswers('Amina')), { form: 'nope@9' });
    const badId = submission('demo', validAnswers('Amina'), 'sub:not-a-ulid');
    const { json } = await sync('demo', request([unknownForm, badId]));
    expect(json.results.map((r) => (r.ok ? 'ok' : r.code))).toEqual([
      'TERN_FORM_UNKNOWN',
      'TERN_DOC_INVALID',
    ]);
  });

  it('keeps both branches when two devices edit the same record', async () => {
    const base = submission('demo', validAnswers('Amina'));
    await sync('demo', request([base]));
    const a = edit(base, { answers: { ...validAnswers('Amina'), age: 31 } });
    const b = edit(base, { answers: { ...validAnswers('Amina'), age: 32 } });
    await sync('demo', request([a]));
    await sync('demo', request([b]));
    const doc = await winnerOf(store.mission('demo'), base._id);
    expect([doc._rev, ...doc._conflicts].sort()).toEqual([a._rev, b._rev].sort());
  });

  it('pages the pull with a checkpoint and says when more is waiting', async () => {
    const docs = Array.from({ length: 5 }, (_, i) => submission('demo', validAnswers(`P${i}`)));
    await sync('demo', request(docs));
    const page1 = await sync('demo', { ...request([]), pullLimit: 3 });
    expect(page1.json.changes).toHaveLength(3);
    expect(page1.json.more).toBe(true);
    const page2 = await sync('demo', { ...request([], page1.json.checkpoint), pullLimit: 3 });
    expect(page2.json.changes).toHaveLength(2);
    expect(page2.json.more).toBe(false);
    const ids = [...page1.json.changes, ...page2.json.changes].map((d) => d._id).sort();
    expect(ids).toEqual(docs.map((d) => d._id).sort());
    expect(page2.json.changes[0]?._revisions.ids.length).toBe(1);
  });

  it('answers a malformed batch with 400 and a message naming the problem', async () => {
    const bad = await sync('demo', {
      protocol: 1,
      device: 'd',
      docs: [{ _id: 'x' }],
      since: null,
      pullLimit: 10,
    });
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe('TERN_BAD_REQUEST');
    expect(bad.json.message).toMatch(/docs\.0\._rev/);
    const notJson = await app.inject({
      method: 'POST',
      url: '/api/sync/demo',
      payload: '{nope',
      headers: { 'content-type': 'application/json', ...auth.headers },
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().code).toBe('TERN_BAD_REQUEST');
  });

  it('answers 404 for a mission that does not exist', async () => {
    const res = await sync('atlantis', request([]));
    expect(res.status).toBe(404);
    expect(res.json.code).toBe('TERN_MISSION_NOT_FOUND');
  });

  it('accepts a gzip-compressed request body', async () => {
    const { gzipSync } = await import('node:zlib');
    const doc = submission('demo', validAnswers('Amina'));
    const res = await app.inject({
      method: 'POST',
      url: '/api/sync/demo',
      payload: gzipSync(JSON.stringify(request([doc]))),
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', ...auth.headers },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().results[0]).toMatchObject({ ok: true });
  });
});

describe('GET /api/health', () => {
  it('says ok', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok' });
  });
});
