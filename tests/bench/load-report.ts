import type { RequestTime } from './load-clients.ts';

/** What one phase (push or pull) of one step measured. */
export interface Phase {
  seconds: number;
  /** The server process's CPU seconds (user + system) during the phase. */
  serverCpuS: number;
  /** The client processes' CPU seconds during the phase (they share the machine with the server). */
  clientCpuS: number;
  docs: number;
  requests: RequestTime[];
  devicesMs: number[];
  failures: string[];
}

export interface Step {
  target: 'compact' | 'couch' | 'pouchdb';
  devices: number;
  push: Phase;
  pull: Phase;
  peakMb: number;
  head: number;
}

const NAMES: Record<Step['target'], string> = {
  compact: 'Tern compact door',
  couch: 'Tern CouchDB door (PouchDB 9)',
  pouchdb: 'pouchdb-server 4.2 (PouchDB 9)',
};

/** The request that carries the documents: the one whose latency a device waits on. */
const DATA_REQUEST: Record<Step['target'], Record<'push' | 'pull', string>> = {
  compact: { push: 'sync', pull: 'sync' },
  couch: { push: '_bulk_docs', pull: '_bulk_get' },
  pouchdb: { push: '_bulk_docs', pull: '_bulk_get' },
};

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function dataRequests(s: Step, phase: 'push' | 'pull'): number[] {
  const kind = DATA_REQUEST[s.target][phase];
  const ms = s[phase].requests.filter((r) => r.kind === kind).map((r) => r.ms);
  // A server without `_bulk_get` is read one document per request: then every request counts.
  return ms.length > 0 ? ms : s[phase].requests.map((r) => r.ms);
}

const docsPerS = (p: Phase) => p.docs / p.seconds;
const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');

export function printTable(steps: Step[]): void {
  const base = (n: number) => steps.find((s) => s.target === 'pouchdb' && s.devices === n);
  console.log(
    '\n| server / door | devices | push docs/s | push request p50 ms | p99 ms | p99/p50 | device push p50 / p99 s | ' +
      'server / client CPU s (push) | pull docs/s | server / client CPU s (pull) | pull request p50 / p99 ms | peak RSS MB | push docs/s ÷ pouchdb-server |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of steps) {
    const push = dataRequests(s, 'push');
    const pull = dataRequests(s, 'pull');
    const p50 = percentile(push, 50);
    const p99 = percentile(push, 99);
    const b = base(s.devices);
    console.log(
      `| ${NAMES[s.target]} | ${s.devices} | ${f0(docsPerS(s.push))} | ${f0(p50)} | ${f0(p99)} | ${f2(p99 / p50)} | ` +
        `${f2(percentile(s.push.devicesMs, 50) / 1000)} / ${f2(percentile(s.push.devicesMs, 99) / 1000)} | ` +
        `${f2(s.push.serverCpuS)} / ${f2(s.push.clientCpuS)} | ${f0(docsPerS(s.pull))} | ` +
        `${f2(s.pull.serverCpuS)} / ${f2(s.pull.clientCpuS)} | ${f0(percentile(pull, 50))} / ${f0(percentile(pull, 99))} | ` +
        `${f0(s.peakMb)} | ${b ? f2(docsPerS(s.push) / docsPerS(b.push)) : '–'} |`,
    );
  }
  // The server's CPU per document is steadier than docs/s on a shared machine: clients and other
  // work take the cores the server waits for, but not its CPU seconds.
  const cpu = steps
    .filter((s) => s.target !== 'pouchdb')
    .map((s) => {
      const b = base(s.devices);
      const mine = s.push.serverCpuS / s.push.docs;
      return (
        `${s.target}@${s.devices}: push ${f2(mine * 1000)} ms/doc` +
        (b ? ` (${f2(mine / (b.push.serverCpuS / b.push.docs))} × pouchdb-server's)` : '')
      );
    });
  console.log(`\nServer CPU per document pushed: ${cpu.join('; ')}`);
  const all = steps.map(
    (s) =>
      `${s.target}@${s.devices}: push ${s.push.requests.length} requests p50/p99 ` +
      `${f0(
        percentile(
          s.push.requests.map((r) => r.ms),
          50,
        ),
      )}/${f0(
        percentile(
          s.push.requests.map((r) => r.ms),
          99,
        ),
      )} ms`,
  );
  console.log(`\nEvery HTTP request (not only the one carrying documents): ${all.join('; ')}`);
}

/** The goals of issue 12, item 3, at the largest device count of the run. */
export function verdicts(steps: Step[]): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => out.push(`${ok ? 'met   ' : 'MISSED'} ${what}`);
  const top = Math.max(...steps.map((s) => s.devices));
  const base = steps.find((s) => s.target === 'pouchdb' && s.devices === top);
  for (const target of ['compact', 'couch'] as const) {
    const mine = steps.filter((s) => s.target === target).sort((a, b) => a.devices - b.devices);
    const at = mine.find((s) => s.devices === top);
    if (!at) continue;
    const name = NAMES[target];
    const failures = mine.reduce((n, s) => n + s.push.failures.length + s.pull.failures.length, 0);
    check(failures === 0, `${name}: every device pushed and pulled without error (${failures} failures)`);
    if (base) {
      const ratio = docsPerS(at.push) / docsPerS(base.push);
      check(
        ratio >= 3,
        `${name}: at ${top} devices ${ratio.toFixed(2)} × pouchdb-server's push docs/s (goal ≥ 3)`,
      );
    }
    // "Not falling" within 10 %: two runs of the same step differ by about that on a shared machine.
    const falling = mine.filter((s, i) => i > 0 && docsPerS(s.push) < 0.9 * docsPerS(mine[i - 1]!.push));
    check(
      falling.length === 0,
      `${name}: push docs/s ${mine.map((s) => `${f0(docsPerS(s.push))} at ${s.devices}`).join(', ')} (goal: not falling as devices are added, 10 % tolerance)`,
    );
    check(at.peakMb <= 400, `${name}: peak RSS ${f0(at.peakMb)} MB at ${top} devices (goal ≤ 400 MB)`);
    const push = dataRequests(at, 'push');
    const spread = percentile(push, 99) / percentile(push, 50);
    check(spread <= 1.5, `${name}: push request p99/p50 ${f2(spread)} at ${top} devices (goal ≤ 1.5)`);
  }
  return out;
}
