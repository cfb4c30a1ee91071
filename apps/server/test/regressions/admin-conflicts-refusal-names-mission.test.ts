import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearer, testApp } from '../fixtures.ts';
import type { TestApp } from '../fixtures.ts';

/**
 * Issue 11, item 4: `GET /api/admin/conflicts` authorised mission by mission, so the 403 of a
 * non-admin named the first mission on the server ("… in mission \"demo\" …"). Now the refusal is
 * decided before any mission is read.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp(['interviewer', 'data_officer']);
});
afterAll(async () => t.close());

it.each(['interviewer', 'data_officer'])('refuses a %s without naming any mission', async (role) => {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/admin/conflicts',
    ...bearer(await t.login(role)),
  });
  expect(res.statusCode).toBe(403);
  expect(res.json().code).toBe('TERN_AUTH_FORBIDDEN');
  expect(res.json().message).not.toMatch(/"(demo|other)"/);
});
