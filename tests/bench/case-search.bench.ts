// The case search benchmark of issue 6: 5,000 cases sealed in IndexedDB (made through the app's own
// createCase and saveSubmission), time from a keystroke in the search box to the results rendered
// (the frame after the list shows the typed query), median and p95, target ≤ 100 ms (issue 6) and, at
// 4× CPU throttling (a phone), ≤ 50 ms (issue 16). Baseline in the same run: the naive search that
// decrypts every case row on each keystroke. Also counts the rows a first letter puts on screen.
// Run with `npm run bench:cases` (scripts/run-ts.mjs builds apps/web/dist-bench/cases first).
import { cpus, loadavg, totalmem } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { median, quantile, serveDist } from './bench-page.ts';
import { ROOT } from '../support/server-process.ts';

const DIST = join(ROOT, 'apps/web/dist-bench/cases');
const CASES = Number(process.env.TERN_BENCH_CASES ?? 5000);
/** What an interviewer types: names (partial, without accents), a code prefix, a full code-like query. */
const QUERIES = ['amina', 'okafor', 'lucia garcia', 'demo', 'bench-01-00', 'zainab sow', 'traore'];

interface Run {
  mode: string;
  rate: number;
  cases: number;
  generateMs: number;
  buildMs: number;
  lat: number[];
  /** Rows in the list after each query's first letter (index mode). */
  firstRows: number[];
}

async function open(context: BrowserContext, url: string, mode: string, rate: number) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(`${url}/cases.html?mode=${mode}&cases=${CASES}`);
  await page.waitForFunction(() => window.__casesBench?.ready === true, null, { timeout: 600_000 });
  return page;
}

/** Type each query key by key; each keystroke waits until its results are on screen, then pauses. */
async function typeQueries(page: Page): Promise<{ lat: number[]; firstRows: number[] }> {
  await page.evaluate(() => {
    const w = window as unknown as { __lat: Array<[string, number]>; __start: number };
    w.__lat = [];
    w.__start = 0;
    const box = document.querySelector('input[type=search]') as HTMLInputElement;
    box.focus();
    window.addEventListener('keydown', () => (w.__start = performance.now()), { capture: true });
    // Results are rendered when the count line shows the box's current text: measure to the next frame.
    new MutationObserver(() => {
      const shown = document.querySelector('.case-count')?.getAttribute('data-query');
      if (shown !== box.value || w.__start === 0) return;
      const start = w.__start;
      w.__start = 0;
      requestAnimationFrame(() => w.__lat.push([shown, performance.now() - start]));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const firstRows: number[] = [];
  for (const q of QUERIES) {
    await page.fill('input[type=search]', '');
    await page.waitForFunction(
      () => document.querySelector('.case-count')?.getAttribute('data-query') === '',
    );
    await page.evaluate(() => ((window as unknown as { __start: number }).__start = 0));
    for (let i = 1; i <= q.length; i++) {
      const ch = q[i - 1]!;
      await page.keyboard.press(ch === ' ' ? 'Space' : ch);
      // Wait for this keystroke's own measurement (tagged with the text it rendered).
      await page.waitForFunction(
        (want) => (window as unknown as { __lat: Array<[string, number]> }).__lat.at(-1)?.[0] === want,
        q.slice(0, i),
        { timeout: 120_000 },
      );
      if (i === 1) firstRows.push(await page.locator('table.cases tbody tr').count());
      await page.waitForTimeout(50);
    }
  }
  // Clearing the box between queries is measured too (Playwright's fill); only typed keys count.
  const lat = (
    await page.evaluate(() => (window as unknown as { __lat: Array<[string, number]> }).__lat)
  ).filter((l) => l[0] !== '');
  const keystrokes = QUERIES.join('').length;
  if (lat.length !== keystrokes) throw new Error(`${keystrokes} keystrokes but ${lat.length} measurements`);
  return { lat: lat.map((l) => l[1]), firstRows };
}

async function measure(context: BrowserContext, url: string, mode: string, rate: number): Promise<Run> {
  const page = await open(context, url, mode, rate);
  const info = await page.evaluate(() => window.__casesBench!);
  const { lat, firstRows } = await typeQueries(page);
  await page.close();
  return {
    mode,
    rate,
    cases: info.cases,
    generateMs: info.generateMs,
    buildMs: info.buildMs,
    lat,
    firstRows,
  };
}

declare global {
  interface Window {
    __casesBench?: { ready: boolean; mode: string; cases: number; generateMs: number; buildMs: number };
  }
}

const fmt = (n: number) => n.toFixed(1);

async function main() {
  if (!existsSync(join(DIST, 'cases.html'))) throw new Error(`${DIST} missing: run npm run bench:cases`);
  const loadStart = loadavg()[0]!;
  const served = await serveDist(DIST, 'cases.html');
  const browser = await launchChromium();
  const runs: Run[] = [];
  let generateMs = 0;
  try {
    // One profile for every run: the cases are generated (sealed) once, on the first page load.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const first = await open(context, served.url, 'index', 1);
    generateMs = (await first.evaluate(() => window.__casesBench!.generateMs)) ?? 0;
    await first.close();
    for (const rate of [1, 4])
      for (const mode of ['index', 'naive']) runs.push(await measure(context, served.url, mode, rate));
    await context.close();
  } finally {
    await browser.close();
    await served.close();
  }
  const name = (m: string) => (m === 'index' ? 'Tern: in-memory index' : 'baseline: decrypt every case');
  console.log(
    `\n${CASES} cases (+ ${CASES} Screening forms) sealed in IndexedDB; generated in ${fmt(generateMs / 1000)} s`,
  );
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Chromium ${await chromiumVersion()}\n`,
  );
  console.log('| CPU | search | keystrokes | median ms | p95 ms | max ms | index build ms |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of runs)
    console.log(
      `| ${r.rate}× | ${name(r.mode)} | ${r.lat.length} | ${fmt(median(r.lat))} | ${fmt(quantile(r.lat, 0.95))} | ${fmt(Math.max(...r.lat))} | ${r.mode === 'index' ? fmt(r.buildMs) : '—'} |`,
    );
  console.log('');
  for (const rate of [1, 4]) {
    const a = runs.find((r) => r.rate === rate && r.mode === 'index')!;
    const b = runs.find((r) => r.rate === rate && r.mode === 'naive')!;
    const target = rate === 4 ? 50 : 100;
    console.log(
      `${rate}× CPU: baseline / index = ${fmt(median(b.lat) / median(a.lat))}× at the median, ${fmt(quantile(b.lat, 0.95) / quantile(a.lat, 0.95))}× at p95; index p95 ${fmt(quantile(a.lat, 0.95))} ms ${quantile(a.lat, 0.95) <= target ? 'meets' : 'MISSES'} the ${target} ms target; rows on screen after a first letter: at most ${Math.max(...a.firstRows)}`,
    );
  }
  const load = loadavg().map((x) => x.toFixed(1));
  console.log(
    `load average: ${loadStart.toFixed(1)} at the start; ${load.join(', ')} (1, 5, 15 min) at the end; ${cpus().length} cores`,
  );
}

async function chromiumVersion(): Promise<string> {
  const b = await launchChromium();
  try {
    return b.version();
  } finally {
    await b.close();
  }
}

await main();
