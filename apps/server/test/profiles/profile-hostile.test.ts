import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileBody } from '@tern/profiles';
import type { WireDoc } from '@tern/sync';
import { kenyaDraft } from '../../src/seed/demo-profile.ts';
import { AT, NOW, edits, get, profileApp, profileOfDoc, push, revise } from './profile-fixtures.ts';
import type { ProfileApp } from './profile-fixtures.ts';

/**
 * Hostile *permitted* callers of the profile door: each holds a real grant and tries what the grant
 * does not allow. Every refusal names the rule, and nothing refused is stored.
 */
let t: ProfileApp;
let draft: WireDoc;
const ID = 'profile:KEN:1';

beforeAll(async () => {
  t = await profileApp();
  draft = revise(null, ID, kenyaDraft({ by: 'national', at: AT, device: 'd', now: NOW }));
  expect((await push(t, 'national', 'KEN', [draft])).body.results[0]?.ok).toBe(true);
});
afterAll(async () => {
  await t.close();
});

const stored = async () => (await t.store.profile('KEN').get(ID))!._rev;
const change = (doc: WireDoc, f: (p: ProfileBody) => ProfileBody) =>
  revise(doc, doc._id, f(profileOfDoc(doc)));

describe('hostile permitted callers', () => {
  it('a team member of Uganda cannot write to Kenya, nor push Kenya into Uganda', async () => {
    // `ugandan` is team of UGA and reviewer of KEN: as a reviewer, content is not theirs to change.
    const text = edits.paragraph(draft, 'p1', 'en', 'Rewritten by another country.');
    const r = await push(t, 'ugandan', 'KEN', [text]);
    expect(r.body.results[0]).toMatchObject({ ok: false, code: 'TERN_PROFILE_TRANSITION_REFUSED' });
    expect(r.body.results[0]!.reason).toContain('only the country team edits the text and figures');
    const into = await push(t, 'ugandan', 'UGA', [text]);
    expect(into.body.results[0]).toMatchObject({ ok: false, code: 'TERN_PROFILE_WRONG_COUNTRY' });
    // An account with no grant on a country is refused at the door.
    const outsider = await push(t, 'outsider', 'KEN', []);
    expect(outsider.status).toBe(403);
    expect(outsider.body.message).toContain('holds a profile role allowing it for no country');
    expect(await stored()).toBe(draft._rev);
  });

  it('a reviewer cannot change content, even in review', async () => {
    const r = await push(t, 'reviewer', 'KEN', [
      change(draft, (p) => ({ ...p, values: p.values.filter((v) => v.year !== 2022) })),
    ]);
    expect(r.body.results[0]).toMatchObject({ ok: false, code: 'TERN_PROFILE_TRANSITION_REFUSED' });
  });

  it('a team member cannot publish, nor approve their own submission', async () => {
    const submitted = edits.step(draft, 'submit', 'national', ['team']);
    // Forged: the package would refuse, so the device is bypassed and the step written by hand.
    type Status = ProfileBody['edition']['status'];
    const forge = (doc: WireDoc, action: 'approve' | 'publish', from: Status, to: Status) =>
      change(doc, (p) => ({
        ...p,
        edition: {
          ...p.edition,
          status: to,
          history: [
            ...p.edition.history,
            { _id: `${action}:${AT}`, action, from, to, by: 'national', at: AT },
          ],
        },
      }));
    const publish = await push(t, 'national', 'KEN', [forge(draft, 'publish', 'draft', 'published')]);
    expect(publish.body.results[0]).toMatchObject({ ok: false, code: 'TERN_PROFILE_TRANSITION_REFUSED' });
    expect(publish.body.results[0]!.reason).toContain('draft → published is not one allowed step');
    expect((await push(t, 'national', 'KEN', [submitted])).body.results[0]?.ok).toBe(true);
    const approve = await push(t, 'national', 'KEN', [forge(submitted, 'approve', 'in_review', 'approved')]);
    expect(approve.body.results[0]).toMatchObject({ ok: false, code: 'TERN_PROFILE_TRANSITION_REFUSED' });
    expect(approve.body.results[0]!.reason).toContain('"approve" needs the role reviewer');
    draft = submitted;
  });

  it('a step or comment signed with someone else’s name is refused', async () => {
    const asReviewer = edits.comment(draft, 'remittances', 'cx', 'reviewer', 'Looks fine.');
    const r = await push(t, 'national', 'KEN', [asReviewer]);
    expect(r.body.results[0]).toMatchObject({ ok: false, code: 'TERN_PROFILE_TRANSITION_REFUSED' });
    expect(r.body.results[0]!.reason).toContain('is signed "reviewer" but national pushed it');
  });

  it('forged histories: a new root for an existing edition, a rev that is not its hash, a stolen id', async () => {
    const root = revise(null, ID, {
      ...profileOfDoc(draft),
      edition: { ...profileOfDoc(draft).edition, history: [] },
    });
    const fake = {
      ...root,
      _rev: `9-${root._rev.slice(2)}`,
      _revisions: { start: 9, ids: [root._rev.slice(2)] },
    };
    const a = await push(t, 'national', 'KEN', [fake]);
    expect(a.body.results[0]).toMatchObject({ ok: false, code: 'TERN_REV_HISTORY' });
    // A real child revision whose body was altered after its rev was made.
    const child = edits.paragraph(draft, 'p1', 'en', 'Honest edit.');
    const altered = { ...child, title: { en: 'Altered' } };
    const m = await push(t, 'national', 'KEN', [altered]);
    expect(m.body.results[0]).toMatchObject({ ok: false, code: 'TERN_REV_MISMATCH' });
    const b = await push(t, 'national', 'KEN', [
      revise(null, ID, kenyaDraft({ by: 'national', at: AT, device: 'x', now: NOW })),
    ]);
    expect(b.body.results[0]).toMatchObject({ ok: false, code: 'TERN_REV_HISTORY' });
    const other = revise(null, 'sub:01HZZZZZZZZZZZZZZZZZZZZZZZ', profileOfDoc(draft));
    const c = await push(t, 'national', 'KEN', [other]);
    expect(c.body.results[0]).toMatchObject({ ok: false, code: 'TERN_PROFILE_WRONG_COUNTRY' });
    const edition9 = revise(null, 'profile:KEN:9', profileOfDoc(draft));
    const d = await push(t, 'national', 'KEN', [edition9]);
    expect(d.body.results[0]).toMatchObject({ ok: false, code: 'TERN_PROFILE_WRONG_COUNTRY' });
    expect(await stored()).toBe(draft._rev);
  });

  it('deep JSON and wrong types get clear refusals, not a crash', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 400; i++) deep = { a: deep };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/profiles/KEN/sync',
      payload: { protocol: 1, device: 'd', docs: [{ _id: ID, deep }], since: null, pullLimit: 1 },
      headers: { authorization: `Bearer ${t.tokens.national}` },
    });
    expect(res.statusCode).toBe(400);
    const typed = change(draft, (p) => ({ ...p, values: 'many' as unknown as ProfileBody['values'] }));
    const r = await push(t, 'national', 'KEN', [typed]);
    expect(r.body.results[0]).toMatchObject({ ok: false, code: 'TERN_PROFILE_INVALID' });
    expect(r.body.results[0]!.reason).toContain('values');
  });

  it('a published edition takes nothing more, from anyone, on any branch', async () => {
    let d = draft;
    d = edits.step(d, 'approve', 'reviewer', ['reviewer']);
    expect((await push(t, 'reviewer', 'KEN', [d])).body.results[0]?.ok).toBe(true);
    const beforePublish = d;
    d = edits.step(d, 'publish', 'publisher', ['publisher']);
    expect((await push(t, 'publisher', 'KEN', [d])).body.results[0]?.ok).toBe(true);
    // A branch from before publication (reopen, then edit) is refused too: no way around the freeze.
    const reopened = edits.step(beforePublish, 'reopen', 'publisher', ['publisher']);
    const r = await push(t, 'admin', 'KEN', [reopened]);
    expect(r.body.results[0]).toMatchObject({ ok: false, code: 'TERN_PROFILE_FROZEN' });
    const comment = edits.comment(beforePublish, 'remittances', 'late', 'admin', 'late');
    expect((await push(t, 'admin', 'KEN', [comment])).body.results[0]?.code).toBe('TERN_PROFILE_FROZEN');
    expect(await stored()).toBe(d._rev);
    const read = await get(t, 'national', '/api/profiles/KEN/editions/1');
    expect(read.json().conflict).toBeNull();
  });
});
