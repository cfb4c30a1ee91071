import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignCase } from '@tern/cases';
import type { CaseBody } from '@tern/cases';
import type { WireDoc } from '@tern/sync';
import { PASSWORD, bearer, edit, submission, testApp, testUlid, validAnswers } from './fixtures.ts';
import type { TestApp } from './fixtures.ts';
import { caseDoc } from './case-fixtures.ts';

/**
 * Issue 16, decisions 135–136: an interviewer's pulls carry only the cases assigned or shared to
 * them (and the records of those cases), at both doors, however they ask; their pushes cannot write
 * into others' cases nor reassign.
 */
let t: TestApp;
let ana: string;
let officer: string;
const at = '2026-11-20T10:00:00.000Z';

const subOf = (c: WireDoc, name: string) => {
  const s = submission('demo', validAnswers(name));
  return edit(s, { caseId: c._id });
};

async function sync(token: string, docs: WireDoc[], since: string | null = null) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/sync/demo',
    payload: { protocol: 1, device: 'dev-x', docs, since, pullLimit: 1000 },
    ...bearer(token),
  });
  expect(res.statusCode).toBe(200);
  return res.json() as {
    results: Array<{ id: string; ok: boolean; code?: string }>;
    changes: WireDoc[];
    gone?: string[];
    checkpoint: string;
  };
}
const couch = async (method: 'GET' | 'POST', url: string, payload?: object) => {
  const res = await t.app.inject({ method, url, ...(payload ? { payload } : {}), ...bearer(ana) });
  return { status: res.statusCode, body: res.body, json: res.json() as Record<string, unknown> };
};

const mine = caseDoc('interviewer', 'Amina Mine');
const theirs = caseDoc('ben', 'Bola Theirs');
const mineSub = subOf(mine, 'Amina Mine');
const theirSub = subOf(theirs, 'Bola Theirs');

beforeAll(async () => {
  t = await testApp(['interviewer', 'data_officer']);
  await t.accounts.create(
    { username: 'ben', password: PASSWORD, role: 'interviewer', missions: ['demo'] },
    'test',
  );
  ana = await t.login('interviewer');
  officer = await t.login('data_officer');
  const stored = await sync(officer, [mine, theirs, mineSub, theirSub]);
  expect(stored.results.every((r) => r.ok)).toBe(true);
});
afterAll(() => t.close());

describe('the compact door pulls only the interviewer’s cases', () => {
  it('an interviewer gets their case and its records, not another interviewer’s', async () => {
    const pulled = await sync(ana, []);
    expect(pulled.changes.map((d) => d._id).sort()).toEqual([mine._id, mineSub._id].sort());
    expect(JSON.stringify(pulled)).not.toContain('Bola');
    expect(pulled.gone ?? []).toEqual([]);
  });
  it('a data officer still gets the whole mission', async () => {
    const pulled = await sync(officer, []);
    expect(pulled.changes.map((d) => d._id)).toEqual(expect.arrayContaining([theirs._id, theirSub._id]));
  });
});

describe('the CouchDB door, asked by a hostile interviewer for another’s case', () => {
  it('GET /couch/demo/<id> answers missing, with any query, as for an id never stored', async () => {
    for (const q of [
      '',
      '?revs=true',
      `?rev=${theirs._rev}`,
      '?open_revs=all',
      '?conflicts=true&latest=true',
    ]) {
      const r = await couch('GET', `/couch/demo/${theirs._id}${q}`);
      expect(r.status, q).toBe(404);
      expect(r.body).not.toContain('Bola');
    }
    const never = await couch('GET', `/couch/demo/case:${testUlid()}`);
    expect(never.status).toBe(404);
    expect((await couch('GET', `/couch/demo/${theirSub._id}`)).status).toBe(404);
    expect((await couch('GET', `/couch/demo/${mine._id}`)).status).toBe(200);
  });
  it('_bulk_get answers not_found for their ids and the document for mine, in order', async () => {
    const r = await couch('POST', '/couch/demo/_bulk_get?revs=true', {
      docs: [{ id: theirs._id, rev: theirs._rev }, { id: mine._id }, { id: theirSub._id }],
    });
    expect(r.status).toBe(200);
    expect(r.body).not.toContain('Bola');
    const results = r.json.results as Array<{
      id: string;
      docs: Array<{ ok?: unknown; error?: { error: string } }>;
    }>;
    expect(results.map((x) => x.id)).toEqual([theirs._id, mine._id, theirSub._id]);
    expect(results[0]!.docs[0]!.error?.error).toBe('not_found');
    expect(results[1]!.docs[0]!.ok).toBeDefined();
    expect(results[2]!.docs[0]!.error?.error).toBe('not_found');
  });
  it('_changes since=0, with documents or without, lists only mine', async () => {
    for (const q of [
      '?since=0',
      '?since=0&include_docs=true&style=all_docs',
      '?since=0&include_docs=true&conflicts=true',
    ]) {
      const r = await couch('GET', `/couch/demo/_changes${q}`);
      expect(r.status).toBe(200);
      expect((r.json.results as Array<{ id: string }>).map((c) => c.id).sort()).toEqual(
        [mine._id, mineSub._id].sort(),
      );
      expect(r.body).not.toContain('Bola');
    }
  });
  it('_all_docs with keys is not offered at all', async () => {
    const r = await couch('POST', '/couch/demo/_all_docs?include_docs=true', { keys: [theirs._id] });
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('Bola');
    expect(
      (await couch('GET', `/couch/demo/_all_docs?keys=${encodeURIComponent(JSON.stringify([theirs._id]))}`))
        .status,
    ).toBe(404);
  });
  it('_revs_diff does not confirm that another’s revision exists', async () => {
    const r = await couch('POST', '/couch/demo/_revs_diff', {
      [theirs._id]: [theirs._rev],
      [mine._id]: [mine._rev],
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ [theirs._id]: { missing: [theirs._rev] } });
  });
});

describe('what an interviewer may push into cases', () => {
  it('refuses an edit of another’s case and a record filed into it', async () => {
    const r = await sync(ana, [edit(theirs, { status: 'closed' }), subOf(theirs, 'Intruder')]);
    expect(r.results.map((x) => x.code)).toEqual(['TERN_CASE_NOT_ASSIGNED', 'TERN_CASE_NOT_ASSIGNED']);
  });
  it('refuses reassigning their own case, and a new case made for someone else', async () => {
    const r = await sync(ana, [
      edit(mine, { assignedTo: 'ben' }),
      caseDoc('ben', 'Made For Ben'),
      edit(mine, { sharedWith: ['ben'] }),
    ]);
    expect(r.results.map((x) => x.code)).toEqual([
      'TERN_CASE_ASSIGN_FORBIDDEN',
      'TERN_CASE_ASSIGN_FORBIDDEN',
      'TERN_CASE_ASSIGN_FORBIDDEN',
    ]);
  });
  it('accepts edits of their own case and records of it; a data officer may transfer', async () => {
    const r = await sync(ana, [subOf(mine, 'Amina Again'), caseDoc('interviewer', 'New Mine')]);
    expect(r.results.every((x) => x.ok)).toBe(true);
    const { _id, _rev, _revisions, ...body } = theirs;
    const moved = edit(
      theirs,
      assignCase(body as unknown as CaseBody, 'data_officer', {
        by: 'data_officer',
        at,
        id: '01J0000000000000000000ZZZZ',
      }),
    );
    expect((await sync(officer, [moved])).results[0]!.ok).toBe(true);
  });
});
