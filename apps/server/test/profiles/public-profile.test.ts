import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read as readXlsx, utils } from '@e965/xlsx';
import { nextEdition } from '@tern/profiles';
import type { WireDoc } from '@tern/sync';
import { kenyaDraft } from '../../src/seed/demo-profile.ts';
import { AT, NOW, edits, get, profileApp, profileOfDoc, push, revise } from './profile-fixtures.ts';
import type { ProfileApp } from './profile-fixtures.ts';

/**
 * The public profile (decision 156): the published edition without login, in five languages, figures
 * downloadable with sources; and nothing else — no draft text, no comment, ever.
 */
let t: ProfileApp;
const SECRETS = ['EARLY-DRAFT-TEXT', 'SECRET-COMMENT-ONE', 'DRAFT-SECRET-TWO', 'SECRET-COMMENT-TWO'];

beforeAll(async () => {
  t = await profileApp();
  const send = async (who: string, doc: WireDoc) => {
    const r = await push(t, who, 'KEN', [doc]);
    expect(r.body.results, JSON.stringify(r.body)).toEqual([expect.objectContaining({ ok: true })]);
    return doc;
  };
  let d = revise(null, 'profile:KEN:1', kenyaDraft({ by: 'national', at: AT, device: 'd', now: NOW }));
  d = await send('national', edits.paragraph(d, 'p2', 'en', 'EARLY-DRAFT-TEXT, replaced before review.'));
  d = await send('national', edits.paragraph(d, 'p2', 'en', 'Most come from neighbouring countries.'));
  d = await send('national', edits.step(d, 'submit', 'national', ['team']));
  d = await send('reviewer', edits.comment(d, 'migration-trends', 'c1', 'reviewer', 'SECRET-COMMENT-ONE'));
  d = await send('national', edits.resolve(d, 'migration-trends', 'c1', 'national'));
  d = await send('reviewer', edits.step(d, 'approve', 'reviewer', ['reviewer']));
  d = await send('publisher', edits.step(d, 'publish', 'publisher', ['publisher']));
  let e2 = revise(
    null,
    'profile:KEN:2',
    nextEdition(profileOfDoc(d), { by: 'national', at: AT, device: 'd' }),
  );
  e2 = await send('national', e2);
  e2 = await send('national', edits.paragraph(e2, 'p1', 'en', 'DRAFT-SECRET-TWO'));
  await send('national', edits.step(e2, 'submit', 'national', ['team']));
});
afterAll(async () => {
  await t.close();
});

const pub = (url: string) => get(t, null, url);

describe('the public profile', () => {
  it('serves the latest published edition to anyone, with its figures and sources', async () => {
    const res = await pub('/profiles/KEN');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Migration in Kenya: a country profile');
    expect(res.body).toContain('Kenya hosts about one million international migrants.');
    expect(res.body).toContain('Kenya Department of Immigration register');
    expect(res.body).toContain('href="/profiles/KEN/figures.xlsx?edition=1"');
    expect(res.body).not.toMatch(/<script/i);
  });

  it('speaks five languages, Arabic right to left', async () => {
    for (const lang of ['en', 'fr', 'es', 'ar', 'ru']) {
      const res = await pub(`/profiles/KEN?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(new RegExp(`<html[^>]*lang="${lang}"`));
      expect(res.body).toMatch(new RegExp(`<html[^>]*dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`));
    }
    expect((await pub('/profiles/KEN?lang=ar')).body).toContain('الطبعات المنشورة');
    const bad = await pub('/profiles/KEN?lang=de');
    expect(bad.statusCode).toBe(400);
  });

  it('allows only its own styles by hash, and no script', async () => {
    const res = await pub('/profiles/KEN');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
  });

  it('lets anyone download the figures with their sources, as CSV and XLSX', async () => {
    const csv = await pub('/profiles/KEN/figures.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="KEN-migration-profile-1-figures.csv"',
    );
    expect(csv.body).toContain('UN DESA International Migration Flows');
    expect(csv.body).toContain('45000');
    const xlsx = await pub('/profiles/KEN/figures.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const sheet = readXlsx(xlsx.rawPayload, { type: 'buffer' });
    const rows = utils.sheet_to_json<Record<string, unknown>>(sheet.Sheets[sheet.SheetNames[0]!]!);
    expect(rows.some((r) => Object.values(r).includes('Kenya Department of Immigration register'))).toBe(
      true,
    );
  });

  it('never shows a draft, a review or a comment, in any response', async () => {
    const urls = [
      ...['en', 'fr', 'es', 'ar', 'ru'].map((l) => `/profiles/KEN?lang=${l}`),
      '/profiles/KEN?edition=1',
      '/profiles/KEN?edition=2',
      '/profiles/KEN/figures.csv',
      '/profiles/KEN/figures.csv?edition=2',
      '/profiles/KEN/figures.xlsx?edition=2',
    ];
    for (const url of urls) {
      const res = await pub(url);
      for (const secret of SECRETS) expect(res.body, `${url} shows ${secret}`).not.toContain(secret);
    }
    // Edition 2 is in review, not published: it does not exist for the public.
    const two = await pub('/profiles/KEN?edition=2');
    expect(two.statusCode).toBe(404);
    expect(two.json().message).toBe('KEN has no published edition 2 of its Migration Profile');
    // The reviewers do see it (the secret is in the draft, so the test above could fail).
    const inside = await get(t, 'reviewer', '/api/profiles/KEN/editions/2');
    expect(inside.body).toContain('DRAFT-SECRET-TWO');
  });

  it('says so for a country without a published profile, and refuses a code that is none', async () => {
    const uga = await pub('/profiles/UGA');
    expect(uga.statusCode).toBe(404);
    expect(uga.json().message).toBe('UGA has no published Migration Profile on this server');
    expect((await pub('/profiles/XXX')).statusCode).toBe(400);
    expect((await pub('/profiles/ken')).statusCode).toBe(400);
  });
});
