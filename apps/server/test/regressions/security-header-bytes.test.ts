import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { bearer, testApp } from '../fixtures.ts';
import type { TestApp } from '../fixtures.ts';

/**
 * Issue 12, item 5: every JSON answer carried the app shell's page headers (a 250-byte CSP, window
 * isolation, referrer, DNS prefetch…): 550–800 bytes, +22 % on a 10-record sync over 3G. A JSON answer
 * now carries what an API answer needs; the app shell keeps the full policy.
 */
let t: TestApp;
let token: string;
beforeAll(async () => {
  const web = mkdtempSync(join(tmpdir(), 'tern-web-'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Tern</title>');
  t = await testApp(['interviewer'], { webDist: web, trustProxy: true });
  token = await t.login('interviewer');
});
afterAll(async () => t.close());

/** Bytes of the headers as sent, minus those every answer needs whatever its kind. */
function securityBytes(res: LightMyRequestResponse): number {
  const transport = new Set([
    'content-type',
    'content-length',
    'date',
    'connection',
    'transfer-encoding',
    'vary',
    // Refusals and failures name their request id for the operator (app.ts): not a page header.
    'x-request-id',
  ]);
  return Object.entries(res.headers)
    .filter(([k]) => !transport.has(k))
    .reduce((n, [k, v]) => n + `${k}: ${String(v)}\r\n`.length, 0);
}

const SYNC = { protocol: 1, device: 'dev-h', docs: [], since: null, pullLimit: 10 };

describe('JSON answers carry the headers an API answer needs, and no more', () => {
  const cases: Array<[string, () => Promise<LightMyRequestResponse>]> = [
    ['GET /api/health', () => t.app.inject({ method: 'GET', url: '/api/health' })],
    [
      'POST /api/sync/demo',
      () => t.app.inject({ method: 'POST', url: '/api/sync/demo', payload: SYNC, ...bearer(token) }),
    ],
    [
      'GET /couch/demo/_changes',
      () => t.app.inject({ method: 'GET', url: '/couch/demo/_changes', ...bearer(token) }),
    ],
    ['a refusal (401)', () => t.app.inject({ method: 'POST', url: '/api/sync/demo', payload: SYNC })],
    [
      'a CouchDB-door error (404)',
      () => t.app.inject({ method: 'GET', url: '/couch/demo/_nope', ...bearer(token) }),
    ],
  ];
  it.each(cases)('%s', async (_name, send) => {
    const res = await send();
    expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-xss-protection']).toBeUndefined();
    expect(securityBytes(res)).toBeLessThanOrEqual(160);
  });

  it('keeps HSTS on JSON answers that came over TLS', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('the app shell keeps the full page policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});
