import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD, testApp } from '../fixtures.ts';
import type { TestApp } from '../fixtures.ts';

/**
 * Issue 11, item 6: logout cleared the session cookie with default attributes (`SameSite=Lax`, no
 * HttpOnly), not those it was set with (`HttpOnly; SameSite=Strict`, `Secure` behind TLS).
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp(['interviewer'], { cookieSecure: true });
});
afterAll(async () => t.close());

const sessionCookieOf = (headers: Record<string, unknown>) =>
  [headers['set-cookie'] ?? []].flat().find((c) => String(c).startsWith('tern_session=')) as string;

it('clears the session cookie with the attributes it was set with', async () => {
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'interviewer', password: PASSWORD },
  });
  const set = sessionCookieOf(login.headers);
  const logout = await t.app.inject({
    method: 'POST',
    url: '/api/auth/logout',
    headers: { cookie: set.split(';')[0]! },
  });
  expect(logout.statusCode).toBe(200);
  const cleared = sessionCookieOf(logout.headers);
  expect(cleared).toMatch(/^tern_session=;/);
  for (const attribute of [/HttpOnly/, /SameSite=Strict/, /Secure/, /Path=\//]) {
    expect(set).toMatch(attribute);
    expect(cleared).toMatch(attribute);
  }
  expect(cleared).not.toMatch(/SameSite=Lax/);
});
