import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearer, testApp } from '../fixtures.ts';
import type { TestApp } from '../fixtures.ts';

/**
 * Issue 11, item 6: `GET /couch` (no trailing slash) answered 401 to everyone, because the session
 * hook looked only at `/couch/…` paths and never read the token.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp(['interviewer']);
});
afterAll(async () => t.close());

it.each(['/couch', '/couch/', '/couch?x=1'])('GET %s with a session answers the welcome', async (url) => {
  const res = await t.app.inject({ method: 'GET', url, ...bearer(await t.login('interviewer')) });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ couchdb: 'Welcome' });
});

it('GET /couch without a session is still 401', async () => {
  expect((await t.app.inject({ method: 'GET', url: '/couch' })).statusCode).toBe(401);
});
