import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TernStore } from '@tern/store';
import { buildApp } from '../src/app.ts';
import type { Action, Authorize } from '../src/auth/authorize.ts';
import { TernError } from '../src/errors.ts';
import { submission, validAnswers } from './fixtures.ts';

let store: TernStore;
let app: FastifyInstance;
let asked: Array<[Action, string | null]>;
let deny = false;
let n = 0;

beforeEach(async () => {
  n += 1;
  asked = [];
  deny = false;
  const authorize: Authorize = (_req, action, mission) => {
    asked.push([action, mission]);
    if (deny) throw new TernError('TERN_BAD_REQUEST', 'placeholder');
  };
  store = new TernStore({ kind: 'memory', prefix: `couch-door-${n}-${Date.now()}` });
  app = await buildApp({ store, missions: ['demo', 'other'], authorize });
});
afterEach(async () => {
  await app.close();
  await store.close();
});

describe('CouchDB door: server and database', () => {
  it('answers the CouchDB welcome at /couch/', async () => {
    const res = await app.inject({ method: 'GET', url: '/couch/' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ couchdb: 'Welcome', vendor: { name: 'Tern' } });
    expect(asked).toEqual([['couch.read', null]]);
  });

  it('maps /couch/:db to the mission, with and without the trailing slash PouchDB sends', async () => {
    await store.mission('demo').writeReplicated([submission('demo', validAnswers('Amina'))]);
    for (const url of ['/couch/demo', '/couch/demo/']) {
      const res = await app.inject({ method: 'GET', url, headers: { 'content-type': 'application/json' } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ db_name: 'demo', doc_count: 1 });
    }
    expect(asked).toEqual([
      ['couch.read', 'demo'],
      ['couch.read', 'demo'],
    ]);
  });

  it('answers 404 not_found for an unknown mission and 412/403 to database creation', async () => {
    const missing = await app.inject({ method: 'GET', url: '/couch/nowhere/' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: 'not_found', reason: 'Database does not exist.' });
    const exists = await app.inject({
      method: 'PUT',
      url: '/couch/demo/',
      headers: { 'content-type': 'application/json' },
    });
    expect(exists.statusCode).toBe(412);
    expect(exists.json().error).toBe('file_exists');
    const create = await app.inject({ method: 'PUT', url: '/couch/nowhere/' });
    expect(create.statusCode).toBe(403);
    expect(create.json()).toMatchObject({ error: 'forbidden' });
  });

  it("refuses the server's own _local documents (the mission epoch), read or written (decision 152)", async () => {
    const epoch = await store.mission('demo').epoch();
    const url = `/couch/demo/_local/${encodeURIComponent('tern-server:epoch')}`;
    const read = await app.inject({ method: 'GET', url });
    expect(read.statusCode).toBe(400);
    expect(read.json()).toMatchObject({ error: 'bad_request' });
    expect(JSON.stringify(read.json())).not.toContain(epoch);
    const write = await app.inject({ method: 'PUT', url, payload: { epoch: 'mine' } });
    expect(write.statusCode).toBe(400);
    expect(await store.mission('demo').epoch()).toBe(epoch);
  });

  it('answers unsupported endpoints with a CouchDB-shaped 404', async () => {
    for (const url of ['/couch/demo/_all_docs', '/couch/demo/_design/x', '/couch/demo/_security']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ error: 'not_found' });
    }
    const post = await app.inject({ method: 'POST', url: '/couch/demo/_compact', payload: {} });
    expect(post.statusCode).toBe(404);
    expect(post.json().error).toBe('not_found');
  });

  it('asks the authorisation hook on every route, and its refusal keeps the CouchDB shape', async () => {
    deny = true;
    const calls: Array<[string, string, unknown?]> = [
      ['GET', '/couch/'],
      ['GET', '/couch/demo/'],
      ['PUT', '/couch/demo/'],
      ['GET', '/couch/demo/_local/cp'],
      ['PUT', '/couch/demo/_local/cp', { last_seq: 1 }],
      ['POST', '/couch/demo/_revs_diff', {}],
      ['POST', '/couch/demo/_bulk_docs', { docs: [] }],
      ['POST', '/couch/demo/_bulk_get', { docs: [] }],
      ['GET', '/couch/demo/_changes'],
      ['GET', '/couch/demo/sub:X'],
      ['GET', '/couch/demo/_design/x'],
    ];
    for (const [method, url, payload] of calls) {
      const res = await app.inject({
        method: method as 'GET',
        url,
        ...(payload ? { payload: payload as object } : {}),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(res.json(), `${method} ${url}`).toEqual({ error: 'bad_request', reason: 'placeholder' });
    }
    expect(asked).toHaveLength(calls.length);
    const writes = asked.filter(([a]) => a === 'couch.write').length;
    expect(writes).toBe(4); // PUT db, PUT _local, _revs_diff, _bulk_docs
  });

  it('maps a 403 from the hook to forbidden and treats an empty JSON body as no body', async () => {
    const forbid: Authorize = () => {
      throw Object.assign(new TernError('TERN_BAD_REQUEST', 'no'), { status: 403 });
    };
    const app2 = await buildApp({ store, missions: ['demo'], authorize: forbid });
    const res = await app2.inject({ method: 'GET', url: '/couch/demo/_changes' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ error: 'forbidden', reason: 'no' });
    await app2.close();
    const empty = await app.inject({
      method: 'POST',
      url: '/couch/demo/_revs_diff',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().reason).toMatch(/_revs_diff body/);
    const garbage = await app.inject({
      method: 'POST',
      url: '/couch/demo/_bulk_docs',
      headers: { 'content-type': 'application/json' },
      payload: '{"docs": [',
    });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error).toBe('bad_request');
  });
});
