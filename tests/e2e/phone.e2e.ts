import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { DEMO, startServer } from '../support/server-process.ts';
import { logIn, openControlled } from '../support/tern-page.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { words } from '../support/locale.ts';

/**
 * Issue 16, the phone: at 360 × 740 (the phones interviewers carry), in all five languages, the
 * screens an interviewer walks through (login, records, cases, a new case, its Screening form) never
 * scroll sideways, and every control is a touch target of at least 44 × 44 CSS px (WCAG 2.5.5).
 */
let server: ServerHandle;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({});
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const cases = (lang: string) => words(lang, 'cases');

/** Controls on screen smaller than 44 × 44 px: "tag.class 'text' w×h". Radios and checkboxes count by their label row. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const sel =
      'button, select, a[href], input:not([type=radio]):not([type=checkbox]):not([type=hidden]):not([type=file]), label.choice';
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue; // not shown
      if (r.width < 44 || r.height < 44)
        out.push(
          `${el.tagName.toLowerCase()}.${el.className} '${(el.textContent ?? '').trim().slice(0, 30)}' ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
    }
    return out;
  });
}

async function checkScreen(page: Page, where: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${where}: page width`).toBeLessThanOrEqual(360);
  expect(await smallTargets(page), `${where}: touch targets under 44 × 44 px`).toEqual([]);
}

describe('an interviewer on a 360 px phone', () => {
  for (const lang of ['en', 'fr', 'es', 'ar', 'ru']) {
    it(`in ${lang}: no sideways scroll, no touch target under 44 px`, async () => {
      const ctx = await browser.newContext({
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      try {
        const tr = cases(lang);
        const page = await openControlled(ctx, `${server.url}/?mission=demo`);
        await checkScreen(page, 'login');
        expect(await logIn(page, DEMO.interviewer.username, DEMO.interviewer.password)).toBeNull();
        await page.locator('.language-picker select').selectOption(lang);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        await checkScreen(page, 'records');
        await page.getByRole('button', { name: tr('open'), exact: true }).click();
        await checkScreen(page, 'cases');
        await page.getByRole('button', { name: tr('newCase'), exact: true }).click();
        await page.getByLabel(tr('new.fullName'), { exact: true }).fill('Test Person');
        await checkScreen(page, 'new case');
        await page.getByRole('button', { name: tr('new.create') }).click();
        await page.locator('form.form').waitFor();
        await checkScreen(page, 'screening form');
      } finally {
        await ctx.close();
      }
    });
  }
});

describe('taps that land while a validation message appears', () => {
  it('an invalid date then a tap on consent "Yes" right away: the tap counts', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    try {
      const tr = cases('en');
      const page = await openControlled(ctx, `${server.url}/?mission=demo`);
      expect(await logIn(page, DEMO.interviewer.username, DEMO.interviewer.password)).toBeNull();
      await page.getByRole('button', { name: tr('open'), exact: true }).click();
      await page.getByRole('button', { name: tr('newCase'), exact: true }).click();
      await page.getByLabel(tr('new.fullName'), { exact: true }).fill('Tap Test');
      await page.getByRole('button', { name: tr('new.create') }).click();
      await page.locator('form.form').waitFor();
      // The Screening starts from what New case asked: today as the interview date, and the name.
      expect(await page.locator('#q-interview_date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // A date in the future breaks the constraint: its message appears when the field is left.
      await page.locator('#q-interview_date').fill('2999-01-01');
      const yes = page.locator('input[name="q-con_Consent"][value="yes"]');
      await yes.tap();
      expect(await yes.isChecked(), 'the tap that left the date field chose "Yes"').toBe(true);
      await page.locator('#q-interview_date-error').waitFor(); // and the message did appear
      await page.locator('input[name="q-vic_AgreementToManagePersonalData"][value="yes"]').tap();
      expect(await page.locator('#q-prs_FirstName').inputValue()).toBe('Tap');
      expect(await page.locator('#q-prs_SecondName').inputValue()).toBe('Test');
    } finally {
      await ctx.close();
    }
  });
});
