import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, bearer, testApp } from '../fixtures.ts';
import type { TestApp } from '../fixtures.ts';

/** Roles per country (decision 154): granted by an admin, checked, audited, withdrawn. */
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await testApp(['admin', 'statistician', 'data_officer']);
  admin = await t.login('admin');
});
afterAll(async () => {
  await t.close();
});

const put = (token: string, username: string, payload: object) =>
  t.app.inject({ method: 'PUT', url: `/api/users/${username}/profile-grants`, payload, ...bearer(token) });

describe('profile grants', () => {
  it('gives an account different roles in different countries, and shows them', async () => {
    const res = await put(admin, 'statistician', {
      grants: [
        { country: 'UGA', role: 'reviewer' },
        { country: 'KEN', role: 'team' },
        { country: 'KEN', role: 'team' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    // Sorted, duplicates once.
    expect(res.json()).toEqual({
      username: 'statistician',
      grants: [
        { country: 'KEN', role: 'team' },
        { country: 'UGA', role: 'reviewer' },
      ],
    });
    const shown = await t.app.inject({
      method: 'GET',
      url: '/api/users/statistician/profile-grants',
      ...bearer(admin),
    });
    expect(shown.json().grants).toHaveLength(2);
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit?action=profile.grant&limit=5',
      ...bearer(admin),
    });
    expect(audit.json().entries[0]).toMatchObject({
      actor: 'admin',
      outcome: 'ok',
      details: { username: 'statistician', grants: ['KEN:team', 'UGA:reviewer'] },
    });
  });

  it('refuses a code that is not an assigned country, a lower-case code and an unknown role', async () => {
    const xxx = await put(admin, 'statistician', { grants: [{ country: 'XXX', role: 'team' }] });
    expect(xxx.statusCode).toBe(400);
    expect(xxx.json().message).toContain('XXX is not an assigned ISO 3166-1 alpha-3 country code');
    const lower = await put(admin, 'statistician', { grants: [{ country: 'ken', role: 'team' }] });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().message).toContain('alpha-3');
    const role = await put(admin, 'statistician', { grants: [{ country: 'KEN', role: 'owner' }] });
    expect(role.statusCode).toBe(400);
    // Nothing changed by the refusals.
    const shown = await t.app.inject({
      method: 'GET',
      url: '/api/users/statistician/profile-grants',
      ...bearer(admin),
    });
    expect(shown.json().grants).toHaveLength(2);
  });

  it('refuses grants to an admin (who holds every role) and to an unknown account', async () => {
    const res = await put(admin, 'admin', { grants: [{ country: 'KEN', role: 'team' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('admins hold every profile role');
    const none = await put(admin, 'nobody', { grants: [] });
    expect(none.statusCode).toBe(404);
  });

  it('is the admin’s alone: a data officer and a granted account are refused', async () => {
    for (const who of ['data_officer', 'statistician']) {
      const token = await t.login(who, PASSWORD);
      const res = await put(token, who, { grants: [{ country: 'KEN', role: 'publisher' }] });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('TERN_AUTH_FORBIDDEN');
    }
  });

  it('withdraws every grant with an empty list', async () => {
    const res = await put(admin, 'statistician', { grants: [] });
    expect(res.json()).toEqual({ username: 'statistician', grants: [] });
  });
});
