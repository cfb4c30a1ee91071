import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kenyaDraft } from '../../src/seed/demo-profile.ts';
import { AT, NOW, edits, get, profileApp, push, revise } from './profile-fixtures.ts';
import type { ProfileApp } from './profile-fixtures.ts';

/** The report preview of an unpublished edition (decision 214): behind login, marked, never public. */
let t: ProfileApp;
const URL = '/api/profiles/KEN/editions/1/preview';

beforeAll(async () => {
  t = await profileApp();
  const draft = revise(null, 'profile:KEN:1', kenyaDraft({ by: 'national', at: AT, device: 'd', now: NOW }));
  const text = edits.paragraph(draft, 'p1', 'en', 'Draft wording <b>not yet public</b>.');
  expect((await push(t, 'national', 'KEN', [draft, text])).body.results.every((r) => r.ok)).toBe(true);
});
afterAll(async () => {
  await t.close();
});

describe('report preview of a draft', () => {
  it('shows the draft as the report, marked on every page, private and not indexed', async () => {
    for (const who of ['national', 'reviewer', 'publisher', 'admin']) {
      const res = await get(t, who, `${URL}?lang=fr`);
      expect(res.statusCode, who).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.body).toContain('<p class="draft-mark" data-draft>Projet — non publié</p>');
      // The team's text, escaped, in the team's language where French has none (marked untranslated).
      expect(res.body).toContain('Draft wording &lt;b&gt;not yet public&lt;/b&gt;.');
      expect(res.body).not.toContain('<script');
    }
  });

  it('is never public, and only for those who may read the country', async () => {
    expect((await get(t, null, URL)).statusCode).toBe(401);
    expect((await get(t, 'outsider', URL)).statusCode).toBe(403);
    expect((await get(t, 'national', '/api/profiles/UGA/editions/1/preview')).statusCode).toBe(403);
    const pub = await get(t, null, '/profiles/KEN');
    expect(pub.statusCode).toBe(404);
    expect(pub.body).not.toContain('Draft wording');
    expect((await get(t, 'national', `${URL}?lang=de`)).statusCode).toBe(400);
    expect((await get(t, 'national', '/api/profiles/KEN/editions/2/preview')).statusCode).toBe(404);
  });
});
