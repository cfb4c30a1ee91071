import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as XLSX from '@e965/xlsx';
import { localize } from '@tern/forms';
import { screening } from '@tern/forms/case-forms';
import { launchChromium } from '../support/browser.ts';
import { DEMO, ROOT, startServer } from '../support/server-process.ts';
import { logIn, openControlled } from '../support/tern-page.ts';
import type { ServerHandle } from '../support/server-process.ts';

/**
 * A whole case, as issue 6 asks: opened and worked offline from screening to reintegration by the
 * interviewer, synced, reviewed and approved by the data officer on another device, and exported to
 * XLSX (opened here with a reader). Run with the UI in English, Arabic (right to left) and French;
 * selectors use the app's own translation files, so each run reads the screens in its language.
 * Screenshots for docs/guide/ are taken along the way.
 */

let server: ServerHandle;
let browser: Browser;
const IMG = join(ROOT, 'docs/guide/img');

beforeAll(async () => {
  mkdirSync(IMG, { recursive: true });
  // With the demo cases: the case list and the officer's queue work among ~200 other cases.
  server = await startServer({ demoCases: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Dict = Record<string, unknown>;
const cases = (lang: string): Dict =>
  JSON.parse(readFileSync(join(ROOT, `apps/web/src/i18n/locales/${lang}/cases.json`), 'utf8')) as Dict;
/** `tr('new.create')` in the run's language. */
const translator = (d: Dict) => (path: string) =>
  String(path.split('.').reduce<unknown>((o, k) => (o as Dict)[k], d));

/** Answer a form question by its name, whatever the form language: text, date, radio, checkbox or select. */
async function answer(page: Page, name: string, value: string) {
  const radio = page.locator(`input[name="q-${name}"][value="${value}"]`);
  if (await radio.count()) return radio.check();
  const field = page.locator(`#q-${name}`);
  if ((await field.evaluate((el) => el.tagName)) === 'SELECT') return field.selectOption(value);
  return field.fill(value);
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function waitStatus(page: Page, status: string) {
  await page.locator(`.case-page[data-status="${status}"]`).waitFor();
}

async function sync(page: Page): Promise<string> {
  await page.locator('.cases-nav .sync > button').click();
  await page.waitForFunction(() => {
    const s = document.querySelector('.cases-nav .sync [role=status]')?.getAttribute('data-state');
    return s === 'done' || s === 'failed';
  });
  return (await page.locator('.cases-nav .sync [role=status]').textContent()) ?? '';
}

async function setUiLanguage(page: Page, lang: string) {
  await page.locator('.language-picker select').selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

async function shot(page: Page, lang: string, name: string) {
  // The guides use the English and Arabic runs; the French run checks the flow only.
  if (lang === 'fr') return;
  await page.screenshot({ path: join(IMG, `${lang}-${name}.png`), fullPage: false });
}

async function interviewerWorksOffline(context: BrowserContext, lang: string, person: string) {
  const tr = translator(cases(lang));
  const page = await openControlled(context, `${server.url}/?mission=demo`);
  expect(await logIn(page, DEMO.interviewer.username, DEMO.interviewer.password)).toBeNull();
  // The app registers the device with the server right after the online login (its number for case codes).
  await page.waitForFunction(
    () =>
      new Promise<boolean>((ok) => {
        const open = indexedDB.open('tern');
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('deviceNumber:demo');
          get.onsuccess = () => {
            ok(get.result !== undefined);
            open.result.close();
          };
        };
      }),
  );
  await setUiLanguage(page, lang);
  expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');

  await context.setOffline(true);
  await page.getByRole('button', { name: tr('open'), exact: true }).click();
  await page.getByRole('button', { name: tr('newCase'), exact: true }).click();
  await page.getByLabel(tr('new.fullName'), { exact: true }).fill(person);
  await page.getByLabel(tr('new.otherNames'), { exact: true }).fill(`${person.split(' ')[0]} K.`);
  await shot(page, lang, 'new-case');
  await page.getByRole('button', { name: tr('new.create') }).click();

  // Screening, for the case (the form page of the renderer).
  await answer(page, 'interview_date', daysAgo(3));
  await answer(page, 'con_Consent', 'yes');
  await answer(page, 'vic_AgreementToManagePersonalData', 'yes');
  await answer(page, 'prs_FirstName', person.split(' ')[0]!);
  await answer(page, 'prs_SecondName', person.split(' ')[1]!);
  await answer(page, 'prs_Gender', 'Feminine');
  await answer(page, 'age_stated', '29');
  await answer(page, 'vic_TraffickingStatus', 'PossibleVictimOfTrafficking');
  await answer(page, 'eligible_for_assistance', 'yes');
  await page.locator('form.form button[type=submit]').click();

  // The case page: decision, then the status along the lifecycle.
  await waitStatus(page, 'screening');
  const caseId = (await page.locator('.case-page').getAttribute('data-case'))!;
  await page.getByLabel(tr('decision.trafficking'), { exact: true }).selectOption('possible');
  await page.getByRole('button', { name: tr('decision.record') }).click();
  await waitStatus(page, 'eligible');
  await page.getByLabel(tr('move.to'), { exact: true }).selectOption('assisted');
  await page.getByRole('button', { name: tr('move.apply') }).click();
  await waitStatus(page, 'assisted');

  // An Assistance form for the case.
  await page.getByLabel(tr('add.form'), { exact: true }).selectOption('assistance@1');
  await page.getByRole('button', { name: tr('add.fill') }).click();
  await answer(page, 'interview_date', daysAgo(1));
  await answer(page, 'returned', 'yes');
  await answer(page, 'return_type', 'AssistedVoluntaryReturn');
  // Country questions search by name or ISO code in any language.
  await page.locator('#q-return_country').fill('NGA');
  await page.locator('#q-return_country').locator('xpath=..').locator('.matches button').first().click();
  // The code typed in full ranks its country first, and the click chooses it (the list must not move
  // under the pointer when the search box loses focus).
  await page.locator('fieldset.country .chosen [data-code="NGA"]').waitFor();
  await answer(page, 'reintegration_status', 'InProgress');
  await answer(page, 'cas_Status', 'Active');
  await page.locator('form.form button[type=submit]').click();
  await waitStatus(page, 'assisted');

  for (const to of ['returned', 'reintegrated']) {
    await page.getByLabel(tr('move.to'), { exact: true }).selectOption(to);
    await page.getByRole('button', { name: tr('move.apply') }).click();
    await waitStatus(page, to);
  }
  expect(await page.locator('ol.timeline li[data-kind=form]').count()).toBe(2);
  expect(await page.locator('ol.timeline li[data-kind=status]').count()).toBe(5);
  expect(
    await page
      .locator('ol.timeline li[data-kind=form]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))),
  ).toEqual(['pending', 'pending']);
  await shot(page, lang, 'case-page-offline');

  // Sync offline fails plainly and loses nothing; online it sends the case and both forms.
  expect(await sync(page)).not.toBe('');
  await context.setOffline(false);
  await sync(page);
  await page.locator('.case-sync[data-state=synced]').waitFor();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('ol.timeline li[data-kind=form]')].every(
      (li) => li.getAttribute('data-state') === 'synced',
    ),
  );
  // Screening first, then Assistance (the timeline shows the newest first).
  const formIds = await page.locator('ol.timeline li[data-kind=form]').evaluateAll((els) =>
    els
      .map((e) => ({ id: e.getAttribute('data-id')!, form: e.getAttribute('data-form')! }))
      .sort((a, b) => (a.form.startsWith('screening') ? -1 : b.form.startsWith('screening') ? 1 : 0))
      .map((e) => e.id),
  );

  // Search the device's cases by name (decrypted in memory) and by code.
  await page.getByRole('button', { name: tr('page.back') }).click();
  const search = page.getByLabel(tr('search'), { exact: true });
  // Typed without accents or capitals: "Aïcha Traoré" is found as "aicha traore".
  await search.fill(person.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
  await page.locator(`table.cases tr[data-id="${caseId}"]`).waitFor();
  expect(await page.locator('table.cases tbody tr').count()).toBe(1);
  await shot(page, lang, 'case-search');
  return { page, caseId, formIds };
}

async function officerApprovesAndExports(
  context: BrowserContext,
  lang: string,
  run: { caseId: string; formIds: string[]; person: string },
) {
  const tr = translator(cases(lang));
  const page = await context.newPage();
  await page.goto(`${server.url}/?mission=demo`);
  expect(await logIn(page, DEMO.officer.username, DEMO.officer.password)).toBeNull();
  await setUiLanguage(page, lang);
  await page.getByRole('button', { name: tr('open'), exact: true }).click();
  await sync(page);
  await page.getByRole('button', { name: new RegExp(`^${tr('review.queue')}`) }).click();
  for (const id of run.formIds) {
    const row = page.locator(`.review-queue tr[data-id="${id}"]`);
    await row.waitFor();
    if (id === run.formIds[0]) await shot(page, lang, 'review-queue');
    // The row opens the form: its answers, then approve, then confirm (decision 160).
    await row.getByRole('button').nth(1).click();
    await page.locator(`.record-view[data-id="${id}"] dl.answers div`).first().waitFor();
    await page.getByRole('button', { name: tr('review.approve'), exact: true }).click();
    await page.getByRole('button', { name: tr('review.yesApprove'), exact: true }).click();
    await page.locator('.record-view [data-review=approved]').waitFor();
    await page.getByRole('button', { name: tr('record.back'), exact: true }).click();
    await row.waitFor({ state: 'detached' });
  }
  expect(await sync(page)).toMatch(/2/);

  // The server holds the approvals.
  for (const id of run.formIds) {
    const res = await context.request.get(
      `${server.url}/api/missions/demo/records/${encodeURIComponent(id)}`,
    );
    expect(res.status()).toBe(200);
    expect(((await res.json()) as { review?: { state: string; by: string } }).review).toMatchObject({
      state: 'approved',
      by: 'officer',
    });
  }

  // Export with the officer's session; labels in the run's language.
  const res = await context.request.get(`${server.url}/api/missions/demo/export?format=xlsx&lang=${lang}`);
  expect(res.status()).toBe(200);
  const book = XLSX.read(await res.body(), { type: 'buffer' });
  const rows = book.SheetNames.flatMap((n) =>
    XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[n]!, { header: 1 }).map((r) => ({ sheet: n, r })),
  );
  const consent = screening.children.find((c) => c.name === 'consent') as {
    children: Array<{ name: string; label?: unknown }>;
  };
  const dateLabel = localize(
    consent.children.find((c) => c.name === 'interview_date')!.label as Parameters<typeof localize>[0],
    lang,
    'en',
  );
  const header = rows.find((x) => x.r.some((v) => v === dateLabel));
  expect(header, `a header with "${dateLabel}"`).toBeDefined();
  const ours = rows.filter((x) => x.r.some((v) => v === run.formIds[0]));
  expect(ours).toHaveLength(1);
  expect(ours[0]!.r).toContain(run.person.split(' ')[0]);
  expect(rows.some((x) => x.r.some((v) => v === run.formIds[1]))).toBe(true);
  return page;
}

describe('a full case: offline from screening to reintegration, synced, approved, exported', () => {
  for (const [lang, person] of [
    ['en', 'Amara Okonkwo'],
    ['ar', 'Layla Haddad'],
    ['fr', 'Aïcha Traoré'],
  ] as const) {
    it(`with the UI in ${lang}`, async () => {
      const interviewer = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const officer = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const run = await interviewerWorksOffline(interviewer, lang, person);
        await officerApprovesAndExports(officer, lang, { ...run, person });
        // The interviewer sees the approval after the next sync.
        const tr = translator(cases(lang));
        await sync(run.page);
        await run.page.locator(`table.cases tr[data-id="${run.caseId}"] button`).click();
        await run.page.locator('ol.timeline [data-review=approved]').first().waitFor();
        expect(await run.page.locator('ol.timeline [data-review=approved]').count()).toBe(2);
        expect(await run.page.locator('.case-page').getAttribute('data-status')).toBe('reintegrated');
        expect(await run.page.getByText(tr('timeline.opened')).count()).toBe(1);
        await shot(run.page, lang, 'case-page-approved');
      } finally {
        await interviewer.close();
        await officer.close();
      }
    });
  }
});
