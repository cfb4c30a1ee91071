import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, bearer, testApp } from '../fixtures.ts';
import type { TestApp } from '../fixtures.ts';

/**
 * Issue 11, item 6: state-changing routes accepted `text/plain` bodies (what a cross-site HTML form
 * can post without a CORS preflight) and never looked at `Origin`.
 */
let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await testApp(['interviewer'], { allowedOrigins: ['https://forms.example.org'] });
  token = await t.login('interviewer');
});
afterAll(async () => t.close());

const loginBody = JSON.stringify({ username: 'interviewer', password: PASSWORD });

describe('bodies must be JSON', () => {
  it('refuses a text/plain login with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: loginBody,
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('TERN_UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses text/plain behind the CouchDB door in its own shape', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/couch/demo/_bulk_docs',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      payload: JSON.stringify({ docs: [], new_edits: false }),
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ error: 'bad_content_type' });
  });
});

describe('Origin of state-changing requests', () => {
  const logout = (origin: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { origin, host: 'tern.example.org', authorization: `Bearer ${token}` },
    });
  const me = () => t.app.inject({ method: 'GET', url: '/api/auth/me', ...bearer(token) });

  it('refuses another site and keeps the session', async () => {
    for (const origin of ['https://evil.example.com', 'null', 'https://tern.example.org.evil.com']) {
      const res = await logout(origin);
      expect(res.statusCode, origin).toBe(403);
      expect(res.json().code).toBe('TERN_ORIGIN_REFUSED');
    }
    expect((await me()).statusCode).toBe(200);
  });

  it('refuses another site behind the CouchDB door with forbidden', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/couch/demo/_bulk_docs',
      headers: { origin: 'https://evil.example.com', authorization: `Bearer ${token}` },
      payload: { docs: [], new_edits: false },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'forbidden' });
  });

  it('accepts its own origin (any scheme, default port) and a configured one', async () => {
    const login = (origin: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin, host: 'tern.example.org' },
        payload: { username: 'interviewer', password: PASSWORD },
      });
    expect((await login('https://tern.example.org')).statusCode).toBe(200);
    expect((await login('http://tern.example.org:80')).statusCode).toBe(200);
    expect((await login('https://forms.example.org')).statusCode).toBe(200);
  });
});
