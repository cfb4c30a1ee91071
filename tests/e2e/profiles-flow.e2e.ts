import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yProblems } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { ROOT, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { words as localeWords } from '../support/locale.ts';

/**
 * Issue 15's whole flow in a real Chromium against the real server (demo seed: Kenya's edition 1
 * published; national, reviewer and publisher hold their roles on Kenya). The national team member
 * starts edition 2 offline, rewrites a paragraph, imports an SDMX-CSV whose two sources disagree (a
 * bad file first: refused with its lines), sees the disagreement, plans a gap and submits; online
 * again, syncs. The reviewer comments, the national team resolves, the reviewer approves, the publisher
 * publishes; the report is printed to PDF by Chromium and read back with PDF.js; the two editions'
 * diff is on the page. Each person works in their own browser context (their own device).
 */
let server: ServerHandle;
let browser: Browser;
const SHOTS = process.env.TERN_GUIDE_SHOTS
  ? join(ROOT, 'docs/guide/img')
  : mkdtempSync(join(tmpdir(), 'tern-shots-'));
const FILES = mkdtempSync(join(tmpdir(), 'tern-profiles-'));
const ACCOUNT = {
  national: { username: 'national', password: 'demo-national-pass' },
  reviewer: { username: 'reviewer', password: 'demo-reviewer-pass' },
  publisher: { username: 'publisher', password: 'demo-publisher-pass' },
} as const;

const words = (lang: string, ns = 'profiles') => localeWords(lang, ns);
const en = words('en');

const HEADER =
  'DATAFLOW,REF_AREA,INDICATOR,FREQ,TIME_PERIOD,UNIT_MEASURE,OBS_VALUE,UNIT_MULT,OBS_STATUS,SOURCE';
/** Emigration from Kenya, two sources: 2021 agrees (2 %), 2022 disagrees (31,000 against 24,800: 20 %). */
const EMIGRATION = [
  HEADER,
  'UN_DESA:MIG_FLOWS(1.0),KEN,EMIGRATION,A,2021,PS,29500,0,E,UN DESA International Migration Flows',
  'UN_DESA:MIG_FLOWS(1.0),KEN,EMIGRATION,A,2022,PS,31000,0,E,UN DESA International Migration Flows',
  'KE_DIS:EXITS(1.0),KEN,EMIGRATION,A,2021,PS,28900,0,A,Kenya Department of Immigration exits register',
  'KE_DIS:EXITS(1.0),KEN,EMIGRATION,A,2022,PS,24800,0,P,Kenya Department of Immigration exits register',
  '',
].join('\n');
/** The same file with a value without a source (line 3) and a year in the future (line 5). */
const BAD = [
  HEADER,
  'UN_DESA:MIG_FLOWS(1.0),KEN,EMIGRATION,A,2021,PS,29500,0,E,UN DESA International Migration Flows',
  'UN_DESA:MIG_FLOWS(1.0),KEN,EMIGRATION,A,2022,PS,31000,0,E,',
  'KE_DIS:EXITS(1.0),KEN,EMIGRATION,A,2021,PS,28900,0,A,Kenya Department of Immigration exits register',
  'KE_DIS:EXITS(1.0),KEN,EMIGRATION,A,2099,PS,24800,0,P,Kenya Department of Immigration exits register',
  '',
].join('\n');
const NEW_TEXT = 'Kenya hosts about 1.05 million international migrants.';

beforeAll(async () => {
  server = await startServer({});
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join(FILES, 'ken-emigration.csv'), EMIGRATION);
  writeFileSync(join(FILES, 'ken-emigration-bad.csv'), BAD);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Log in (online), open the profiles from the header link, and Kenya's country view. */
async function openProfiles(context: BrowserContext, account: { username: string; password: string }) {
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('link', { name: words('en', 'common')('profilesLink') }).click();
  await page.getByRole('heading', { name: en('countryTitle', { name: 'Kenya', code: 'KEN' }) }).waitFor();
  return page;
}

/** "Sync profile", then wait for its outcome; a failed sync fails the test with its words. */
async function sync(page: Page) {
  await page.getByRole('button', { name: en('sync') }).click();
  const status = page.locator('.profile-sync [role=status]');
  await page.waitForFunction(() => {
    const s = document.querySelector('.profile-sync [role=status]')?.getAttribute('data-state');
    return s === 'done' || s === 'failed';
  });
  const text = (await status.textContent()) ?? '';
  expect(await status.getAttribute('data-state'), text).toBe('done');
  return text;
}

const edition = (page: Page) => page.locator('article.profile-edition');
const section = (page: Page, id: string) => page.locator(`section.profile-section[data-section="${id}"]`);
const saved = async (page: Page) => {
  await page.locator('.profile-saved', { hasText: en('savedHere') }).waitFor();
  const problem = page.locator('.profile-edition > [role=alert]');
  if (await problem.count()) throw new Error(`refused: ${await problem.first().textContent()}`);
};
async function pickEdition(page: Page, n: number) {
  await page.locator('.profile-editions select').selectOption(String(n));
  await page.locator(`article.profile-edition[data-edition="${n}"]`).waitFor();
}

async function pdfPages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    const text = content.items.map((x) => ('str' in x ? x.str + (x.hasEOL ? '\n' : '') : '')).join('');
    pages.push(text.replace(/\s+/g, ' ').normalize('NFKC'));
  }
  await doc.destroy();
  return pages;
}

describe('a Migration Profile from draft to printed report', () => {
  it('drafts offline, syncs, is reviewed, published, printed to PDF, and diffed against the last edition', async () => {
    const contexts: BrowserContext[] = [];
    const device = async () => {
      const c = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      contexts.push(c);
      return c;
    };
    try {
      // --- The national team: edition 1 fetched online, then the draft of edition 2 offline.
      const nationalContext = await device();
      const national = await openProfiles(nationalContext, ACCOUNT.national);
      expect(await national.locator('.profile-roles').first().textContent()).toContain(en('roles.team'));
      await sync(national);
      await edition(national).and(national.locator('[data-status=published]')).waitFor();

      await nationalContext.setOffline(true);
      await national.getByRole('button', { name: en('startNext', { n: 2 }) }).click();
      await national.locator('article.profile-edition[data-edition="2"][data-status=draft]').waitFor();
      expect(await edition(national).textContent()).toContain(en('pendingHere'));

      // The narrative, in the team's language.
      const trends = section(national, 'migration-trends');
      const p1 = trends.locator('[data-paragraph=p1] textarea');
      await p1.fill(NEW_TEXT);
      await trends
        .locator('[data-paragraph=p1]')
        .getByRole('button', { name: en('saveParagraph') })
        .click();
      await saved(national);

      // A bad SDMX-CSV: nothing imported, each refused line with its reason.
      const panel = national.locator('section.profile-import');
      await panel.locator('input[type=file]').setInputFiles(join(FILES, 'ken-emigration-bad.csv'));
      await panel.getByRole('button', { name: en('import.run') }).click();
      const refused = panel.locator('[data-import-rejected]');
      await refused.waitFor();
      expect(await refused.locator('tr[data-rejected-line="3"]').textContent()).toMatch(/source/i);
      expect(await refused.locator('tr[data-rejected-line="5"]').textContent()).toMatch(/future|2099/i);
      await panel.screenshot({ path: join(SHOTS, 'en-profile-import-refused.png') });
      expect(await national.locator('tr[data-cell^="emigration:"]').count()).toBe(0);

      // The good file, shown as a table in "Emigration and diaspora": the disagreement flagged.
      await panel.locator('input[type=file]').setInputFiles(join(FILES, 'ken-emigration.csv'));
      await panel.getByLabel(en('import.section')).selectOption('emigration-diaspora');
      await panel.getByRole('button', { name: en('import.run') }).click();
      await panel.getByRole('status').filter({ hasText: 'ken-emigration.csv' }).waitFor();
      expect(await panel.getByRole('status').textContent()).toBe(
        en('import.done', { name: 'ken-emigration.csv', added: 4, unchanged: 0 }),
      );
      const e2022 = national.locator('tr[data-cell="emigration:2022"]');
      expect(await e2022.getAttribute('data-disagrees')).toBe('yes');
      expect(await e2022.locator('li[data-source]').count()).toBe(2);
      expect(await e2022.textContent()).toContain('31,000');
      expect(await e2022.textContent()).toContain('24,800');
      expect(await national.locator('tr[data-cell="emigration:2021"]').getAttribute('data-disagrees')).toBe(
        'no',
      );
      await national
        .locator('section.profile-sources')
        .screenshot({ path: join(SHOTS, 'en-profile-sources.png') });

      // A plan for a gap of the matrix, then submitted for review — all still offline.
      const gap = national.locator('.profile-gap-list > li[data-unplanned=yes]').first();
      const gapKey = await gap.getAttribute('data-gap');
      await gap.getByLabel(en('gaps.institution')).fill('Kenya National Bureau of Statistics');
      await gap.getByLabel(en('gaps.action')).fill('Add a migration module to the labour force survey');
      await gap.getByLabel(en('gaps.due')).fill('2027-06-30');
      await gap.getByRole('button', { name: en('gaps.addPlan') }).click();
      await saved(national);
      expect(
        await national.locator(`.profile-gap-list > li[data-gap="${gapKey}"]`).getAttribute('data-unplanned'),
      ).toBe('no');
      await national.locator('section.profile-gaps').screenshot({ path: join(SHOTS, 'en-profile-gaps.png') });
      // Submitting waits for the sync: reviewers must see what is submitted.
      expect(await national.getByRole('button', { name: en('action.submit') }).isDisabled()).toBe(true);

      // Online: one sync sends the edition; the server admitted it (no refusal on the page).
      await nationalContext.setOffline(false);
      const first = await sync(national);
      expect(await edition(national).locator('[data-rejection]').allTextContents()).toEqual([]);
      expect(first).toBe(en('synced', { sent: 1, received: 0 }));
      await national.getByRole('button', { name: en('action.submit') }).click();
      await national.locator('article.profile-edition[data-edition="2"][data-status=in_review]').waitFor();
      expect(await sync(national)).toBe(en('synced', { sent: 1, received: 0 }));

      // --- The reviewer comments on a section.
      const reviewer = await openProfiles(await device(), ACCOUNT.reviewer);
      await sync(reviewer);
      await reviewer.locator('article.profile-edition[data-edition="2"][data-status=in_review]').waitFor();
      expect(await section(reviewer, 'migration-trends').textContent()).toContain(NEW_TEXT);
      const comment = 'Say which source gives 1.05 million.';
      const rTrends = section(reviewer, 'migration-trends');
      await rTrends.getByRole('textbox').fill(comment);
      await rTrends.getByRole('button', { name: en('addComment') }).click();
      await saved(reviewer);
      expect(await sync(reviewer)).toBe(en('synced', { sent: 1, received: 0 }));
      // Approval waits for the open comment: refused with the reason, nothing changed.
      await reviewer.getByRole('button', { name: en('action.approve') }).click();
      await reviewer
        .locator('.profile-edition > [role=alert]', { hasText: 'TERN_PROFILE_TRANSITION_REFUSED' })
        .waitFor();
      expect(await reviewer.locator('article.profile-edition').getAttribute('data-status')).toBe('in_review');

      // --- The national team sees the comment and resolves it.
      await sync(national);
      const open = section(national, 'migration-trends').locator('li[data-comment][data-resolved=no]');
      expect(await open.textContent()).toContain(comment);
      await section(national, 'migration-trends').screenshot({ path: join(SHOTS, 'en-profile-comment.png') });
      await open.getByRole('button', { name: en('resolve') }).click();
      await saved(national);
      expect(await sync(national)).toBe(en('synced', { sent: 1, received: 0 }));

      // --- The reviewer approves; the publisher publishes.
      await sync(reviewer);
      expect(await section(reviewer, 'migration-trends').locator('li[data-resolved=yes]').count()).toBe(1);
      await reviewer.getByRole('button', { name: en('action.approve') }).click();
      await reviewer.locator('article.profile-edition[data-edition="2"][data-status=approved]').waitFor();
      await sync(reviewer);

      const publisherContext = await device();
      const publisher = await openProfiles(publisherContext, ACCOUNT.publisher);
      await sync(publisher);
      await publisher.locator('article.profile-edition[data-edition="2"][data-status=approved]').waitFor();
      // The publisher does not edit: no text box, no import.
      expect(await publisher.locator('section.profile-import').count()).toBe(0);
      expect(await publisher.locator('.profile-paragraph textarea').count()).toBe(0);
      await publisher.getByRole('button', { name: en('action.publish') }).click();
      await publisher.locator('article.profile-edition[data-edition="2"][data-status=published]').waitFor();
      expect(await sync(publisher)).toBe(en('synced', { sent: 1, received: 0 }));

      // --- The report, from the UI's link, printed by Chromium to PDF and read back.
      const [report] = await Promise.all([
        publisherContext.waitForEvent('page'),
        publisher.locator('a[data-report-lang=en]').click(),
      ]);
      await report.waitForLoadState('load');
      expect(report.url()).toBe(`${server.url}/profiles/KEN?edition=2&lang=en`);
      const pages = await pdfPages(await report.pdf({ format: 'A4', printBackground: true }));
      // Cover, contents, nine sections from a new page each, the sources (the public links after them).
      expect(pages.map((p) => p.slice(0, 40))).toHaveLength(12);
      expect(pages[0]).toContain('Migration in Kenya: a country profile');
      expect(pages[0]).toMatch(/Edition 2/);
      expect(pages[1]).toContain('Contents');
      expect(pages[2]).toContain(NEW_TEXT);
      // After the contents page: the section's own page.
      const emigration = pages.slice(2).find((p) => p.includes('3. Emigration and diaspora'))!;
      expect(emigration).toContain('31,000');
      expect(emigration).toContain('24,800');
      const all = pages.join(' ');
      expect(all).toContain('Kenya Department of Immigration exits register');
      expect(all).toContain('UN DESA International Migration Flows');
      await report.close();

      // --- The diff between editions 1 and 2, on the national team's device after a sync.
      await sync(national);
      await pickEdition(national, 2);
      await national.getByRole('button', { name: en('diff.open') }).click();
      const diff = national.locator('section.profile-diff');
      await diff.getByRole('heading', { name: en('diff.title', { from: 1, to: 2 }) }).waitFor();
      const text = diff.locator('li[data-diff=text]');
      expect(await text.count()).toBe(1);
      expect(await text.locator('del').textContent()).toContain('one');
      expect(await text.locator('ins').textContent()).toContain('1.05');
      expect(await diff.locator('li[data-diff=figure]').count()).toBe(4);
      expect(await diff.locator('li[data-diff=table]').count()).toBe(1);
      await diff.screenshot({ path: join(SHOTS, 'en-profile-diff.png') });
    } finally {
      for (const c of contexts) await c.close();
    }
  }, 300_000);

  it('on a 360 × 740 phone in Arabic: right to left, no sideways scroll, no serious axe finding', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await openProfiles(context, ACCOUNT.reviewer);
      await sync(page);
      await page.locator('.language-picker select').selectOption('ar');
      const ar = words('ar');
      await page.getByRole('heading', { name: ar('title') }).waitFor();
      await page.locator('section.profile-sources h4', { hasText: ar('sources.title') }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await seriousA11yProblems(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, 'ar-profile-phone.png') });
    } finally {
      await context.close();
    }
  }, 120_000);
});
