import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousA11yProblems } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { DEMO, startServer } from '../support/server-process.ts';
import { logIn, openControlled } from '../support/tern-page.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { PHONE, words } from '../support/locale.ts';

/**
 * Issue 16's accessibility audit: axe-core on every main screen — the interviewer's (login, records,
 * cases, sync, a case, a new case, the Screening form), the data officer's (review queue, devices and
 * export) and the admin's (conflicts, published forms) — at 360 × 740 in English and Arabic (right to
 * left). No serious or critical violation may remain.
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

const translator = (lang: string) => words(lang, 'cases');

const phone = () => browser.newContext(PHONE);

async function audit(page: Page, where: string) {
  const found = await seriousA11yProblems(page);
  expect(found, `${where}: serious or critical axe-core violations`).toEqual([]);
}

async function enter(ctx: BrowserContext, who: { username: string; password: string }, lang: string) {
  const page = await openControlled(ctx, `${server.url}/?mission=demo`);
  expect(await logIn(page, who.username, who.password)).toBeNull();
  await page.locator('.language-picker select').selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  return page;
}

async function sync(page: Page) {
  await page.locator('.cases-nav .sync > button').click();
  await page.waitForFunction(() => {
    const s = document.querySelector('.cases-nav .sync [role=status]')?.getAttribute('data-state');
    return s === 'done' || s === 'failed';
  });
}

describe('axe-core finds no serious or critical problem on a 360 px phone', () => {
  for (const lang of ['en', 'ar']) {
    it(`the interviewer's screens in ${lang}`, async () => {
      const ctx = await phone();
      try {
        const tr = translator(lang);
        const page = await openControlled(ctx, `${server.url}/?mission=demo`);
        await audit(page, 'login');
        expect(await logIn(page, DEMO.interviewer.username, DEMO.interviewer.password)).toBeNull();
        await page.locator('.language-picker select').selectOption(lang);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        await audit(page, 'records (home)');
        await page.getByRole('button', { name: tr('open'), exact: true }).click();
        await page.locator('.cases-nav').waitFor();
        await audit(page, 'case list');
        await sync(page);
        await audit(page, 'case list after a sync');
        await page.locator('table.cases tbody tr button').first().click();
        await page.locator('.case-page').waitFor();
        await audit(page, 'case page');
        await page.getByRole('button', { name: tr('newCase'), exact: true }).click();
        await page.getByLabel(tr('new.fullName'), { exact: true }).fill('Axe Person');
        await audit(page, 'new case');
        await page.getByRole('button', { name: tr('new.create') }).click();
        await page.locator('form.form').waitFor();
        await audit(page, 'screening form');
        await page.locator('form.form button[type=submit]').click(); // empty: every message shows
        await page.locator('form.form .error').first().waitFor();
        await audit(page, 'screening form with its messages');
      } finally {
        await ctx.close();
      }
    });

    it(`the data officer's and the admin's screens in ${lang}`, async () => {
      const ctx = await phone();
      try {
        const tr = translator(lang);
        const page = await enter(ctx, DEMO.officer, lang);
        await audit(page, 'officer home (devices, export)');
        await page.getByRole('button', { name: tr('open'), exact: true }).click();
        await sync(page);
        await page.getByRole('button', { name: new RegExp(`^${tr('review.queue')}`) }).click();
        await page.locator('.review-queue').waitFor();
        await audit(page, 'review queue');
      } finally {
        await ctx.close();
      }
      const admin = await phone();
      try {
        const page = await enter(admin, DEMO.admin, lang);
        await audit(page, 'admin home');
        await page.locator('a.admin-link[href="#/admin/conflicts"]').click();
        await page.locator('.admin-conflicts main h2').first().waitFor();
        await audit(page, 'admin conflicts');
        // Each admin screen is a page of its own (behind a hash), without the main header's links.
        await page.evaluate(() => (location.hash = '#/admin/forms'));
        await page.locator('.app.admin main').waitFor();
        await audit(page, 'admin forms');
      } finally {
        await admin.close();
      }
    });
  }
});
