// The projection in a Chromium Web Worker (issue 14: 300 regions × 18 age groups × 2 sexes, full
// matrices, 10 five-year steps, ≤ 2 s in a Chromium worker). Serves apps/web/dist-bench/demography
// (built by scripts/bench-demography.mjs) on 127.0.0.1, runs the projection in the page's module
// worker and prints a markdown table; the Node figures of the same command come first.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../support/browser.ts';
import { serveDist } from './bench-page.ts';
import { ROOT } from '../support/server-process.ts';

const DIST = join(ROOT, 'apps/web/dist-bench/demography');
const quick = process.argv.includes('--quick');

const site = await serveDist(DIST, 'demography.html');
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(site.url);
  await page.waitForFunction(() => document.getElementById('out')?.textContent === 'ready', null, {
    timeout: 30_000,
  });
  console.log(`\n## In a Chromium Web Worker (load average ${loadavg()[0]!.toFixed(1)})\n`);
  console.log('| regions | steps | best (ms) | median (ms) | steps reported by onStep |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  // Warm-up so the worker's JIT has compiled the hot loops.
  await page.evaluate(() => window.ternBench(30, 10, 1));
  for (const regions of quick ? [50, 100] : [50, 100, 200, 300]) {
    const a = await page.evaluate(([r, s, n]) => window.ternBench(r, s, n), [regions, 10, 3] as const);
    const sorted = [...a.ms].sort((x, y) => x - y);
    console.log(
      `| ${regions} | ${a.steps} | ${sorted[0]!.toFixed(0)} | ${sorted[1]!.toFixed(0)} | ${a.progress} |`,
    );
  }
} finally {
  await browser.close();
  await site.close();
}

declare global {
  interface Window {
    ternBench: (
      regions: number,
      steps: number,
      runs: number,
    ) => Promise<{ regions: number; steps: number; ms: number[]; progress: number }>;
  }
}
