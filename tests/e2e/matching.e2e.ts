import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { caseCode } from '@tern/cases';
import type { CaseBody } from '@tern/cases';
import { nextRevision } from '@tern/sync';
import { openApp } from '../support/app.ts';
import { launchChromium } from '../support/browser.ts';
import { bearerToken, testUlid } from '../support/pouch-client.ts';
import { DEMO, ROOT, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';

/**
 * Issue 20, "what it must show": two missions register the same person in different scripts; the
 * admin sees the pair in the review queue, links it; each mission's case shows the link (mission,
 * code, date); unlinking restores the previous state; the audit shows both. Real Chromium, real
 * server on loopback; the cases come in through the sync door as a device sends them.
 */
let server: ServerHandle;
let browser: Browser;
const EAST = { username: 'east-officer', password: 'east-officer-pass' };

type Dict = Record<string, unknown>;
const words = (ns: string) => {
  const d = JSON.parse(readFileSync(join(ROOT, `apps/web/src/i18n/locales/en/${ns}.json`), 'utf8')) as Dict;
  return (path: string) => String(path.split('.').reduce<unknown>((o, k) => (o as Dict)[k], d));
};
const cases = words('cases');
const matching = words('matching');

async function api(path: string, token: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

/** A case registered on a device of `mission` by `by`, pushed through the compact sync door. */
async function register(mission: string, by: { username: string; password: string }, fullName: string) {
  const body: CaseBody = {
    type: 'case',
    mission,
    code: caseCode(mission.toUpperCase(), 1, 1),
    status: 'screening',
    assignedTo: by.username,
    pii: { fullName, birthDate: '1990-03-15' },
    history: [],
    createdAt: new Date().toISOString(),
    createdBy: by.username,
    device: `dev-${mission}`,
  };
  const r = nextRevision(null, body);
  const doc = { _id: `case:${testUlid()}`, _rev: r.rev, _revisions: r.revisions, ...body };
  const token = await bearerToken(server.url, by.username, by.password);
  const res = await api(`/api/sync/${mission}`, token, {
    protocol: 1,
    device: `dev-${mission}`,
    docs: [doc],
    since: null,
    pullLimit: 10,
  });
  expect(res.status).toBe(200);
  const out = (await res.json()) as { results: Array<{ ok: boolean }> };
  expect(out.results[0]!.ok).toBe(true);
  return { id: doc._id, code: body.code };
}

/** The officer's case page for one case, after a sync: what the mission's people see of it. */
async function openCase(page: Page, code: string) {
  await page.getByRole('button', { name: cases('open'), exact: true }).click();
  await page.locator('.cases-nav .sync > button').click();
  await page.waitForFunction(
    () => document.querySelector('.cases-nav .sync [role=status]')?.getAttribute('data-state') === 'done',
  );
  await page.getByLabel(cases('search'), { exact: true }).fill(code);
  await page.locator('table.cases tbody tr .case-code button').first().click();
  await page.locator('.case-page').waitFor();
}

beforeAll(async () => {
  server = await startServer({});
  browser = await launchChromium();
  const admin = await bearerToken(server.url, DEMO.admin.username, DEMO.admin.password);
  expect((await api('/api/missions', admin, { id: 'east', name: 'East' })).status).toBe(201);
  const made = await api('/api/users', admin, { ...EAST, role: 'data_officer', missions: ['east'] });
  expect(made.status).toBe(201);
  // Starting the server and Chromium on a loaded 2-core machine can take over a minute.
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('matching across missions', () => {
  it('the admin links one person registered by two missions in two scripts; each case shows the other; unlink restores; audited', async () => {
    const west = await register('demo', DEMO.officer, 'Olena Kovalenko');
    const east = await register('east', EAST, 'Олена Коваленко');

    const adminCtx = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const demoCtx = await browser.newContext();
    const eastCtx = await browser.newContext();
    try {
      // The admin opens the queue from the header link: the pair, names as each mission wrote them.
      const ap = await adminCtx.newPage();
      await openApp(ap, `${server.url}/?mission=demo`, DEMO.admin);
      await ap.getByRole('link', { name: matching('adminLink') }).click();
      const pair = ap.locator('li.match-pair').filter({ hasText: 'Олена Коваленко' });
      await pair.waitFor();
      expect(await pair.textContent()).toContain('Olena Kovalenko');
      expect(await pair.textContent()).toContain(west.code);
      expect(await pair.textContent()).toContain(east.code);
      const same = pair.getByRole('button', { name: matching('decide.same') });
      expect((await same.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await same.click();
      await ap.getByText(matching('none')).waitFor();

      // Each mission's officer sees the link on their case: the other mission and code, no name.
      const dp = await demoCtx.newPage();
      await openApp(dp, `${server.url}/?mission=demo`, DEMO.officer);
      await openCase(dp, west.code);
      const demoLink = dp.locator('.linked-cases');
      await demoLink.waitFor();
      expect(await demoLink.textContent()).toContain(`east: case ${east.code}`);
      expect(await dp.locator('.case-page').textContent()).not.toContain('Олена');

      const ep = await eastCtx.newPage();
      await openApp(ep, `${server.url}/?mission=east`, EAST);
      await openCase(ep, east.code);
      await ep.locator('.linked-cases').waitFor();
      expect(await ep.locator('.linked-cases').textContent()).toContain(`demo: case ${west.code}`);

      // The admin unlinks: the pair is back in the queue, the cases show no link any more.
      await ap.getByLabel(matching('showDecided')).check();
      const linked = ap.locator('li.match-pair[data-decision=same]');
      await linked.getByRole('button', { name: matching('unlink') }).click();
      await ap.getByLabel(matching('showDecided')).uncheck();
      await ap.locator('li.match-pair').filter({ hasText: 'Олена Коваленко' }).waitFor();
      await dp.getByRole('button', { name: cases('page.back') }).click();
      const asked = dp.waitForResponse((r) => r.url().includes('/links'));
      await openCase(dp, west.code);
      expect(await (await asked).json()).toEqual({ links: [] });
      expect(await dp.locator('.linked-cases').count()).toBe(0);

      // The audit shows the link and the unlink.
      const token = await bearerToken(server.url, DEMO.admin.username, DEMO.admin.password);
      const audit = (await (await api('/api/admin/audit?limit=50', token)).json()) as {
        entries: Array<{ action: string; actor: string }>;
      };
      const actions = audit.entries.map((e) => e.action);
      expect(actions).toContain('match.decide');
      expect(actions).toContain('match.unlink');
    } finally {
      await Promise.all([adminCtx.close(), demoCtx.close(), eastCtx.close()]);
    }
  });
});
