/**
 * The load soak's figures (tests/bench/load-soak.ts): a line a minute, the summary against the
 * baseline, and the verdicts the issue asks for — no errors, memory flat, throughput steady.
 */
import type { SoakTarget } from './load-soak-clients.ts';

export interface Minute {
  minute: number;
  syncs: number;
  pushed: number;
  pulled: number;
  syncMs: number[];
  failures: string[];
  longpollFailures: string[];
  joined: number;
  left: number;
  offline: number;
  wakes: number;
  /** The most longpolls held at once during the minute (the clients' latest reports summed). */
  longpollsOpen: number;
  activeOnline: number;
  /** The server's RSS, sampled every 10 s. */
  rssMb: number[];
}

export interface SoakRun {
  target: SoakTarget;
  minutes: Minute[];
  stored: { acknowledged: number; stored: number; listedTwice: number; lost: number; behind: number };
  /** Lines the server logged at level error or fatal. */
  serverErrors: number;
}

export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

const median = (xs: number[]) => quantile(xs, 0.5);

export function minuteLine(target: SoakTarget, m: Minute): string {
  return (
    `  ${target.padEnd(7)} min ${String(m.minute).padStart(2)}: ${String(m.syncs).padStart(4)} syncs, ` +
    `${String(m.pushed).padStart(5)} pushed, ${String(m.pulled).padStart(7)} pulled, ` +
    `sync p50 ${median(m.syncMs).toFixed(0)} ms p95 ${quantile(m.syncMs, 0.95).toFixed(0)} ms, ` +
    `${m.activeOnline} online, ${m.offline} went offline, ${m.left} left / ${m.joined} joined, ` +
    `${m.longpollsOpen} longpolls held, ${m.wakes} woken, ` +
    `${m.failures.length + m.longpollFailures.length} failures, RSS ${median(m.rssMb).toFixed(0)} MB` +
    (m.failures.length + m.longpollFailures.length > 0
      ? `\n    first failures: ${[...m.failures, ...m.longpollFailures].slice(0, 3).join(' | ')}`
      : '')
  );
}

function totals(ms: Minute[]) {
  const secs = ms.length * 60;
  return {
    syncsPerS: ms.reduce((n, m) => n + m.syncs, 0) / secs,
    docsPerS: ms.reduce((n, m) => n + m.pushed + m.pulled, 0) / secs,
    p95: quantile(
      ms.flatMap((m) => m.syncMs),
      0.95,
    ),
  };
}

export function summarise(runs: SoakRun[]): string[] {
  return runs.map((r) => {
    const t = totals(r.minutes);
    const s = r.stored;
    return (
      `${r.target}: ${r.minutes.length} min, ${t.syncsPerS.toFixed(2)} syncs/s, ${t.docsPerS.toFixed(0)} docs/s ` +
      `(pushed + pulled), sync p95 ${t.p95.toFixed(0)} ms; ${s.acknowledged} records acknowledged to devices, ` +
      `${s.stored} stored, ${s.lost} lost, ${s.behind} behind the device's revision, ${s.listedTwice} listed twice; ` +
      `${r.serverErrors} server errors logged`
    );
  });
}

export interface Verdict {
  /** null: not judged, the run was too short for it (a CI sample); the full soak judges every verdict. */
  ok: boolean | null;
  text: string;
}

/**
 * The verdicts. Memory flat: the median RSS of the last five minutes is within 15 % of minutes 5–10
 * (the first minutes fill caches and the mission grows by design). Throughput steady: after the first
 * minute (devices start spread over one think time), every minute's syncs are within 30 % of the median
 * minute, and the sync p95 of the last third is at most twice the first third's. Against the baseline:
 * Tern's first `baselineMinutes` beside pouchdb-server's, printed as ratios (not a verdict).
 */
export function judge(runs: SoakRun[], baselineMinutes: number): Verdict[] {
  const out: Verdict[] = [];
  const tern = runs.find((r) => r.target === 'tern');
  const base = runs.find((r) => r.target === 'pouchdb');
  for (const r of runs) {
    const failures = r.minutes.flatMap((m) => [...m.failures, ...m.longpollFailures]);
    out.push({
      ok:
        failures.length === 0 &&
        r.serverErrors === 0 &&
        r.stored.lost === 0 &&
        r.stored.behind === 0 &&
        r.stored.listedTwice === 0,
      text: `${r.target}: no errors and nothing lost (${failures.length} failures, ${r.serverErrors} server errors, ${r.stored.lost} lost, ${r.stored.behind} behind, ${r.stored.listedTwice} twice)`,
    });
  }
  if (!tern) return out;
  const ms = tern.minutes;
  if (ms.length >= 15) {
    const early = median(ms.slice(4, 10).flatMap((m) => m.rssMb));
    const late = median(ms.slice(-5).flatMap((m) => m.rssMb));
    out.push({
      ok: late <= early * 1.15,
      text: `memory flat: server RSS ${early.toFixed(0)} MB (minutes 5–10) → ${late.toFixed(0)} MB (last 5), ratio ${(late / early).toFixed(2)} (≤ 1.15)`,
    });
  } else out.push({ ok: null, text: `memory flat: needs at least 15 minutes, ran ${ms.length}` });
  const steady = ms.slice(1);
  if (steady.length >= 3) {
    const mid = median(steady.map((m) => m.syncs));
    const worst = steady.reduce((w, m) => (Math.abs(m.syncs - mid) > Math.abs(w.syncs - mid) ? m : w));
    const third = Math.max(1, Math.floor(steady.length / 3));
    const p95a = quantile(
      steady.slice(0, third).flatMap((m) => m.syncMs),
      0.95,
    );
    const p95b = quantile(
      steady.slice(-third).flatMap((m) => m.syncMs),
      0.95,
    );
    out.push({
      ok: Math.abs(worst.syncs - mid) <= 0.3 * mid && p95b <= 2 * p95a,
      text:
        `throughput steady: median ${mid} syncs a minute, furthest minute ${worst.minute} at ${worst.syncs} ` +
        `(${((100 * (worst.syncs - mid)) / mid).toFixed(0)} %, within ±30 %); sync p95 first third ${p95a.toFixed(0)} ms, ` +
        `last third ${p95b.toFixed(0)} ms (ratio ${(p95b / p95a).toFixed(2)}, ≤ 2)`,
    });
  } else out.push({ ok: null, text: `throughput steady: needs at least 4 minutes, ran ${ms.length}` });
  if (base && base.minutes.length > 0) {
    const a = totals(tern.minutes.slice(0, Math.max(1, baselineMinutes)));
    const b = totals(base.minutes);
    console.log(
      `against pouchdb-server, first ${base.minutes.length} min of each: syncs/s ${a.syncsPerS.toFixed(2)} vs ` +
        `${b.syncsPerS.toFixed(2)} (ratio ${(a.syncsPerS / b.syncsPerS).toFixed(2)}), docs/s ${a.docsPerS.toFixed(0)} vs ` +
        `${b.docsPerS.toFixed(0)} (ratio ${(a.docsPerS / b.docsPerS).toFixed(2)}), sync p95 ${a.p95.toFixed(0)} vs ` +
        `${b.p95.toFixed(0)} ms (ratio ${(a.p95 / b.p95).toFixed(2)})`,
    );
  }
  return out;
}
