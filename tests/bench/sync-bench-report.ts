import { gzipSync } from 'node:zlib';
import type { WireDoc } from '@tern/sync';
import type { LinkProfile } from '../support/link-shaper.ts';

/** One measured replication run. */
export interface Run {
  setup: string;
  scenario: string;
  system: 'tern' | 'pouchdb';
  records: number;
  seconds: number;
  httpRequests: number;
  connections: number;
  /** Round trips on the critical path, counted from the requests the shaper saw (round-trips.ts). */
  roundTrips: number;
  upBytes: number;
  downBytes: number;
  /** Seconds each link stood idle between its first and last packet (link-shaper.ts `idleMs`). */
  idleUp: number;
  idleDown: number;
  /** Connections reset by an end (link-shaper.ts `resets`), and requests the client sent again. */
  resets: number;
  resent: number;
}

/** What a scenario has to move, whoever moves it: the documents as one JSON array, gzip level 6. */
export interface Payload {
  profile: LinkProfile;
  gzUp: number;
  gzDown: number;
}

export function payloadOf(profile: LinkProfile, docsUp: WireDoc[], docsDown: WireDoc[]): Payload {
  const gz = (docs: WireDoc[]) => (docs.length ? gzipSync(JSON.stringify(docs), { level: 6 }).length : 0);
  return { profile, gzUp: gz(docsUp), gzDown: gz(docsDown) };
}

/**
 * The floor: `roundTrips`·RTT + gzip(payload up)/rate_up + gzip(payload down)/rate_down. With the round
 * trips a run really needed on its critical path (its batches, pages, handshakes), it is the least time
 * that run's exchanges could take if every byte were the gzipped documents and the link never idled.
 * `roundTrips = 2` (one handshake, one request) is the floor of moving everything in one request.
 */
export function floorSeconds(p: Payload, roundTrips: number): number {
  return (
    (roundTrips * p.profile.rttMs) / 1000 +
    (p.gzDown * 8) / p.profile.downBps +
    (p.gzUp * 8) / p.profile.upBps
  );
}

const kb = (b: number) => (b / 1024).toFixed(1);
const SYSTEM = { tern: 'Tern compact door', pouchdb: 'PouchDB 9 → pouchdb-server 4.2' } as const;

/** The lines printed as soon as a scenario is done. */
export function reportScenario(runs: Run[], payload: Payload, setup: string, scenario: string): void {
  const p = payload.profile;
  console.log(
    `\n[${setup}] ${scenario} on ${p.name} (${p.downBps / 1000}/${p.upBps / 1000} kbps, ${p.rttMs} ms RTT): ` +
      `gzip payload up ${kb(payload.gzUp)} KiB, down ${kb(payload.gzDown)} KiB; ` +
      `T_min_gz in one request ${floorSeconds(payload, 2).toFixed(2)} s`,
  );
  for (const r of runs.filter((x) => x.setup === setup && x.scenario === scenario)) {
    console.log(
      `  ${r.system.padEnd(8)} ${r.seconds.toFixed(2).padStart(7)} s  ${String(r.httpRequests).padStart(4)} HTTP requests ` +
        `on ${r.connections} connections, ${r.roundTrips} round trips (T_min_gz ${floorSeconds(payload, r.roundTrips).toFixed(2)} s)  ` +
        `up ${kb(r.upBytes).padStart(8)} KiB  down ${kb(r.downBytes).padStart(8)} KiB  ` +
        `idle up ${r.idleUp.toFixed(2)} s, down ${r.idleDown.toFixed(2)} s` +
        (r.resets || r.resent ? `  ${r.resets} connections reset, ${r.resent} requests sent again` : ''),
    );
  }
}

/** The table and the verdicts of one setup (both systems needed for a scenario's row). */
export function summarise(runs: Run[], payloads: Map<string, Payload>, setup: string): void {
  console.log(`\n### Setup: ${setup}\n`);
  console.log(
    '| scenario | system | time s | HTTP requests (TCP connections) | round trips | wire up KiB | wire down KiB | wire bytes/record | time ÷ baseline | bytes/record ÷ baseline | T_min_gz s (its round trips) | time ÷ T_min_gz | time ÷ T_min_gz in one request |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const verdicts: string[] = [];
  for (const scenario of ['push', 'pull', 'incremental']) {
    const t = runs.find((r) => r.setup === setup && r.scenario === scenario && r.system === 'tern');
    const p = runs.find((r) => r.setup === setup && r.scenario === scenario && r.system === 'pouchdb');
    const payload = payloads.get(scenario);
    if (!t || !p || !payload) continue;
    const perRecord = (r: Run) => (r.upBytes + r.downBytes) / r.records;
    for (const r of [t, p]) {
      const floor = floorSeconds(payload, r.roundTrips);
      console.log(
        `| ${scenario} | ${SYSTEM[r.system]} | ${r.seconds.toFixed(2)} | ${r.httpRequests} (${r.connections}) | ${r.roundTrips} | ` +
          `${kb(r.upBytes)} | ${kb(r.downBytes)} | ${perRecord(r).toFixed(0)} | ${(r.seconds / p.seconds).toFixed(3)} | ` +
          `${(perRecord(r) / perRecord(p)).toFixed(3)} | ${floor.toFixed(2)} | ${(r.seconds / floor).toFixed(2)} | ` +
          `${(r.seconds / floorSeconds(payload, 2)).toFixed(2)} |`,
      );
    }
    const timeRatio = t.seconds / p.seconds;
    const floorRatio = t.seconds / floorSeconds(payload, t.roundTrips);
    const byteRatio = perRecord(t) / perRecord(p);
    const check = (ok: boolean, what: string) =>
      verdicts.push(`${ok ? 'met   ' : 'MISSED'} ${scenario}: ${what}`);
    if (scenario === 'incremental') {
      check(timeRatio <= 0.4, `time ${timeRatio.toFixed(3)} × baseline (target ≤ 0.4)`);
    } else {
      check(timeRatio <= 0.15, `time ${timeRatio.toFixed(3)} × baseline (target ≤ 0.15)`);
      check(
        floorRatio <= 1.3,
        `time ${floorRatio.toFixed(2)} × T_min_gz with its ${t.roundTrips} round trips (target ≤ 1.3)`,
      );
    }
    check(byteRatio <= 0.5, `wire bytes per record ${byteRatio.toFixed(3)} × baseline (target ≤ 0.5)`);
  }
  console.log(`\nTargets (issue 4), setup ${setup}:`);
  for (const v of verdicts) console.log(`  ${v}`);
}

/** Side by side: the same scenario and system under two setups of one run. */
export function compareSetups(runs: Run[], setups: string[]): void {
  if (setups.length < 2) return;
  const [a, b] = setups as [string, string];
  console.log(`\n### Setups compared: ${a} against ${b} (same run)\n`);
  console.log(`| scenario | system | ${a} s | ${b} s | ${b} ÷ ${a} |`);
  console.log('|---|---|---:|---:|---:|');
  for (const scenario of ['push', 'pull', 'incremental']) {
    for (const system of ['tern', 'pouchdb'] as const) {
      const find = (setup: string) =>
        runs.find((r) => r.setup === setup && r.scenario === scenario && r.system === system);
      const ra = find(a);
      const rb = find(b);
      if (!ra || !rb) continue;
      console.log(
        `| ${scenario} | ${SYSTEM[system]} | ${ra.seconds.toFixed(2)} | ${rb.seconds.toFixed(2)} | ${(rb.seconds / ra.seconds).toFixed(3)} |`,
      );
    }
  }
}
