import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp } from '../fixtures.ts';
import type { TestApp } from '../fixtures.ts';

/**
 * Issue 11, item 6: `Strict-Transport-Security` was sent over plain HTTP, where it means nothing
 * and would pin a LAN relay reached by address to an HTTPS it does not serve. Only requests that
 * came over TLS (directly, or through a trusted proxy's `X-Forwarded-Proto`) get it now.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp([], { trustProxy: true });
});
afterAll(async () => t.close());

it('sends no HSTS over plain HTTP', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/health' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['strict-transport-security']).toBeUndefined();
});

it('sends HSTS when a trusted proxy says the request came over TLS', async () => {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/health',
    headers: { 'x-forwarded-proto': 'https' },
  });
  expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
});
