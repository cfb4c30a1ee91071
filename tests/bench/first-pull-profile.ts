// Where a first pull's time goes in Chromium (issue 18): the replicator's phases as the sync panel shows
// them (`data-phase` on the progress line: send, receive, store, idle), and a CPU profile of the page's
// main thread (CDP Profiler) summed by function. WebCrypto and IndexedDB work off the main thread: in
// the profile they show as idle time, and in the phases as part of `store`.
import type { CDPSession, Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface PullProfile {
  /** Milliseconds per phase, summed over the run, and how many times each phase began. */
  phases: Record<string, { ms: number; times: number }>;
  /** The phases in order with their lengths (ms): `send 812 · receive 95 · store 2301 · …`. */
  timeline: string;
  /** Main-thread self time (ms) by function, largest first. */
  top: Array<{ fn: string; ms: number }>;
  /** Main-thread time (ms): running script, garbage collection, idle (waiting on network, crypto, IndexedDB). */
  busyMs: number;
  gcMs: number;
  idleMs: number;
}

/** Start watching: the phase observer in the page and the CPU profiler. Call `stop` after the pull. */
export async function startProfile(page: Page): Promise<{ stop: () => Promise<PullProfile> }> {
  // A string, not a function: the bench runs through esbuild, whose name helpers do not exist in the page.
  await page.evaluate(`(() => {
    window.__phases = [['start', performance.now()]];
    let last = '';
    new MutationObserver(() => {
      const p = document.querySelector('.sync-detail')?.getAttribute('data-phase') ?? 'other';
      if (p !== last) {
        last = p;
        window.__phases.push([p, performance.now()]);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase'] });
  })()`);
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return {
    stop: async () => {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      await cdp.detach();
      const marks = await page.evaluate(() => {
        const w = window as unknown as { __phases: Array<[string, number]> };
        return [...w.__phases, ['end', performance.now()]] as Array<[string, number]>;
      });
      const timeline = marks
        .slice(0, -1)
        .map(([name, at], i) => `${name} ${(marks[i + 1]![1] - at).toFixed(0)}`)
        .join(' · ');
      return { phases: phaseTimes(marks), timeline, ...summarise(profile) };
    },
  };
}

function phaseTimes(marks: Array<[string, number]>): PullProfile['phases'] {
  const out: PullProfile['phases'] = {};
  for (let i = 0; i + 1 < marks.length; i++) {
    const [name, at] = marks[i]!;
    const entry = (out[name] ??= { ms: 0, times: 0 });
    entry.ms += marks[i + 1]![1] - at;
    entry.times += 1;
  }
  return out;
}

function summarise(profile: CpuProfile): Omit<PullProfile, 'phases' | 'timeline'> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let gcMs = 0;
  let idleMs = 0;
  let busyMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') {
      idleMs += ms;
      return;
    }
    if (f.functionName === '(garbage collector)') gcMs += ms;
    else busyMs += ms;
    const file = f.url.split('/').pop() ?? '';
    // The column too: the app is minified, so a whole chunk is one line.
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  const top = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .map(([fn, ms]) => ({ fn, ms }));
  return { top, busyMs, gcMs, idleMs };
}

export function printProfile(p: PullProfile): void {
  console.log('\n  phases of the pull (ms, as the sync panel shows them):');
  for (const [name, { ms, times }] of Object.entries(p.phases))
    console.log(`    ${name.padEnd(8)} ${ms.toFixed(0).padStart(7)} ms in ${times}`);
  console.log(`  in order (ms): ${p.timeline}`);
  console.log(
    `  main thread: script ${p.busyMs.toFixed(0)} ms, GC ${p.gcMs.toFixed(0)} ms, ` +
      `idle or waiting (network, WebCrypto, IndexedDB) ${p.idleMs.toFixed(0)} ms`,
  );
  console.log('  main-thread self time by function (top 20):');
  for (const { fn, ms } of p.top) console.log(`    ${ms.toFixed(0).padStart(7)} ms  ${fn}`);
}
