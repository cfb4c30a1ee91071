import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { bearer, testApp } from '../fixtures.ts';
import type { TestApp } from '../fixtures.ts';

/**
 * Issue 11, item 4: the CouchDB door checked that a mission exists before the session, so an
 * anonymous `GET /couch/ghost` answered 404 and `GET /couch/other` 401 — a free list of mission
 * names; and `PUT /couch/:db` worded its 403 differently for existing missions.
 * Now: authorise first, answer the same whether or not the mission exists.
 */
const ENDPOINTS: Array<(db: string) => InjectOptions> = [
  (db) => ({ method: 'GET', url: `/couch/${db}` }),
  (db) => ({ method: 'GET', url: `/couch/${db}/` }),
  (db) => ({ method: 'PUT', url: `/couch/${db}` }),
  (db) => ({ method: 'PUT', url: `/couch/${db}/` }),
  (db) => ({ method: 'GET', url: `/couch/${db}/_local/checkpoint` }),
  (db) => ({ method: 'PUT', url: `/couch/${db}/_local/checkpoint`, payload: { seq: 1 } }),
  (db) => ({ method: 'POST', url: `/couch/${db}/_revs_diff`, payload: {} }),
  (db) => ({ method: 'POST', url: `/couch/${db}/_bulk_docs`, payload: { docs: [], new_edits: false } }),
  (db) => ({ method: 'POST', url: `/couch/${db}/_bulk_get`, payload: { docs: [] } }),
  (db) => ({ method: 'GET', url: `/couch/${db}/_changes` }),
  (db) => ({ method: 'GET', url: `/couch/${db}/sub:01J00000000000000000000000` }),
  (db) => ({ method: 'GET', url: `/couch/${db}/_design/views` }),
];

let t: TestApp;
let interviewer: string;
let admin: string;
beforeAll(async () => {
  t = await testApp(['interviewer', 'admin']);
  interviewer = await t.login('interviewer');
  admin = await t.login('admin');
});
afterAll(async () => t.close());

/** Status and body, with the mission's own name (which the caller typed) taken out. */
async function answer(req: InjectOptions, db: string, token?: string) {
  const res = await t.app.inject({ ...req, ...(token ? bearer(token) : {}) });
  return { status: res.statusCode, body: res.body.split(db).join('<db>') };
}

describe('the CouchDB door does not tell which missions exist', () => {
  it.each(ENDPOINTS.map((e) => [`${e('x').method} ${e('<db>').url}`, e] as const))(
    '%s: the same 401 without a session and the same 403 for a non-member, existing or not',
    async (_name, endpoint) => {
      const anonymous = [await answer(endpoint('other'), 'other'), await answer(endpoint('ghost'), 'ghost')];
      expect(anonymous[0]!.status).toBe(401);
      expect(anonymous[1]).toEqual(anonymous[0]);
      const member = [
        await answer(endpoint('other'), 'other', interviewer),
        await answer(endpoint('ghost'), 'ghost', interviewer),
      ];
      expect(member[0]!.status).toBe(403);
      expect(member[1]).toEqual(member[0]);
    },
  );

  it('tells an admin, who may act in every mission, that a mission does not exist', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/couch/ghost', ...bearer(admin) });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'not_found', reason: 'Database does not exist.' });
  });

  it('answers PUT /couch/:db for a member with 412 for its own mission', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/couch/demo', ...bearer(interviewer) });
    expect(res.statusCode).toBe(412);
  });
});
