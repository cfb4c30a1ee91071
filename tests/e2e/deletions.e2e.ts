import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { DEMO, startServer } from '../support/server-process.ts';
import { logIn, openControlled } from '../support/tern-page.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { PHONE, words } from '../support/locale.ts';

/**
 * Issue 12, item 1: a deletion reaches the other devices. The data officer deletes a form on one
 * phone (360 px, English); the interviewer's phone (360 px, Arabic) held that form and loses it at its
 * next sync — from the records list, from the case, and as a deleted row in its IndexedDB.
 */
let server: ServerHandle;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ demoCases: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const tr = (lang: string) => words(lang, 'cases');

async function sync(page: Page): Promise<string> {
  await page.locator('.cases-nav .sync > button').click();
  await page.waitForFunction(() => {
    const s = document.querySelector('.cases-nav .sync [role=status]')?.getAttribute('data-state');
    return s === 'done' || s === 'failed';
  });
  const state = await page.locator('.cases-nav .sync [role=status]').getAttribute('data-state');
  expect(state).toBe('done');
  return (await page.locator('.cases-nav .sync [role=status]').textContent()) ?? '';
}

/** The device's own row for a record in IndexedDB (clear fields only; the body stays sealed). */
function deviceRow(page: Page, id: string) {
  return page.evaluate(
    (docId) =>
      new Promise<{ deleted: boolean; syncState: string } | null>((ok, fail) => {
        const open = indexedDB.open('tern');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('docs').objectStore('docs').get(docId);
          get.onsuccess = () => {
            const r = get.result as { deleted: boolean; syncState: string } | undefined;
            open.result.close();
            ok(r ? { deleted: r.deleted, syncState: r.syncState } : null);
          };
        };
      }),
    id,
  );
}

async function openCaseByCode(page: Page, lang: string, code: string) {
  await page.getByLabel(tr(lang)('search'), { exact: true }).fill(code);
  await page.locator('table.cases tbody tr').first().waitFor();
  expect(await page.locator('table.cases tbody tr').count()).toBe(1);
  await page.locator('table.cases tbody tr .case-code button').click();
  await page.locator('.case-page').waitFor();
}

describe('a form deleted on one device leaves the other after sync', () => {
  it('officer deletes on a phone in English; the interviewer phone in Arabic loses it', async () => {
    const interviewerCtx = await browser.newContext(PHONE);
    const officerCtx = await browser.newContext(PHONE);
    try {
      // The interviewer's phone holds the mission's records.
      const iv = await openControlled(interviewerCtx, `${server.url}/?mission=demo`);
      expect(await logIn(iv, DEMO.interviewer.username, DEMO.interviewer.password)).toBeNull();
      await iv.locator('.language-picker select').selectOption('ar');
      await iv.waitForFunction(() => document.documentElement.dir === 'rtl');
      await iv.getByRole('button', { name: tr('ar')('open'), exact: true }).click();
      await sync(iv);
      // Issue 16: the records list names people and forms, not ids, and pages the ~500 records.
      await iv.getByRole('button', { name: tr('ar')('records'), exact: true }).click();
      await iv.locator('table.records tbody tr').nth(49).waitFor();
      const cells = await iv.locator('table.records tbody tr td:first-child').allTextContents();
      expect(cells.length).toBe(50);
      expect(cells.filter((c) => /^(sub|case):/.test(c))).toEqual([]);
      const formCells = await iv.locator('table.records tbody tr td:nth-child(2)').allTextContents();
      expect(formCells.filter((c) => /@\d+$/.test(c))).toEqual([]);
      await iv.locator('button.show-more').click();
      expect(await iv.locator('table.records tbody tr').count()).toBe(100);
      await iv.getByRole('button', { name: tr('ar')('open'), exact: true }).click();

      // The officer opens a case with forms and deletes its first form, with a reason.
      const off = await openControlled(officerCtx, `${server.url}/?mission=demo`);
      expect(await logIn(off, DEMO.officer.username, DEMO.officer.password)).toBeNull();
      const en = tr('en');
      await off.getByRole('button', { name: en('open'), exact: true }).click();
      await sync(off);
      // A case of the interviewer's: their device holds only the cases assigned to them (decision 135).
      const first = off
        .locator('table.cases tbody tr')
        .filter({ has: off.locator('td', { hasText: /^interviewer$/ }) })
        .first();
      const code = (await first.locator('.case-code').textContent())!.trim();
      await first.locator('.case-code button').click();
      const form = off.locator('ol.timeline li[data-kind=form]').first();
      await form.waitFor();
      const formId = (await form.getAttribute('data-id'))!;
      const formsBefore = await off.locator('ol.timeline li[data-kind=form]').count();
      expect(await deviceRow(iv, formId)).toEqual({ deleted: false, syncState: 'synced' });

      await form.getByRole('button', { name: en('delete.open') }).click();
      // No reason, no deletion.
      await form.getByRole('button', { name: en('delete.confirm') }).click();
      await expect(form.getByRole('alert').textContent()).resolves.toContain(en('delete.reasonRequired'));
      await form.getByLabel(en('delete.reason')).fill('Entered twice by mistake');
      await form.getByRole('button', { name: en('delete.confirm') }).click();
      await off.locator(`ol.timeline li[data-id="${formId}"]`).waitFor({ state: 'detached' });
      expect(await off.locator('ol.timeline li[data-kind=form]').count()).toBe(formsBefore - 1);
      await sync(off);
      expect(await deviceRow(off, formId)).toEqual({ deleted: true, syncState: 'synced' });

      // Headquarters has the deletion: the record answers 404, its history stays.
      const gone = await officerCtx.request.get(
        `${server.url}/api/missions/demo/records/${encodeURIComponent(formId)}`,
      );
      expect(gone.status()).toBe(404);

      // The interviewer's phone, at its next sync: gone from the case and from the device.
      await sync(iv);
      expect(await deviceRow(iv, formId)).toEqual({ deleted: true, syncState: 'synced' });
      await openCaseByCode(iv, 'ar', code);
      expect(await iv.locator(`ol.timeline li[data-id="${formId}"]`).count()).toBe(0);
      expect(await iv.locator('ol.timeline li[data-kind=form]').count()).toBe(formsBefore - 1);
      // Nothing sideways on a 360 px phone in Arabic.
      expect(await iv.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    } finally {
      await interviewerCtx.close();
      await officerCtx.close();
    }
  });
});
