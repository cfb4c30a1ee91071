// Issue 16's size and start figures, on the real app served by the real server in Debian's chromium:
//  1. the JavaScript the interview route downloads (first visit, log in, open a form), gzip, beside the
//     whole app's JavaScript (the baseline: what one chunk for everything would weigh);
//  2. warm offline start to a usable form on a device holding 5,000 cases, beside an empty device in the
//     same run: reload offline → login form → unlocked home → "New record" → the form's first field.
// Run with `npm run bench:start` (scripts/run-ts.mjs builds apps/web first).
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { DEMO, ROOT, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { logIn, openControlled, syncNow } from '../support/tern-page.ts';

const BATCHES = Number(process.env.TERN_BENCH_BATCHES ?? 25); // × 200 cases
const RUNS = Number(process.env.TERN_BENCH_RUNS ?? 5);
const CPU = Number(process.env.TERN_BENCH_CPU ?? 1);
/** TERN_BENCH_SIZE_ONLY=1: the route's scripts only (no 5,000-case seed, no warm starts): seconds, not minutes. */
const SIZE_ONLY = process.env.TERN_BENCH_SIZE_ONLY === '1';
const kib = (n: number) => (n / 1024).toFixed(1);
const gz = (b: ArrayLike<number>) => gzipSync(Uint8Array.from(b), { level: 9 }).length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Every script the interview route fetches, from the first visit to an open form, gzip-sized here. */
async function routeScripts(browser: Browser, server: ServerHandle) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const seen = new Map<string, { phase: string; gzip: number }>();
  let phase = 'first download';
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'script') return;
    const path = new URL(r.url()).pathname;
    void r.body().then((b) => {
      if (!seen.has(path)) seen.set(path, { phase, gzip: gz(b) });
    });
  });
  await page.goto(`${server.url}/`);
  await page.getByLabel('Username').waitFor();
  await page.waitForLoadState('networkidle');
  phase = 'login and home';
  const refused = await logIn(page, DEMO.interviewer.username, DEMO.interviewer.password);
  if (refused) throw new Error(`login refused: ${refused}`);
  await page.waitForLoadState('networkidle');
  phase = 'the form';
  await page.getByRole('button', { name: 'New record' }).click();
  await page.locator('main input, main select, main textarea').first().waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  return seen;
}

/** The whole app's JavaScript (every chunk the build made), gzip: one bundle's weight. */
function wholeApp(): { gzip: number; chunks: number } {
  const dir = join(ROOT, 'apps/web/dist/assets');
  const js = readdirSync(dir).filter((f) => f.endsWith('.js') && !f.includes('projection-worker'));
  return { gzip: js.reduce((s, f) => s + gz(readFileSync(join(dir, f))), 0), chunks: js.length };
}

interface StartTimes {
  loginReady: number;
  unlocked: number;
  formReady: number;
  total: number;
}

/** Log in online once, pull everything, then time offline reloads to a usable form. */
async function warmStarts(
  browser: Browser,
  server: ServerHandle,
): Promise<{ rows: number; runs: StartTimes[] }> {
  const context = await browser.newContext();
  const page: Page = await openControlled(context, `${server.url}/`);
  const account = DEMO.officer;
  const refused = await logIn(page, account.username, account.password);
  if (refused) throw new Error(`login refused: ${refused}`);
  // Everything the mission holds comes down (a second sync finds nothing new).
  await syncNow(page);
  await syncNow(page);
  const rows = await page.evaluate(
    () =>
      new Promise<number>((ok, fail) => {
        const open = indexedDB.open('tern');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('docs').objectStore('docs').count();
          req.onsuccess = () => {
            ok(req.result);
            open.result.close();
          };
        };
      }),
  );
  await context.setOffline(true);
  const cdp = await context.newCDPSession(page);
  if (CPU > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  const runs: StartTimes[] = [];
  for (let r = 0; r < RUNS; r++) {
    await page.reload();
    await page.getByLabel('Password').waitFor();
    const loginReady = await page.evaluate(() => performance.now());
    await page.getByLabel('Username').fill(account.username);
    await page.getByLabel('Password').fill(account.password);
    await page.evaluate(() => {
      const w = window as unknown as { __t: number[] };
      w.__t = [];
      for (const type of ['submit', 'click'])
        window.addEventListener(type, () => w.__t.push(performance.now()), { capture: true, once: true });
    });
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'New record' }).waitFor();
    const homeAt = await page.evaluate(() => performance.now());
    const [submitAt] = await page.evaluate(() => (window as unknown as { __t: number[] }).__t);
    await page.evaluate(() => {
      const w = window as unknown as { __c: number };
      window.addEventListener('click', () => (w.__c = performance.now()), { capture: true, once: true });
    });
    await page.getByRole('button', { name: 'New record' }).click();
    await page.locator('main input, main select, main textarea').first().waitFor();
    const formAt = await page.evaluate(() => performance.now());
    const clickAt = await page.evaluate(() => (window as unknown as { __c: number }).__c);
    const unlocked = homeAt - submitAt!;
    const formReady = formAt - clickAt;
    runs.push({ loginReady, unlocked, formReady, total: loginReady + unlocked + formReady });
  }
  await context.close();
  return { rows, runs };
}

/** Thrown to end a size-only run early (the `finally` below still stops the servers). */
class SizeOnly extends Error {}

const browser = await launchChromium();
const empty = await startServer({ demoCases: false });
const full = SIZE_ONLY ? empty : await startServer({ demoCases: BATCHES });
try {
  console.log(
    `# Size and warm start (issue 16): ${new Date().toISOString()}, ${cpus().length} cores, ` +
      `${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${loadavg()[0]!.toFixed(1)}` +
      (CPU > 1 ? `, CPU throttled ${CPU}×` : ''),
  );
  const scripts = await routeScripts(browser, full);
  const app = wholeApp();
  const byPhase = new Map<string, number>();
  for (const s of scripts.values()) byPhase.set(s.phase, (byPhase.get(s.phase) ?? 0) + s.gzip);
  const route = [...byPhase.values()].reduce((a, b) => a + b, 0);
  console.log('\n| interview route (360 px, interviewer) | scripts | KiB gzip |\n| --- | --- | --- |');
  for (const [phase, bytes] of byPhase)
    console.log(
      `| ${phase} | ${[...scripts.values()].filter((s) => s.phase === phase).length} | ${kib(bytes)} |`,
    );
  console.log(`| **route total** | ${scripts.size} | **${kib(route)}** |`);
  console.log(`| baseline: the whole app's JavaScript | ${app.chunks} | ${kib(app.gzip)} |`);
  console.log(`\nroute / whole app: ${(route / app.gzip).toFixed(2)} (goal: route ≤ 150 KiB gzip)`);
  console.log("\nthe route's scripts, largest first (KiB gzip):");
  for (const [path, s] of [...scripts].sort((a, b) => b[1].gzip - a[1].gzip))
    console.log(`  ${kib(s.gzip).padStart(6)}  ${path} (${s.phase})`);

  if (SIZE_ONLY) throw new SizeOnly();
  const e = await warmStarts(browser, empty);
  const f = await warmStarts(browser, full);
  console.log(
    '\n| warm offline start, median of ' +
      RUNS +
      ' (ms) | rows on device | login form | unlock → home | "New record" → form | total |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [name, r] of [
    ['baseline: empty device', e],
    [`${BATCHES * 200} cases`, f],
  ] as const)
    console.log(
      `| ${name} | ${r.rows} | ${median(r.runs.map((x) => x.loginReady)).toFixed(0)} | ` +
        `${median(r.runs.map((x) => x.unlocked)).toFixed(0)} | ${median(r.runs.map((x) => x.formReady)).toFixed(0)} | ` +
        `**${median(r.runs.map((x) => x.total)).toFixed(0)}** |`,
    );
  const ratio = median(f.runs.map((x) => x.total)) / median(e.runs.map((x) => x.total));
  console.log(`\nfull / empty: ${ratio.toFixed(2)} (goal: total ≤ 1000 ms with 5,000 cases)`);
} catch (e) {
  if (!(e instanceof SizeOnly)) throw e;
} finally {
  await browser.close();
  if (full !== empty) await full.stop();
  await empty.stop();
}
