import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousA11yProblems } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { DEMO, ROOT, startServer } from '../support/server-process.ts';
import { logIn, openControlled } from '../support/tern-page.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { PHONE, words } from '../support/locale.ts';

/**
 * Issue 16's review loop on a 360 × 740 phone, in English and Arabic: the interviewer fills a
 * Screening for a new case and syncs; the data officer opens it from the review queue, reads the
 * answers and returns it with a reason (an empty reason is refused); the interviewer opens the
 * returned form, sees the reason, cannot send it again unchanged, corrects it and sends it; the officer
 * sees what changed and approves after confirming; another phone of the officer's, which never held
 * the returned version, says so offline and reads it from the server online (decision 208). Every screen: no sideways scroll, axe-core clean.
 */
let server: ServerHandle;
let browser: Browser;
const IMG = join(ROOT, 'docs/guide/img');
beforeAll(async () => {
  mkdirSync(IMG, { recursive: true });
  server = await startServer({ demoCases: true });
  browser = await launchChromium();
  // A loaded shared machine can take over a minute to start the server with the demo cases.
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Dict = Record<string, unknown>;
const translator = (lang: string, ns: string) => words(lang, ns);

const phone = () => browser.newContext(PHONE);

/** No sideways scroll and no serious or critical axe-core finding. */
async function checkScreen(page: Page, where: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  // What sticks out, to say which element pushes the page sideways when one does.
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.right > 361 || r.left < -1);
      })
      .slice(-3)
      .map(
        (e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().width)}px`,
      ),
  );
  expect(width, `${where}: page width at 360 px (${wide.join('; ')})`).toBeLessThanOrEqual(360);
  expect(await seriousA11yProblems(page), `${where}: serious or critical axe-core violations`).toEqual([]);
}

/** A screenshot for docs/guide with `top` scrolled to the top of the phone's screen. */
async function shot(page: Page, top: string, file: string) {
  await page.locator(top).evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(IMG, file) });
}

async function enter(ctx: BrowserContext, who: { username: string; password: string }, lang: string) {
  const page = await openControlled(ctx, `${server.url}/?mission=demo`);
  expect(await logIn(page, who.username, who.password)).toBeNull();
  await page.locator('.language-picker select').selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await page.getByRole('button', { name: translator(lang, 'cases')('open'), exact: true }).click();
  await page.locator('.cases-nav').waitFor();
  return page;
}

async function sync(page: Page) {
  await page.locator('.cases-nav .sync > button').click();
  await page.waitForFunction(() => {
    const s = document.querySelector('.cases-nav .sync [role=status]')?.getAttribute('data-state');
    return s === 'done' || s === 'failed';
  });
  expect(await page.locator('.cases-nav .sync [role=status]').getAttribute('data-state')).toBe('done');
}

async function answer(page: Page, name: string, value: string) {
  const radio = page.locator(`input[name="q-${name}"][value="${value}"]`);
  if (await radio.count()) return radio.check();
  const field = page.locator(`#q-${name}`);
  if ((await field.evaluate((el) => el.tagName)) === 'SELECT') return field.selectOption(value);
  return field.fill(value);
}

/** The officer's queue, then the form's row opened: its read view with the answers. */
async function openFromQueue(page: Page, lang: string, id: string) {
  const tr = translator(lang, 'cases');
  await page.getByRole('button', { name: new RegExp(`^${tr('review.queue')}`) }).click();
  const row = page.locator(`.review-queue tr[data-id="${id}"]`);
  await row.waitFor();
  await row.getByRole('button').nth(1).click();
  await page.locator(`.record-view[data-id="${id}"] dl.answers div`).first().waitFor();
}

describe('review on a phone: answers, return with a reason, correction, approval', () => {
  for (const [lang, person] of [
    ['en', 'Grace Mensah'],
    ['ar', 'Layla Haddad'],
  ] as const) {
    it(`in ${lang}`, { timeout: 600_000 }, async () => {
      const tr = translator(lang, 'cases');
      const tc = translator(lang, 'conflicts');
      const [first, family] = person.split(' ') as [string, string];
      const interviewerCtx = await phone();
      const officerCtx = await phone();
      try {
        // The interviewer: a new case and its Screening, synced.
        const iv = await enter(interviewerCtx, DEMO.interviewer, lang);
        await iv.locator('.cases-nav button:not([disabled])').nth(1).waitFor();
        await iv.getByRole('button', { name: tr('newCase'), exact: true }).click();
        await iv.getByLabel(tr('new.fullName'), { exact: true }).fill(person);
        await iv.getByRole('button', { name: tr('new.create') }).click();
        await answer(iv, 'interview_date', new Date().toISOString().slice(0, 10));
        await answer(iv, 'con_Consent', 'yes');
        await answer(iv, 'vic_AgreementToManagePersonalData', 'yes');
        await answer(iv, 'prs_FirstName', first);
        await answer(iv, 'prs_SecondName', 'Wrongname');
        await answer(iv, 'prs_Gender', 'Feminine');
        await answer(iv, 'age_stated', '29');
        await answer(iv, 'vic_TraffickingStatus', 'PossibleVictimOfTrafficking');
        await answer(iv, 'eligible_for_assistance', 'yes');
        await iv.locator('form.form button[type=submit]').click();
        await iv.locator('.case-page').waitFor();
        await sync(iv);
        const form = iv.locator('ol.timeline li[data-kind=form]').first();
        await iv.locator('ol.timeline li[data-kind=form][data-state=synced]').waitFor();
        const id = (await form.getAttribute('data-id'))!;
        // The timeline entry opens the form read.
        await form.locator('button.link').first().click();
        await iv.locator(`.record-view[data-id="${id}"] dl.answers div`).first().waitFor();
        await checkScreen(iv, 'interviewer: the form read');
        await iv.getByRole('button', { name: tr('record.back'), exact: true }).click();
        await iv.locator('.case-page').waitFor();

        // The officer: the answers, labelled; returning needs a reason.
        const of = await enter(officerCtx, DEMO.officer, lang);
        await sync(of);
        await openFromQueue(of, lang, id);
        const answers = of.locator('.record-view dl.answers');
        expect(await answers.textContent()).toContain(first);
        expect(await answers.textContent()).not.toContain('prs_');
        // Labels and choice labels, not question names or codes.
        expect(await of.locator('.record-view').textContent()).not.toMatch(/sub:|case:|screening@/);
        await checkScreen(of, 'officer: the form to review');
        await shot(of, '.record-view h2', `${lang}-phone-review-answers.png`);
        await of.getByRole('button', { name: tr('review.return'), exact: true }).click();
        await of.getByRole('button', { name: tr('review.sendBack'), exact: true }).click();
        await expect(of.locator('.review-actions [role=alert]').textContent()).resolves.toBe(
          tr('review.commentRequired'),
        );
        const reason = lang === 'ar' ? 'اسم العائلة خاطئ' : 'The family name is wrong';
        await of.getByLabel(tr('review.comment'), { exact: true }).fill(reason);
        await checkScreen(of, 'officer: returning with a reason');
        await of.getByRole('button', { name: tr('review.sendBack'), exact: true }).click();
        await of.locator('.record-view [data-review=returned]').waitFor();
        await sync(of);

        // The interviewer: the returned form, its reason; not sent again before a correction.
        await sync(iv);
        await iv.getByRole('button', { name: tr('page.back'), exact: true }).click();
        const returned = iv.locator(`.returned-forms tr[data-id="${id}"]`);
        await returned.waitFor();
        await checkScreen(iv, 'interviewer: returned to you');
        await returned.getByRole('button').nth(1).click();
        await iv.locator('.record-view .returned-reason').waitFor();
        expect(await iv.locator('.record-view .returned-reason').textContent()).toContain(reason);
        const again = iv.getByRole('button', { name: tr('review.resubmit'), exact: true });
        expect(await again.isDisabled()).toBe(true);
        await checkScreen(iv, 'interviewer: the returned form');
        await shot(iv, '.record-view h2', `${lang}-phone-returned.png`);
        await iv.getByRole('button', { name: tr('record.correct'), exact: true }).click();
        await iv.locator('.edit-record .returned-reason').waitFor();
        await checkScreen(iv, 'interviewer: correcting');
        // Saved unchanged: refused, with the reason why.
        await iv.locator('form.form button[type=submit]').click();
        await iv.locator('.edit-record > .error[role=alert]').waitFor();
        expect(await iv.locator('.edit-record > .error[role=alert]').textContent()).toBe(
          tc('nothingCorrected'),
        );
        await checkScreen(iv, 'interviewer: correcting');
        await answer(iv, 'prs_SecondName', family);
        await iv.locator('form.form button[type=submit]').click();
        await iv.locator(`.record-view[data-id="${id}"]`).waitFor();
        await iv.waitForFunction((name) => {
          const b = [...document.querySelectorAll('.review-actions button')].find(
            (x) => x.textContent === name,
          );
          return b instanceof HTMLButtonElement && !b.disabled;
        }, tr('review.resubmit'));
        await again.click();
        await iv.locator('.record-view [data-review=submitted]').waitFor();
        await sync(iv);

        // Another phone of the officer's, which never held the returned version (decision 208):
        // offline it says plainly that the version is not on this device; online it reads that
        // version from the record's history on the server and shows the same differences.
        const otherCtx = await phone();
        try {
          const other = await enter(otherCtx, DEMO.officer, lang);
          await sync(other);
          await otherCtx.setOffline(true);
          await openFromQueue(other, lang, id);
          const note = other.locator('.record-view [data-baseline=offline]');
          await note.waitFor();
          expect(await note.textContent()).toBe(tr('record.baselineOffline'));
          expect(await other.locator('.record-changes table').count()).toBe(0);
          await checkScreen(other, 'another officer phone, offline: the previous version is not here');
          await otherCtx.setOffline(false);
          await other.getByRole('button', { name: tr('record.back'), exact: true }).click();
          await openFromQueue(other, lang, id);
          const fetched = other.locator('.record-changes[data-baseline=server] tr[data-name=prs_SecondName]');
          await fetched.waitFor();
          expect(await fetched.locator('del').textContent()).toBe('Wrongname');
          expect(await fetched.locator('ins').textContent()).toBe(family);
          expect(await other.locator('.record-changes tbody tr').count()).toBe(1);
          expect(await other.locator('.record-changes').textContent()).toContain(
            tr('record.baselineFromServer'),
          );
          await checkScreen(other, "another officer phone: the changes read from the server's history");
        } finally {
          await otherCtx.close();
        }

        // The officer: what changed since the return, then approve after confirming.
        await sync(of);
        await of.getByRole('button', { name: tr('record.back'), exact: true }).click();
        await openFromQueue(of, lang, id);
        const change = of.locator('.record-changes tr[data-name=prs_SecondName]');
        await change.waitFor();
        expect(await change.locator('del').textContent()).toBe('Wrongname');
        expect(await change.locator('ins').textContent()).toBe(family);
        expect(await of.locator('.record-changes tbody tr').count()).toBe(1);
        await checkScreen(of, 'officer: the corrected form with its changes');
        await shot(of, '.record-changes', `${lang}-phone-review-changes.png`);
        await of.getByRole('button', { name: tr('review.approve'), exact: true }).click();
        await of.locator('.review-actions [role=alertdialog]').waitFor();
        await checkScreen(of, 'officer: confirming the approval');
        await of.getByRole('button', { name: tr('review.yesApprove'), exact: true }).click();
        await of.locator('.record-view [data-review=approved]').waitFor();
        await sync(of);
        const res = await officerCtx.request.get(
          `${server.url}/api/missions/demo/records/${encodeURIComponent(id)}`,
        );
        expect(res.status()).toBe(200);
        const body = (await res.json()) as { review?: { state: string }; answers: Dict };
        expect(body.review?.state).toBe('approved');
        expect(body.answers.prs_SecondName).toBe(family);
      } finally {
        await interviewerCtx.close();
        await officerCtx.close();
      }
    });
  }
});
