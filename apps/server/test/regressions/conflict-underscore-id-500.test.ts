import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearer, testApp } from '../fixtures.ts';
import type { TestApp } from '../fixtures.ts';

/**
 * Issue 11, item 6: `GET /api/admin/conflicts/:mission/_changes` (an id starting with `_`) reached
 * the store, which throws on CouchDB's reserved ids, and answered 500. No Tern record has such an id,
 * so it has no open conflict: 404 like any other.
 */
let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await testApp(['admin']);
  admin = await t.login('admin');
});
afterAll(async () => t.close());

it.each(['_changes', '_all_docs', '_design', '_local'])('GET …/conflicts/demo/%s answers 404', async (id) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/admin/conflicts/demo/${id}`, ...bearer(admin) });
  expect(res.statusCode, res.body).toBe(404);
  expect(res.json().code).toBe('TERN_NOT_FOUND');
});

it('POST …/conflicts/demo/_changes/resolve answers 404', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/admin/conflicts/demo/_changes/resolve',
    payload: { revs: ['1-a', '1-b'], choices: {} },
    ...bearer(admin),
  });
  expect(res.statusCode, res.body).toBe(404);
});
