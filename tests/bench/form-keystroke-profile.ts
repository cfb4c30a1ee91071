// Where one keystroke's time goes on the form benchmark's page (tests/bench/form-keystroke.bench.ts):
// a Chromium performance trace of 30 keystrokes in one field at a chosen CPU throttle, the renderer's
// main-thread time summed by trace event (self time: script, style recalculation, layout, paint…) and
// by JavaScript function (CDP Profiler samples), both per keystroke, for the Tern page and the
// plain-HTML page. A diagnostic, not a benchmark (its figures are inflated by the tracing itself):
//
//   npm run bench:forms:profile [-- --rate 4 --field q-q284 --mode react|plain|both --top 25 --rounds 1 --dist DIR]
//
// The summary table gives Chromium's own main-thread counters (Performance.getMetrics: all tasks,
// script, style, layout) per keystroke, measured before tracing starts. With --rounds N (N > 1) the
// pages are measured N times each, alternately, without tracing, and only that table is printed
// (median of the rounds): main-thread time is disturbed less by a shared machine's load than latency.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { serveDist } from './bench-page.ts';
import { ROOT } from '../support/server-process.ts';

/** The built bench page; `--dist <dir>` profiles another build of it (an earlier commit's, to compare). */
const DIST = arg('dist', join(ROOT, 'apps/web/dist-bench'));
const KEYS = 30;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  let out = '';
  for (;;) {
    const chunk = (await cdp.send('IO.read', { handle })) as { data: string; eof: boolean };
    out += chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  return out;
}

/** Self time per event name on the renderer's main thread (complete events, nested by time). */
function selfTimes(events: TraceEvent[]): Map<string, number> {
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const spans = events.filter(
    (e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined,
  );
  spans.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: Array<{ end: number; key: string }> = [];
  for (const e of spans) {
    while (stack.length && stack.at(-1)!.end <= e.ts) stack.pop();
    const key = e.name === 'EventDispatch' ? `EventDispatch(${e.args?.data?.type ?? '?'})` : e.name;
    const parent = stack.at(-1);
    if (parent) self.set(parent.key, (self.get(parent.key) ?? 0) - e.dur!);
    self.set(key, (self.get(key) ?? 0) + e.dur!);
    stack.push({ end: e.ts + e.dur!, key });
  }
  return self;
}

function functionTimes(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') return;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return self;
}

async function typeKeys(page: Page, id: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    // Let the frame finish before the next key, as the bench does.
    await page.evaluate(
      () => new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(() => ok(), 0))),
    );
    await page.waitForTimeout(60);
  }
  const value = await page.evaluate((i) => (document.getElementById(i) as HTMLInputElement).value, id);
  if (value.length < n) throw new Error(`typed ${n} keys into ${id}, it holds ${value.length}`);
}

/** Chromium's own counters of main-thread time (CDP Performance.getMetrics, seconds, cumulative). */
const METRICS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'] as const;

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const r = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return Object.fromEntries(r.metrics.map((m) => [m.name, m.value]));
}

async function profileMode(
  url: string,
  mode: string,
  rate: number,
  field: string,
  top: number,
  quiet = false,
): Promise<Record<string, number>> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(`${url}/forms.html?mode=${mode}`);
    await page.waitForFunction(() => window.__bench?.ready === true, null, { timeout: 120_000 });
    await page.evaluate((id) => {
      const el = document.getElementById(id) as HTMLInputElement;
      el.scrollIntoView({ block: 'center' });
      el.focus();
    }, field);
    await typeKeys(page, field, 5); // warm-up: compiled code, caches
    await cdp.send('Performance.enable');
    const before = await metrics(cdp);
    await typeKeys(page, field, KEYS);
    const after = await metrics(cdp);
    // Main-thread time per keystroke (ms): all tasks, and script, style and layout within them.
    const kinds = Object.fromEntries(
      METRICS.map((m) => [m.replace('Duration', ''), ((after[m]! - before[m]!) * 1000) / KEYS]),
    );
    if (quiet) return kinds;
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Tracing.start', {
      transferMode: 'ReturnAsStream',
      traceConfig: {
        includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'],
      },
    });
    await cdp.send('Profiler.start');
    await typeKeys(page, field, KEYS);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    const done = new Promise<string>((ok) =>
      cdp.once('Tracing.tracingComplete', (e: { stream?: string }) => ok(e.stream ?? '')),
    );
    await cdp.send('Tracing.end');
    const events = (JSON.parse(await readStream(cdp, await done)) as { traceEvents: TraceEvent[] })
      .traceEvents;
    const self = selfTimes(events);
    await context.close();
    const rows = [...self.entries()]
      .map(([k, us]) => [k, us / 1000 / KEYS] as const)
      .filter(([, ms]) => ms >= 0.01)
      .sort((a, b) => b[1] - a[1]);
    const total = rows.reduce((s, [, ms]) => s + ms, 0);
    console.log(`\n## ${mode} at ${rate}× CPU, ${KEYS} keystrokes in #${field}: main thread per keystroke`);
    console.log(`total ${total.toFixed(2)} ms (trace events, self time)`);
    for (const [k, ms] of rows.slice(0, top)) console.log(`  ${ms.toFixed(2).padStart(7)} ms  ${k}`);
    const fns = [...functionTimes(profile).entries()].sort((a, b) => b[1] - a[1]);
    const js = fns.reduce((s, [, ms]) => s + ms, 0);
    console.log(`JavaScript (profiler samples, self time): ${(js / KEYS).toFixed(2)} ms per keystroke`);
    for (const [k, ms] of fns.slice(0, top)) console.log(`  ${(ms / KEYS).toFixed(3).padStart(7)} ms  ${k}`);
    return kinds;
  } finally {
    await browser.close();
  }
}

async function main() {
  if (!existsSync(join(DIST, 'forms.html'))) throw new Error(`${DIST} missing: run npm run bench:forms`);
  const rate = Number(arg('rate', '4'));
  const field = arg('field', 'q-q284');
  const which = arg('mode', 'both');
  const top = Number(arg('top', '25'));
  const rounds = Number(arg('rounds', '1'));
  const modes = which === 'both' ? ['plain', 'react'] : [which];
  const served = await serveDist(DIST, 'forms.html');
  try {
    const seen: Record<string, Array<Record<string, number>>> = {};
    for (let r = 0; r < rounds; r++)
      for (const mode of modes)
        (seen[mode] ??= []).push(await profileMode(served.url, mode, rate, field, top, rounds > 1));
    const kinds = METRICS.map((m) => m.replace('Duration', ''));
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
    console.log(
      `\n## main thread per keystroke at ${rate}× CPU, #${field}, median of ${rounds} round(s), ms ` +
        `(Performance.getMetrics; Task is all of it)`,
    );
    console.log(`| kind | ${modes.join(' | ')} |`);
    console.log(`|---|${modes.map(() => '---').join('|')}|`);
    for (const k of kinds) {
      const cell = (m: string) => med(seen[m]!.map((x) => x[k]!)).toFixed(2);
      console.log(`| ${k} | ${modes.map(cell).join(' | ')} |`);
    }
  } finally {
    await served.close();
  }
}

await main();
