import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  assembleObserved,
  compareScenarios,
  estimateRates,
  importDataset,
  parseCsv,
  populationRows,
  runScenarios,
} from '@tern/demography';
import type { DatasetKind, ObservedDatasets, Scenario } from '@tern/demography';
import { regionSetCsv } from '@tern/demography/testing';
import { launchChromium } from '../support/browser.ts';
import { DEMO, ROOT, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { words as localeWords } from '../support/locale.ts';

/**
 * Issue 14, the statistician's projection workspace in a real Chromium against the real server: a
 * three-region data set uploaded as CSV files, a bad file refused with its row numbers, a baseline and
 * two scenarios projected in the page's Web Worker, the pyramid and the scenario comparison read off
 * the page and the XLSX export read back — each figure checked against the same projection run by
 * @tern/demography here in Node. Then the run saved, reopened after a reload, Arabic, a 360 px phone,
 * and the build: the workspace stays out of the interview route's chunks.
 */
let server: ServerHandle;
let browser: Browser;
// The statistician guide's screenshots: refreshed with TERN_GUIDE_SHOTS=1, otherwise into a temp folder.
const SHOTS = process.env.TERN_GUIDE_SHOTS
  ? join(ROOT, 'docs/guide/img')
  : mkdtempSync(join(tmpdir(), 'tern-shots-'));
const FILES = mkdtempSync(join(tmpdir(), 'tern-demog-'));

const words = (lang: string) => localeWords(lang, 'demography');
const en = words('en');

const REGIONS = ['DE11', 'DE12', 'DE13'];
const CSV = regionSetCsv({ regions: 3, seed: 21, time: '2024', names: REGIONS });
const SCENARIOS: Scenario[] = [
  {
    name: 'more internal moves',
    overrides: [{ kind: 'scale-internal-migration', factor: 2, fromYear: 2029 }],
  },
  { name: 'no migration', overrides: [{ kind: 'zero-migration', fromYear: 2024 }] },
];
const STEPS = 3;

/** The same projection, by the package in Node: what the page and its files must show. */
function expected() {
  const d = Object.fromEntries(
    Object.entries(CSV).map(([k, text]) => [k, importDataset(k as DatasetKind, parseCsv(text, k))]),
  ) as unknown as ObservedDatasets;
  const obs = assembleObserved(d, { years: 1 });
  const { rates, inflow } = estimateRates(obs);
  const runs = runScenarios(
    { space: obs.space, base: obs.population, startYear: 2024, steps: STEPS, rates, inflow },
    SCENARIOS,
  );
  return { space: obs.space, runs, comparison: compareScenarios(runs) };
}
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

beforeAll(async () => {
  server = await startServer({});
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
  for (const [kind, text] of Object.entries(CSV)) writeFileSync(join(FILES, `${kind}.csv`), text);
  writeFileSync(
    join(FILES, 'bad-population.csv'),
    CSV.population.replace(/\r\nDE12,M,Y10-14,2024,\d+,NR/, '\r\nDE12,M,Y10-14,2024,-40,NR'),
  );
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openAs(context: BrowserContext, account: { username: string; password: string }) {
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await logInAs(page, account);
  return page;
}

/** The login form (the app asks again after a reload: unlocked keys live in memory only). */
async function logInAs(page: Page, account: { username: string; password: string }) {
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: en('title') }).waitFor();
}

async function upload(page: Page, name: string, files: string[]) {
  const panel = page.locator('.demog-upload');
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
  await panel.getByLabel(en('datasets.name')).fill(name);
  await panel.locator('input[type=file]').setInputFiles(files.map((f) => join(FILES, f)));
  await panel.getByRole('button', { name: en('datasets.send') }).click();
}

/** Run the projection; a refusal on the page fails the test with its words. */
async function runProjection(page: Page) {
  await page.getByRole('button', { name: en('run.start') }).click();
  await page.waitForFunction(() => document.querySelector('[data-results], [data-demography-error]'));
  const refusal = page.locator('[data-demography-error]');
  if (await refusal.count()) throw new Error(`the projection was refused: ${await refusal.textContent()}`);
}

/** Figures of the page's tables: the pyramid's cells and the comparison's rows. */
const pyramidOnPage = (page: Page) =>
  page.locator('table[data-table=pyramid] tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      age: r.getAttribute('data-age'),
      women: Number(r.querySelector('[data-sex=F]')!.getAttribute('data-value')),
      men: Number(r.querySelector('[data-sex=M]')!.getAttribute('data-value')),
    })),
  );
const comparisonOnPage = (page: Page) =>
  page.locator('table[data-table=comparison] tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      scenario: r.getAttribute('data-scenario'),
      year: Number(r.getAttribute('data-year')),
      total: Number(r.querySelector('[data-col=total]')!.getAttribute('data-value')),
      difference: Number(r.querySelector('[data-col=difference]')!.getAttribute('data-value')),
    })),
  );

function checkPyramid(
  rows: Awaited<ReturnType<typeof pyramidOnPage>>,
  scenario: number,
  region: string,
  year: number,
) {
  const { space, runs } = expected();
  const pop = runs[scenario]!.result.population[year]!;
  const i = space.states.indexOf(region);
  const R = space.states.length;
  expect(rows).toHaveLength(space.ages);
  rows.forEach((row, a) => {
    expect(close(row.women, pop[a * R + i]!), `women ${row.age}`).toBe(true);
    expect(close(row.men, pop[(space.ages + a) * R + i]!), `men ${row.age}`).toBe(true);
  });
  expect(rows.at(-1)!.age).toBe('85+');
}

describe('the statistician', () => {
  it('imports a data set, runs two scenarios, reads the pyramid and the comparison, exports XLSX, saves and reopens', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    try {
      const page = await openAs(context, DEMO.statistician);
      // The demo seed's data set is there for everyone.
      await expect.poll(() => page.locator('select[name=dataset] option').count()).toBeGreaterThan(0);

      // A bad file: refused whole, with its file, row and reason; nothing stored.
      await upload(page, 'Bad upload', ['bad-population.csv', 'births.csv', 'deaths.csv', 'migration.csv']);
      const refusal = page.locator('[data-demography-error=TERN_DEMOGRAPHY_IMPORT_REJECTED]');
      await refusal.waitFor();
      const badRow = CSV.population.split('\r\n').findIndex((l) => l.startsWith('DE12,M,Y10-14,')) + 1;
      expect(await refusal.locator(`tr[data-rejected-row="${badRow}"]`).textContent()).toMatch(/population/);
      await page.locator('.demog-upload').screenshot({ path: join(SHOTS, 'en-demography-refused.png') });
      expect(await page.locator('select[name=dataset] option', { hasText: 'Bad upload' }).count()).toBe(0);

      await upload(page, 'E2E three regions', [
        'population.csv',
        'births.csv',
        'deaths.csv',
        'migration.csv',
        'immigration.csv',
      ]);
      const chosen = page.locator('select[name=dataset] option:checked');
      await expect.poll(() => chosen.textContent()).toContain('E2E three regions');
      expect(await page.locator('.demog-regions input:checked').count()).toBe(3);

      await page.getByLabel(en('spec.steps', { width: 5 })).fill(String(STEPS));
      for (const [k, s] of SCENARIOS.entries()) {
        await page.getByRole('button', { name: en('spec.add') }).click();
        const form = page.locator(`[data-scenario-form="${k}"]`);
        await form.getByLabel(en('spec.name')).fill(s.name);
        const o = s.overrides[0]!;
        await form.getByLabel(en('spec.kind')).selectOption(o.kind);
        if ('fromYear' in o) await form.getByLabel(en('spec.fromYear')).fill(String(o.fromYear));
        if (o.kind === 'scale-internal-migration')
          await form.getByLabel(en('spec.factor')).fill(String(o.factor));
      }
      await runProjection(page);
      await page
        .locator('section', { has: page.getByRole('heading', { name: en('spec.title') }) })
        .screenshot({ path: join(SHOTS, 'en-demography-spec.png') });
      await expect.poll(() => page.locator('.demog-charts canvas').count()).toBe(4);

      // The pyramid of DE12 in 2039 under the first scenario, and the scenario comparison of DE12.
      await page.locator('select[name=region]').selectOption('DE12');
      await page.locator('select[name=year]').selectOption({ label: '2039' });
      await page.locator('select[name=scenario]').selectOption({ label: SCENARIOS[0]!.name });
      checkPyramid(await pyramidOnPage(page), 1, 'DE12', STEPS);
      const shown = await comparisonOnPage(page);
      const want = expected().comparison.filter((c) => c.state === 'DE12');
      expect(shown).toHaveLength(want.length);
      for (const w of want) {
        const row = shown.find((s) => s.scenario === w.scenario && s.year === w.year)!;
        expect(
          close(row.total, w.total) && close(row.difference, w.difference),
          `${w.scenario} ${w.year}`,
        ).toBe(true);
      }
      // Migration matters: the scenarios do differ from the baseline by 2039.
      expect(
        shown.filter((s) => s.year === 2039 && s.scenario !== 'baseline').every((s) => s.difference !== 0),
      ).toBe(true);
      await page.locator('[data-results]').screenshot({ path: join(SHOTS, 'en-demography-results.png') });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: en('results.xlsx') }).click(),
      ]);
      const book = XLSX.read(readFileSync((await download.path())!));
      expect(book.SheetNames).toEqual(['baseline', ...SCENARIOS.map((s) => s.name), 'comparison']);
      const { runs } = expected();
      runs.forEach(({ name, result }) => {
        const sheet = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1 });
        const node = populationRows(result);
        expect(sheet[0]).toEqual(node[0]);
        // Every exported figure of the chosen regions (all three here) equals the package's.
        expect(sheet.length).toBe(node.length);
        for (let k = 1; k < node.length; k++) {
          expect(sheet[k]!.slice(0, 4)).toEqual(node[k]!.slice(0, 4));
          expect(close(Number(sheet[k]![4]), Number(node[k]![4])), `${name} row ${k}`).toBe(true);
        }
      });

      await page.locator('input[name=runName]').fill('E2E two scenarios');
      await page.getByRole('button', { name: en('saved.save') }).click();
      await page.getByText(en('saved.done', { name: 'E2E two scenarios' })).waitFor();
      await page.reload();
      await logInAs(page, DEMO.statistician);
      const saved = page.locator('[data-run="E2E two scenarios"]');
      await saved.getByRole('button', { name: en('saved.open') }).click();
      await page.locator('[data-results]').waitFor();
      await page.locator('select[name=region]').selectOption('DE12');
      await page.locator('select[name=year]').selectOption({ label: '2039' });
      await page.locator('select[name=scenario]').selectOption({ label: SCENARIOS[0]!.name });
      checkPyramid(await pyramidOnPage(page), 1, 'DE12', STEPS);
      await page.screenshot({ path: join(SHOTS, 'en-demography-reopened.png') });

      await page.locator('.language-picker select').selectOption('ar');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      await page.getByRole('heading', { name: words('ar')('title') }).waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SHOTS, 'ar-demography.png') });
    } finally {
      await context.close();
    }
  });

  it('on a 360 × 740 phone, in all five languages, the page never scrolls sideways', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    try {
      const page = await openAs(context, DEMO.statistician);
      await runProjection(page);
      for (const lang of ['en', 'fr', 'es', 'ru', 'ar']) {
        await page.locator('.language-picker select').selectOption(lang);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        await page.getByRole('heading', { name: words(lang)('title') }).waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, lang).toBeLessThanOrEqual(360);
      }
      await page.screenshot({ path: join(SHOTS, 'ar-demography-phone.png') });
    } finally {
      await context.close();
    }
  });

  it('an interviewer does not get the workspace, and the server refuses its routes', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/#/demography`);
      await page.getByLabel('Username').fill(DEMO.interviewer.username);
      await page.getByLabel('Password').fill(DEMO.interviewer.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('button', { name: 'Log out' }).first().waitFor();
      expect(await page.getByRole('heading', { name: en('title') }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Projections' }).count()).toBe(0);
      const status = await page.evaluate(async () => (await fetch('/api/demography/datasets')).status);
      expect(status).toBe(403);
    } finally {
      await context.close();
    }
  });
});

describe('an admin', () => {
  it('reaches the workspace from the header link', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await page.getByLabel('Username').fill(DEMO.admin.username);
      await page.getByLabel('Password').fill(DEMO.admin.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('link', { name: 'Projections' }).click();
      await page.getByRole('heading', { name: en('title') }).waitFor();
      expect(page.url()).toMatch(/#\/demography$/);
    } finally {
      await context.close();
    }
  });
});

describe('the build', () => {
  it('keeps the workspace, the engine and its worker out of the interview route’s chunks', () => {
    const dist = join(ROOT, 'apps/web/dist');
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)![1]!;
    // Every chunk the entry loads before anything is clicked: its static imports, transitively.
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(join(dist, file), 'utf8');
      for (const m of code.matchAll(/(?:import|from)\s*"\.\/([\w.-]+\.js)"/g)) visit(`assets/${m[1]}`);
    };
    visit(entry);
    expect(seen.size).toBeGreaterThan(1);
    const eager = [...seen].map((f) => readFileSync(join(dist, f), 'utf8')).join('\n');
    // Words only the engine, the workspace and the worker use.
    for (const marker of ['oldAgeDependency', 'scale-internal-migration', 'data-results'])
      expect(eager.includes(marker), marker).toBe(false);
    // …and they are in the build, in their own chunks.
    const entryCode = readFileSync(join(dist, entry), 'utf8');
    expect(entryCode).toMatch(/DemographyPage-[\w-]+\.js/);
    expect([...seen].some((f) => /DemographyPage|projection-worker/.test(f))).toBe(false);
  });
});
