import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { DEMO, ROOT, startServer } from '../support/server-process.ts';
import { logIn, openControlled } from '../support/tern-page.ts';
import type { ServerHandle } from '../support/server-process.ts';

/**
 * Issue 16, "what it must show": a reassigned case's personal data leaves the old interviewer's device
 * at their next sync, and reaches the new interviewer's (decisions 135, 136). Real Chromium, real
 * server on loopback, the demo mission; the IndexedDB rows are read from the pages.
 */
let server: ServerHandle;
let browser: Browser;
const BEN = { username: 'ben', password: 'ben-interviewer-pass' };

beforeAll(async () => {
  server = await startServer({ demoCases: true });
  browser = await launchChromium();
  // A second interviewer of the demo mission, made by the admin through the API.
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...DEMO.admin, bearer: true }),
  });
  const { token } = (await login.json()) as { token: string };
  const made = await fetch(`${server.url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ ...BEN, role: 'interviewer', missions: ['demo'] }),
  });
  expect(made.status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Dict = Record<string, unknown>;
const en = (() => {
  const d = JSON.parse(readFileSync(join(ROOT, 'apps/web/src/i18n/locales/en/cases.json'), 'utf8')) as Dict;
  return (path: string) => String(path.split('.').reduce<unknown>((o, k) => (o as Dict)[k], d));
})();

async function sync(page: Page): Promise<void> {
  await page.locator('.cases-nav .sync > button').click();
  await page.waitForFunction(() => {
    const s = document.querySelector('.cases-nav .sync [role=status]')?.getAttribute('data-state');
    return s === 'done' || s === 'failed';
  });
  expect(await page.locator('.cases-nav .sync [role=status]').getAttribute('data-state')).toBe('done');
}

/** Which of these ids have a row in the device's IndexedDB (any state). */
function rowsHeld(page: Page, ids: string[]): Promise<string[]> {
  return page.evaluate(
    (wanted) =>
      new Promise<string[]>((ok, fail) => {
        const open = indexedDB.open('tern');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('docs').objectStore('docs').getAllKeys();
          all.onsuccess = () => {
            const keys = new Set(all.result as string[]);
            open.result.close();
            ok(wanted.filter((id) => keys.has(id)));
          };
        };
      }),
    ids,
  );
}

/** Every row's sealed bytes and clear fields, as text: what someone holding the device could read. */
function deviceDump(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((ok, fail) => {
        const open = indexedDB.open('tern');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('docs').objectStore('docs').getAll();
          all.onsuccess = () => {
            open.result.close();
            ok(JSON.stringify(all.result));
          };
        };
      }),
  );
}

async function openCases(
  ctx: Awaited<ReturnType<Browser['newContext']>>,
  who: { username: string; password: string },
) {
  const page = await openControlled(ctx, `${server.url}/?mission=demo`);
  expect(await logIn(page, who.username, who.password)).toBeNull();
  await page.getByRole('button', { name: en('open'), exact: true }).click();
  await sync(page);
  return page;
}

describe('case assignment', () => {
  it('the officer transfers a case from interviewer A to B: A’s device loses it at its next sync, B’s gets it', async () => {
    const ctxA = await browser.newContext();
    const ctxB = await browser.newContext();
    const ctxO = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    try {
      const a = await openCases(ctxA, DEMO.interviewer);
      const b = await openCases(ctxB, BEN);
      const off = await openCases(ctxO, DEMO.officer);

      // A case of interviewer A, with its forms, as the officer sees it.
      const row = off
        .locator('table.cases tbody tr')
        .filter({ has: off.locator('td', { hasText: /^interviewer$/ }) })
        .first();
      const code = (await row.locator('.case-code').textContent())!.trim();
      await row.locator('.case-code button').click();
      const caseId = (await off.locator('.case-page').getAttribute('data-case'))!;
      const forms = await off
        .locator('ol.timeline li[data-kind=form]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
      const ids = [caseId, ...forms];
      expect(forms.length).toBeGreaterThan(0);
      expect(await rowsHeld(a, ids)).toEqual(ids);
      expect(await rowsHeld(b, ids)).toEqual([]);

      // The officer transfers it to B (a select of the mission's interviewers), then syncs.
      const select = off.getByLabel(en('assign.to'), { exact: true });
      await select.locator('option[value=ben]').waitFor({ state: 'attached' });
      await expect(select.locator('option').allTextContents()).resolves.toEqual(['', 'ben', 'interviewer']);
      await select.selectOption('ben');
      await off.getByRole('button', { name: en('assign.transfer'), exact: true }).click();
      await off.getByRole('status').filter({ hasText: 'ben' }).waitFor();
      expect(await off.locator('.case-page').textContent()).toContain('ben');
      // The transfer is in the case's timeline: to whom, by whom.
      const item = off.locator('ol.timeline li[data-kind=assignment]');
      expect(await item.count()).toBe(1);
      expect(await item.textContent()).toMatch(/ben.*officer/);
      // Assigning is an office act: the button has a touch-sized target on the phone.
      const box = await off.getByRole('button', { name: en('assign.transfer'), exact: true }).boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
      await sync(off);

      // A syncs: the case and its forms leave A's IndexedDB.
      await sync(a);
      expect(await rowsHeld(a, ids)).toEqual([]);
      const dump = await deviceDump(a);
      for (const id of ids) expect(dump).not.toContain(id);
      await a.getByLabel(en('search'), { exact: true }).fill(code);
      await expect(a.locator('table.cases tbody tr').count()).resolves.toBe(0);

      // B syncs: the case and its older forms arrive, and B finds it by its code.
      await sync(b);
      expect((await rowsHeld(b, ids)).sort()).toEqual([...ids].sort());
      await b.getByLabel(en('search'), { exact: true }).fill(code);
      await b.locator('table.cases tbody tr').first().waitFor();
      expect(await b.locator('table.cases tbody tr').count()).toBe(1);

      // The server refuses A's device writing into the case now (a forged push, as from a stale app).
      const aToken = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...DEMO.interviewer, bearer: true }),
      }).then(async (r) => ((await r.json()) as { token: string }).token);
      const pulled = await fetch(`${server.url}/couch/demo/${encodeURIComponent(caseId)}`, {
        headers: { authorization: `Bearer ${aToken}` },
      });
      expect(pulled.status).toBe(404);
    } finally {
      await ctxA.close();
      await ctxB.close();
      await ctxO.close();
    }
  });
});
