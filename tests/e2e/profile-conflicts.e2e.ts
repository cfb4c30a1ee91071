import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextEdition } from '@tern/profiles';
import type { ProfileBody } from '@tern/profiles';
import { nextRevision } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { seriousA11yProblems } from '../support/axe.ts';
import { openApp } from '../support/app.ts';
import { launchChromium } from '../support/browser.ts';
import { bearerToken } from '../support/pouch-client.ts';
import { DEMO, ROOT, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';

/**
 * An admin settles a Migration Profile conflict on the conflict screen (decision 213), against the
 * real server with the demo seed. Two of the national team's laptops rewrote the same paragraph of
 * edition 2 offline (pushed here through the profile sync door as the devices would); the admin finds
 * the edition under "Migration profile conflicts", sees both texts, types the final wording and
 * resolves; the server then holds one version with it.
 */
let server: ServerHandle;
let browser: Browser;
const SHOTS = process.env.TERN_GUIDE_SHOTS
  ? join(ROOT, 'docs/guide/img')
  : mkdtempSync(join(tmpdir(), 'tern-shots-'));
const ID = 'profile:KEN:2';
const PATH = 'sections.migration-trends.paragraphs[p1].text.en';

beforeAll(async () => {
  server = await startServer({});
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const revise = (parent: WireDoc | null, body: ProfileBody): WireDoc => {
  const r = nextRevision(parent ? { rev: parent._rev, revisions: parent._revisions } : null, body as never);
  return { ...body, _id: ID, _rev: r.rev, _revisions: r.revisions } as unknown as WireDoc;
};
const withText = (doc: WireDoc, text: string): ProfileBody => {
  const p = doc as unknown as ProfileBody;
  const s = p.sections['migration-trends'];
  const { _id: _i, _rev: _r, _revisions: _h, ...body } = p as unknown as Record<string, unknown>;
  return {
    ...(body as unknown as ProfileBody),
    sections: {
      ...p.sections,
      'migration-trends': {
        ...s,
        paragraphs: s.paragraphs.map((x) => (x._id === 'p1' ? { ...x, text: { ...x.text, en: text } } : x)),
      },
    },
  };
};

describe('an admin settles a profile conflict on the conflict screen', () => {
  it('finds it, sees both texts, types the wording, and the server keeps one version', async () => {
    const token = await bearerToken(server.url, 'national', 'demo-national-pass');
    const api = async (path: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(res.status, path).toBe(200);
      return (await res.json()) as Record<string, unknown>;
    };
    const push = (docs: WireDoc[]) =>
      api('/api/profiles/KEN/sync', { protocol: 1, device: 'laptop', docs, since: null, pullLimit: 10 });

    const published = (await api('/api/profiles/KEN/editions/1')).edition as ProfileBody;
    const at = new Date().toISOString();
    const start = revise(null, nextEdition(published, { by: 'national', at, device: 'laptop-1' }));
    const laptop = revise(start, withText(start, 'Laptop: Kenya hosts about one million migrants.'));
    const tablet = revise(start, withText(start, 'Tablet: Kenya hosts over a million migrants.'));
    await push([start]);
    await push([laptop]);
    const clash = (await push([tablet])) as { conflicts: Array<{ paths: string[] }> };
    expect(clash.conflicts.map((c) => c.paths)).toEqual([[PATH]]);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await openApp(page, `${server.url}/?mission=demo`, DEMO.admin);
      await page.getByRole('link', { name: 'Conflicts' }).click();
      const section = page.locator('section.profile-conflicts');
      const row = section.locator(`tr[data-id="${ID}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain('Migration trends ¶p1 (en)');
      await row.getByRole('button', { name: 'Open' }).click();
      const field = section.locator(`tr[data-path="${PATH}"]`);
      await field.waitFor();
      const text = (await field.textContent()) ?? '';
      expect(text).toContain('Laptop: Kenya hosts about one million migrants.');
      expect(text).toContain('Tablet: Kenya hosts over a million migrants.');
      expect(await section.locator('.profile-conflict-versions li').count()).toBe(2);
      expect(await seriousA11yProblems(page)).toEqual([]);
      await field.getByLabel('Type a new value').check();
      const final = 'Kenya hosts about 1.05 million international migrants.';
      await field.getByRole('textbox').fill(final);
      await section.screenshot({ path: join(SHOTS, 'admin-profile-conflict.png') });
      await section.getByRole('button', { name: 'Yes, resolve' }).click();
      await section.getByRole('status').filter({ hasText: 'Resolved' }).waitFor();
      await section.getByText('No migration profile edition is in conflict.').waitFor();

      const after = await api('/api/profiles/KEN/editions/2');
      expect(after.conflict).toBeNull();
      const settled = after.edition as ProfileBody;
      expect(settled.sections['migration-trends'].paragraphs.find((p) => p._id === 'p1')!.text.en).toBe(
        final,
      );
      expect(settled.updatedBy).toBe('admin');
    } finally {
      await context.close();
    }
  }, 300_000);
});
