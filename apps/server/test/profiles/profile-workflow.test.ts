import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextEdition } from '@tern/profiles';
import type { WireDoc } from '@tern/sync';
import { kenyaDraft } from '../../src/seed/demo-profile.ts';
import { AT, NOW, edits, get, profileApp, profileOfDoc, push, revise } from './profile-fixtures.ts';
import type { ProfileApp } from './profile-fixtures.ts';

/**
 * The whole edition workflow through HTTP (issue 15): the team drafts with figures imported from
 * SDMX-CSV (two sources that disagree) and pushes; a reviewer comments; the team resolves; the
 * reviewer approves; the publisher publishes; a second edition starts from the first and its diff is
 * served. Each device's copy is what the other devices pulled.
 */
let t: ProfileApp;
let team: WireDoc;
const ID = 'profile:KEN:1';

beforeAll(async () => {
  t = await profileApp();
});
afterAll(async () => {
  await t.close();
});

const ok = (r: Awaited<ReturnType<typeof push>>) => {
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(
    r.body.results.every((x) => x.ok),
    JSON.stringify(r.body.results),
  ).toBe(true);
};

describe('a profile edition from draft to publication', () => {
  it('the team drafts offline, imports two disagreeing sources and pushes', async () => {
    team = revise(null, ID, kenyaDraft({ by: 'national', at: AT, device: 'dev-national', now: NOW }));
    const immigration2022 = profileOfDoc(team).values.filter(
      (v) => v.indicator === 'immigration' && v.year === 2022,
    );
    expect(immigration2022.map((v) => v.value).sort()).toEqual([38000, 45000]);
    ok(await push(t, 'national', 'KEN', [team]));
    const listed = await get(t, 'national', '/api/profiles');
    expect(listed.json().countries).toEqual([
      expect.objectContaining({
        country: 'KEN',
        name: 'Kenya',
        roles: ['team'],
        editions: [expect.objectContaining({ number: 1, status: 'draft', conflict: false })],
      }),
    ]);
  });

  it('serves the gap matrix with both sources side by side', async () => {
    const res = await get(t, 'reviewer', `/api/profiles/KEN/editions/1/gaps`);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json().matrix as {
      years: number[];
      blocks: Array<{ indicator: string; rows: unknown[]; coverage: number[] }>;
    };
    const block = m.blocks.find((b) => b.indicator === 'immigration')!;
    expect(block.rows).toHaveLength(2);
    expect(block.coverage[m.years.indexOf(2022)]).toBe(2);
  });

  let current: WireDoc;
  it('a reviewer pulls it and comments; the team pulls the comment and resolves it', async () => {
    const pulled = await push(t, 'reviewer', 'KEN', []);
    expect(pulled.body.changes.find((d) => d._id === ID)?._rev).toBe(team._rev);
    const submitted = edits.step(team, 'submit', 'national', ['team']);
    ok(await push(t, 'national', 'KEN', [submitted]));
    const commented = edits.comment(
      submitted,
      'migration-trends',
      'c1',
      'reviewer',
      'Which source is the million?',
    );
    ok(await push(t, 'reviewer', 'KEN', [commented]));
    // The package refuses an approval while a comment is open; a forged one is refused by the server.
    expect(() => edits.step(commented, 'approve', 'reviewer', ['reviewer'])).toThrow(/still open/);
    const teamCopy = (await push(t, 'national', 'KEN', [])).body.changes.find((d) => d._id === ID)!;
    expect(teamCopy._rev).toBe(commented._rev);
    current = edits.resolve(teamCopy, 'migration-trends', 'c1', 'national');
    ok(await push(t, 'national', 'KEN', [current]));
  });

  it('the reviewer approves, the publisher publishes, and the edition is frozen', async () => {
    current = edits.step(current, 'approve', 'reviewer', ['reviewer']);
    ok(await push(t, 'reviewer', 'KEN', [current]));
    current = edits.step(current, 'publish', 'publisher', ['publisher']);
    ok(await push(t, 'publisher', 'KEN', [current]));
    const read = await get(t, 'national', `/api/profiles/KEN/editions/1`);
    expect(read.json().edition.edition).toMatchObject({ status: 'published', publishedBy: 'publisher' });
    expect(read.json().edition.edition.history.map((s: { action: string }) => s.action)).toEqual([
      'submit',
      'approve',
      'publish',
    ]);
    // Even the team's text edit on the published edition is refused, with the reason.
    const late = edits.paragraph(current, 'p1', 'en', 'Changed after publication.');
    const r = await push(t, 'national', 'KEN', [late]);
    expect(r.body.results[0]).toMatchObject({ ok: false, code: 'TERN_PROFILE_FROZEN' });
    expect(r.body.results[0]!.reason).toContain('published and frozen');
  });

  it('a second edition starts from the first, and their diff is served', async () => {
    const second = nextEdition(profileOfDoc(current), { by: 'national', at: AT, device: 'dev-national' });
    let doc = revise(null, 'profile:KEN:2', second);
    doc = edits.paragraph(doc, 'p1', 'en', 'Kenya hosts about 1.05 million international migrants.');
    ok(await push(t, 'national', 'KEN', [doc]));
    const res = await get(t, 'reviewer', '/api/profiles/KEN/diff?from=1&to=2');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lines).toContain(
      'Migration trends ¶p1 (en) changed: Kenya hosts about [-one-]{+1.05+} million international migrants.',
    );
    const list = (await get(t, 'national', '/api/profiles')).json().countries[0].editions;
    expect(list.map((e: { number: number; status: string }) => [e.number, e.status])).toEqual([
      [1, 'published'],
      [2, 'draft'],
    ]);
  });

  it('answers a missing edition and a bad country with what is wrong', async () => {
    const none = await get(t, 'national', '/api/profiles/KEN/editions/9');
    expect(none.statusCode).toBe(404);
    expect(none.json().message).toContain('KEN has no edition 9');
    const xxx = await get(t, 'admin', '/api/profiles/XXX/editions/1');
    expect(xxx.statusCode).toBe(400);
    expect(xxx.json().message).toContain('XXX is not an assigned ISO 3166-1 alpha-3');
  });
});
