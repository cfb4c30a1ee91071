import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp } from '../fixtures.ts';
import type { TestApp } from '../fixtures.ts';

/**
 * Issue 11, item 1 (the backstop half): JSON nested about 4,200 levels deep made the store's JSON
 * encoding overflow the stack; the error escaped and the process exited. 12 KB were enough, e.g.
 * `PUT /couch/:db/_local/x` with 6,000 levels. Every JSON body is now measured before it is parsed
 * and refused past 64 levels.
 */
let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await testApp(['interviewer']);
  token = await t.login('interviewer');
});
afterAll(async () => t.close());

const nested = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const arrays = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('deeply nested JSON', () => {
  it('PUT /couch/demo/_local/x with 6,000 levels answers 400 and the server keeps answering', async () => {
    const body = `{"seq":${'['.repeat(6000)}${']'.repeat(6000)}}`;
    expect(body.length).toBeGreaterThan(12_000);
    const res = await t.app.inject({
      method: 'PUT',
      url: '/couch/demo/_local/x',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'bad_request' });
    expect(res.json().reason).toMatch(/deeper than 64 levels/);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const local = await t.app.inject({ method: 'GET', url: '/couch/demo/_local/x', ...bearer(token) });
    expect(local.statusCode).toBe(404); // nothing was stored
  });

  it('refuses deep bodies on /api routes with TERN_BAD_REQUEST, before authorisation matters', async () => {
    for (const payload of [nested(5000), arrays(65)]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/sync/demo',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('TERN_BAD_REQUEST');
    }
  });

  it('still takes 64 levels, and brackets inside strings do not count', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/couch/demo/_local/y',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: `{"deep":${arrays(63)},"text":"${'[{'.repeat(200)}\\"[["}`,
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});
