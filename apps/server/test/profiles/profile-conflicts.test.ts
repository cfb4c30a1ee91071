import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileBody } from '@tern/profiles';
import type { WireDoc } from '@tern/sync';
import { kenyaDraft } from '../../src/seed/demo-profile.ts';
import { AT, NOW, edits, get, profileApp, profileOfDoc, push, revise } from './profile-fixtures.ts';
import type { ProfileApp } from './profile-fixtures.ts';

/**
 * The admin settles a profile edition's conflict (decision 213): two devices rewrote the same
 * paragraph offline; the admin sees both versions and the disputed field, picks or types the text,
 * and the edition has one version again. Hostile permitted callers try the same.
 */
let t: ProfileApp;
const ID = 'profile:KEN:1';
const PATH = 'sections.migration-trends.paragraphs[p1].text.en';
let laptop: WireDoc;
let tablet: WireDoc;

const as = (who: string | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: who ? { authorization: `Bearer ${t.tokens[who]}` } : {},
  });

interface View {
  branches: Array<{ rev: string; status: string; author: string; body: ProfileBody }>;
  fields: Array<{ path: string; values: [unknown, unknown] }>;
  statusClash: boolean;
  leaves: number;
}

/** A fresh conflict on the same paragraph (from the edition as stored now). */
async function conflict(a: string, b: string) {
  const now = (await push(t, 'national', 'KEN', [])).body.changes.find((d) => d._id === ID)!;
  laptop = edits.paragraph(now, 'p1', 'en', a);
  tablet = edits.paragraph(now, 'p1', 'en', b);
  expect((await push(t, 'national', 'KEN', [laptop])).body.results[0]?.ok).toBe(true);
  const r = await push(t, 'national', 'KEN', [tablet]);
  expect(r.body.conflicts.map((c) => c.paths)).toEqual([[PATH]]);
}

beforeAll(async () => {
  t = await profileApp();
  const base = revise(null, ID, kenyaDraft({ by: 'national', at: AT, device: 'a', now: NOW }));
  expect((await push(t, 'national', 'KEN', [base])).body.results[0]?.ok).toBe(true);
});
afterAll(async () => {
  await t.close();
});

describe('an admin settles a profile conflict', () => {
  it('lists it, shows both versions and the field, and settles it with a typed text', async () => {
    await conflict('Laptop wording.', 'Tablet wording.');
    const list = await as('admin', 'GET', '/api/admin/profile-conflicts');
    expect(list.statusCode).toBe(200);
    expect(list.json().conflicts).toEqual([{ country: 'KEN', edition: 1, id: ID, leaves: 2, paths: [PATH] }]);
    const res = await as('admin', 'GET', '/api/admin/profile-conflicts/KEN/1');
    expect(res.statusCode).toBe(200);
    const view = res.json() as View;
    expect(view.statusClash).toBe(false);
    expect(view.fields.map((f) => f.path)).toEqual([PATH]);
    expect([...view.fields[0]!.values].sort()).toEqual(['Laptop wording.', 'Tablet wording.']);
    expect(view.branches.map((b) => b.rev).sort()).toEqual([laptop._rev, tablet._rev].sort());

    // A resolution that forgets the field, or names a field not disputed, is refused; nothing stored.
    const revs = view.branches.map((b) => b.rev);
    const missing = await as('admin', 'POST', '/api/admin/profile-conflicts/KEN/1/resolve', {
      revs,
      choices: {},
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain(PATH);
    const stray = await as('admin', 'POST', '/api/admin/profile-conflicts/KEN/1/resolve', {
      revs,
      choices: { [PATH]: { pick: 0 }, 'edition.status': { value: 'published' } },
    });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().message).toContain('edition.status is not a disputed field');
    expect((await t.store.profile('KEN').liveBranches(ID)).length).toBe(2);

    const typed = 'Combined wording from both devices.';
    const ok = await as('admin', 'POST', '/api/admin/profile-conflicts/KEN/1/resolve', {
      revs,
      choices: { [PATH]: { value: typed } },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ id: ID, stillOpen: false });
    const read = await get(t, 'national', '/api/profiles/KEN/editions/1');
    const edition = read.json() as { conflict: unknown; edition: ProfileBody; rev: string };
    expect(edition.conflict).toBeNull();
    expect(edition.rev).toBe(ok.json().rev);
    expect(edition.edition.sections['migration-trends'].paragraphs[0]!.text.en).toBe(typed);
    expect(edition.edition.updatedBy).toBe('admin');
    // Both devices' texts are still in the store's history: nothing was overwritten.
    for (const d of [laptop, tablet]) expect(await t.store.profile('KEN').bodyAt(ID, d._rev)).toBeDefined();
    // The audit names the path and how, never the text.
    const audit = (await as('admin', 'GET', '/api/admin/audit?action=profile.resolve')).json() as {
      entries: Array<{ details: Record<string, unknown> }>;
    };
    expect(audit.entries[0]!.details).toMatchObject({
      country: 'KEN',
      edition: 1,
      settled: { [PATH]: 'value' },
    });
    expect(JSON.stringify(audit.entries)).not.toContain(typed);
    expect((await as('admin', 'GET', '/api/admin/profile-conflicts/KEN/1')).statusCode).toBe(404);
  });

  it('a stale view is refused, then picking a side settles it; the device syncs the result', async () => {
    await conflict('Second laptop text.', 'Second tablet text.');
    const view = (await as('admin', 'GET', '/api/admin/profile-conflicts/KEN/1')).json() as View;
    const stale = await as('admin', 'POST', '/api/admin/profile-conflicts/KEN/1/resolve', {
      revs: [view.branches[0]!.rev, laptop._revisions!.ids.length + '-' + 'a'.repeat(32)],
      choices: { [PATH]: { pick: 0 } },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'TERN_CONFLICT_CHANGED' });
    const picked = view.fields[0]!.values[1];
    const ok = await as('admin', 'POST', '/api/admin/profile-conflicts/KEN/1/resolve', {
      revs: view.branches.map((b) => b.rev),
      choices: { [PATH]: { pick: 1 } },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // A device pulls the settled edition and carries on editing it.
    const pulled = (await push(t, 'national', 'KEN', [])).body.changes.find((d) => d._id === ID)!;
    expect(profileOfDoc(pulled).sections['migration-trends'].paragraphs[0]!.text.en).toBe(picked);
    const next = edits.paragraph(pulled, 'p2', 'en', 'Edited after the settlement.');
    expect((await push(t, 'national', 'KEN', [next])).body.results[0]?.ok).toBe(true);
  });

  it('two versions at different workflow steps are settled only by keeping one whole', async () => {
    const now = (await push(t, 'national', 'KEN', [])).body.changes.find((d) => d._id === ID)!;
    const edited = edits.paragraph(now, 'p1', 'en', 'Edited while another device submitted.');
    const submitted = edits.step(now, 'submit', 'national', ['team']);
    expect((await push(t, 'national', 'KEN', [edited])).body.results[0]?.ok).toBe(true);
    const r = await push(t, 'national', 'KEN', [submitted]);
    expect(r.body.conflicts[0]?.paths).toEqual(['edition.status']);
    const view = (await as('admin', 'GET', '/api/admin/profile-conflicts/KEN/1')).json() as View;
    expect(view.statusClash).toBe(true);
    expect(view.branches.map((b) => b.status).sort()).toEqual(['draft', 'in_review']);
    const revs = view.branches.map((b) => b.rev);
    const fields = await as('admin', 'POST', '/api/admin/profile-conflicts/KEN/1/resolve', {
      revs,
      choices: {},
    });
    expect(fields.statusCode).toBe(400);
    expect(fields.json().message).toContain('keep one of them whole');
    const both = await as('admin', 'POST', '/api/admin/profile-conflicts/KEN/1/resolve', {
      revs,
      keep: 0,
      choices: {},
    });
    expect(both.statusCode).toBe(400);
    const draftSide = view.branches.findIndex((b) => b.status === 'draft') as 0 | 1;
    const ok = await as('admin', 'POST', '/api/admin/profile-conflicts/KEN/1/resolve', {
      revs,
      keep: draftSide,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const read = (await get(t, 'national', '/api/profiles/KEN/editions/1')).json() as {
      edition: ProfileBody;
    };
    expect(read.edition.edition.status).toBe('draft');
    expect(read.edition.sections['migration-trends'].paragraphs[0]!.text.en).toBe(
      'Edited while another device submitted.',
    );
  });

  it('hostile callers: the country team, a reviewer, no session, forged content through a typed value', async () => {
    await conflict('Hostile A.', 'Hostile B.');
    const view = (await as('admin', 'GET', '/api/admin/profile-conflicts/KEN/1')).json() as View;
    const revs = view.branches.map((b) => b.rev);
    for (const who of ['national', 'reviewer', 'publisher', 'ugandan']) {
      for (const [method, url] of [
        ['GET', '/api/admin/profile-conflicts'],
        ['GET', '/api/admin/profile-conflicts/KEN/1'],
        ['POST', '/api/admin/profile-conflicts/KEN/1/resolve'],
      ] as const) {
        const res = await as(who, method, url, method === 'POST' ? { revs, keep: 0 } : undefined);
        expect(res.statusCode, `${who} ${method} ${url}`).toBe(403);
        expect(res.body).not.toContain('Hostile');
      }
    }
    expect((await as(null, 'GET', '/api/admin/profile-conflicts')).statusCode).toBe(401);
    // Even an admin's typed value must leave a valid edition: not another shape, not over the size limit.
    const bad = [{ [PATH]: { value: { nested: 'object' } } }, { [PATH]: { value: 'x'.repeat(60_000) } }];
    for (const choices of bad) {
      const res = await as('admin', 'POST', '/api/admin/profile-conflicts/KEN/1/resolve', { revs, choices });
      expect(res.statusCode, JSON.stringify(choices).slice(0, 80)).toBe(400);
      expect(res.json().message).toContain('not valid');
    }
    for (const [url, status] of [
      ['/api/admin/profile-conflicts/XXX/1', 400],
      ['/api/admin/profile-conflicts/KEN/0', 400],
      ['/api/admin/profile-conflicts/KEN/7', 404],
      ['/api/admin/profile-conflicts/UGA/1', 404],
    ] as const)
      expect((await as('admin', 'GET', url)).statusCode, url).toBe(status);
    expect((await t.store.profile('KEN').liveBranches(ID)).length).toBe(2);
  });
});
