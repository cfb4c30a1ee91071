/**
 * Sync benchmark: Tern's compact door against PouchDB replication to pouchdb-server (the CouchDB-protocol
 * baseline), side by side in one run, both through the same user-space link shaper on loopback.
 *
 *   pnpm bench                       all three scenarios (about 4 minutes, most of it the baseline)
 *   pnpm bench -- --scale 0.1        every record count × 0.1 (a quick look while tuning)
 *   pnpm bench -- --only push,incremental
 *   pnpm bench -- --json out.json    also write the figures as JSON
 *   pnpm bench -- --baseline-no-keepalive   PouchDB's Node default: a new connection per request
 *
 * Scenarios (issue 4): push 1,000 records of about 1 KB on WPT 3G Slow; initial pull of 10,000 records on
 * WPT 3G; incremental sync of 10 new records on WPT 3G Slow (after the push scenario).
 * Floor: T_min_gz = (connection RTTs + 1)·RTT + gzip(payload down)/rate_down + gzip(payload up)/rate_up,
 * with one TCP connection and the payload = the replicated documents as one JSON array, gzip level 6.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import PouchDB from 'pouchdb';
import { MemorySyncStorage, fetchRemote, syncOnce } from '@tern/sync';
import type { SyncOptions, WireDoc } from '@tern/sync';
import { PROFILES, startShaper } from '../support/link-shaper.ts';
import type { LinkProfile, LinkShaper } from '../support/link-shaper.ts';
import { DEMO, startServer } from '../support/server-process.ts';
import { bearerToken } from '../support/pouch-client.ts';
import { addRecords } from '../support/sync-fixtures.ts';
import { startPouchDbServer } from './baseline-server.ts';

// ---- options -------------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SCALE = Number(arg('scale') ?? 1);
const ONLY = (arg('only') ?? 'push,pull,incremental').split(',');
const JSON_OUT = arg('json');
const RUN_TIMEOUT_MS = 300_000; // any one replication run; the bench never waits longer
/**
 * PouchDB 9 in Node fetches through node-fetch with no keep-alive agent: one TCP connection (and one
 * handshake RTT) per request. A browser keeps connections alive, so by default the baseline gets a
 * keep-alive agent (6 sockets, like a browser per host). `--baseline-no-keepalive` measures PouchDB's
 * Node default instead.
 */
const BASELINE_KEEPALIVE = !argv.includes('--baseline-no-keepalive');
const keepAliveAgent = new Agent({ keepAlive: true, maxSockets: 6 });

/** The Tern client as tuned for these links (see docs/decisions/040-link-shaper-and-bench.md). */
export const TERN_CLIENT: Omit<SyncOptions, 'device'> = {
  batchDocs: 1000,
  batchBytes: 512 * 1024,
  pullLimit: 10_000,
};

const n = (count: number) => Math.max(1, Math.round(count * SCALE));

// ---- measurement ---------------------------------------------------------------------------------
interface Run {
  scenario: string;
  system: 'tern' | 'pouchdb';
  records: number;
  seconds: number;
  httpRequests: number;
  connections: number;
  upBytes: number;
  downBytes: number;
}

interface Floor {
  seconds: number;
  gzUp: number;
  gzDown: number;
}

async function measure(
  scenario: string,
  system: Run['system'],
  records: number,
  shaper: LinkShaper,
  work: () => Promise<unknown>,
): Promise<Run> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () => fail(new Error(`${scenario}/${system} took over ${RUN_TIMEOUT_MS} ms`)),
      RUN_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    scenario,
    system,
    records,
    seconds,
    httpRequests: shaper.stats.httpRequests,
    connections: shaper.stats.connections,
    upBytes: shaper.stats.up.bytes,
    downBytes: shaper.stats.down.bytes,
  };
}

/** The physical floor for moving these documents over this link once, gzipped, on one connection. */
function floorFor(profile: LinkProfile, docsUp: WireDoc[], docsDown: WireDoc[]): Floor {
  const gz = (docs: WireDoc[]) => (docs.length ? gzipSync(JSON.stringify(docs), { level: 6 }).length : 0);
  const gzUp = gz(docsUp);
  const gzDown = gz(docsDown);
  const connectionRtts = 1;
  const seconds =
    ((connectionRtts + 1) * profile.rttMs) / 1000 +
    (gzDown * 8) / profile.downBps +
    (gzUp * 8) / profile.upBps;
  return { seconds, gzUp, gzDown };
}

// ---- helpers -------------------------------------------------------------------------------------
type Pouch = PouchDB.Database<Record<string, unknown>>;

function pouchAt(dir: string, name: string): Pouch {
  return new PouchDB<Record<string, unknown>>(join(dir, name));
}

/** Copy documents with their revisions (replicator mode), so both systems hold the very same revisions. */
async function loadPouch(db: Pouch, docs: WireDoc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 1000) {
    await db.bulkDocs(docs.slice(i, i + 1000) as never, { new_edits: false });
  }
}

async function postBulk(url: string, docs: WireDoc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 1000) {
    const res = await fetch(`${url}/_bulk_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ docs: docs.slice(i, i + 1000), new_edits: false }),
    });
    if (!res.ok) throw new Error(`preload ${url}: ${res.status} ${await res.text()}`);
  }
}

async function createRemoteDb(url: string): Promise<void> {
  const res = await fetch(url, { method: 'PUT' });
  if (!res.ok && res.status !== 412) throw new Error(`PUT ${url}: ${res.status}`);
}

/** A remote database as the baseline client sees it (see BASELINE_KEEPALIVE). */
function remote(url: string): Pouch {
  if (!BASELINE_KEEPALIVE) return new PouchDB<Record<string, unknown>>(url);
  const viaAgent = (u: string, o: Record<string, unknown>) =>
    (PouchDB as unknown as { fetch: (u: string, o: unknown) => Promise<Response> }).fetch(u, {
      ...o,
      agent: keepAliveAgent,
    });
  return new PouchDB<Record<string, unknown>>(url, { fetch: viaAgent } as never);
}

async function replicate(from: Pouch | string, to: Pouch | string): Promise<void> {
  const src = typeof from === 'string' ? remote(from) : from;
  const dst = typeof to === 'string' ? remote(to) : to;
  const result = await PouchDB.replicate(src, dst, {});
  if (!result.ok) throw new Error(`PouchDB replication failed: ${JSON.stringify(result.errors)}`);
}

async function withShaper<T>(target: number, profile: LinkProfile, fn: (s: LinkShaper) => Promise<T>) {
  const shaper = await startShaper(target, profile);
  try {
    return await fn(shaper);
  } finally {
    await shaper.close();
  }
}

async function pending(dev: MemorySyncStorage): Promise<WireDoc[]> {
  return dev.pending(1_000_000);
}

// ---- the run -------------------------------------------------------------------------------------
async function main(): Promise<void> {
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'tern-bench-'));
  console.log(
    `Tern sync bench · ${new Date().toISOString().slice(0, 10)} · ${cpus().length} cores · ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version} · scale ${SCALE} · ` +
      `baseline keep-alive ${BASELINE_KEEPALIVE ? 'on' : 'off'}`,
  );
  const missions = ['push', 'pull'];
  const tern = await startServer({
    env: { TERN_MISSIONS: missions.join(','), TERN_LOG_LEVEL: 'warn', TERN_WEB_DIST: '/nonexistent' },
  });
  // The bench device logs in like any device (an admin session covers both missions).
  const token = await bearerToken(tern.url, DEMO.admin.username, DEMO.admin.password);
  const auth = { headers: () => ({ authorization: `Bearer ${token}` }) };
  const couch = await startPouchDbServer();
  const runs: Run[] = [];
  const floors = new Map<string, Floor>();
  const profiles = new Map<string, LinkProfile>();
  try {
    // Push: 1,000 × ~1 KB on 3G Slow. Both clients start with the same 1,000 revisions.
    const pushCount = n(1000);
    const device = new MemorySyncStorage();
    await addRecords(device, 'push', pushCount, { run: 11 });
    const pushDocs = await pending(device);
    const localPush = pouchAt(work, 'client-push');
    await loadPouch(localPush, pushDocs);
    await createRemoteDb(`${couch.url}/push`);
    if (ONLY.includes('push') || ONLY.includes('incremental')) {
      const profile = PROFILES['3g-slow'];
      profiles.set('push', profile);
      floors.set('push', floorFor(profile, pushDocs, []));
      runs.push(
        await withShaper(tern.port, profile, (s) =>
          measure('push', 'tern', pushCount, s, () =>
            syncOnce(device, fetchRemote(`${s.url}/api/sync/push`, auth), {
              device: 'dev-bench',
              ...TERN_CLIENT,
            }),
          ),
        ),
      );
      runs.push(
        await withShaper(couch.port, profile, (s) =>
          measure('push', 'pouchdb', pushCount, s, () => replicate(localPush, `${s.url}/push`)),
        ),
      );
      report(runs, floors, profiles, 'push');
    }

    // Initial pull: 10,000 records on 3G, loaded into both servers first (straight, not shaped).
    if (ONLY.includes('pull')) {
      const pullCount = n(10_000);
      const source = new MemorySyncStorage();
      await addRecords(source, 'pull', pullCount, { run: 12 });
      const pullDocs = await pending(source);
      await syncOnce(source, fetchRemote(`${tern.url}/api/sync/pull`, auth), {
        device: 'dev-source',
        batchDocs: 1000,
        batchBytes: 8 * 1024 * 1024,
      });
      await createRemoteDb(`${couch.url}/pull`);
      await postBulk(`${couch.url}/pull`, pullDocs);
      const profile = PROFILES['3g'];
      profiles.set('pull', profile);
      floors.set('pull', floorFor(profile, [], pullDocs));
      const fresh = new MemorySyncStorage();
      runs.push(
        await withShaper(tern.port, profile, (s) =>
          measure('pull', 'tern', pullCount, s, async () => {
            const summary = await syncOnce(fresh, fetchRemote(`${s.url}/api/sync/pull`, auth), {
              device: 'dev-fresh',
              ...TERN_CLIENT,
            });
            if (summary.pulledDocs !== pullCount) throw new Error(`pulled ${summary.pulledDocs}`);
          }),
        ),
      );
      const localPull = pouchAt(work, 'client-pull');
      runs.push(
        await withShaper(couch.port, profile, (s) =>
          measure('pull', 'pouchdb', pullCount, s, async () => {
            await replicate(`${s.url}/pull`, localPull);
            const info = await localPull.info();
            if (info.doc_count !== pullCount) throw new Error(`pulled ${info.doc_count}`);
          }),
        ),
      );
      report(runs, floors, profiles, 'pull');
    }

    // Incremental: 10 new records on each client after the push, on 3G Slow.
    if (ONLY.includes('incremental')) {
      const incCount = 10;
      await addRecords(device, 'push', incCount, { run: 11, from: pushCount });
      const incDocs = await pending(device);
      await loadPouch(localPush, incDocs);
      const profile = PROFILES['3g-slow'];
      profiles.set('incremental', profile);
      floors.set('incremental', floorFor(profile, incDocs, []));
      runs.push(
        await withShaper(tern.port, profile, (s) =>
          measure('incremental', 'tern', incCount, s, () =>
            syncOnce(device, fetchRemote(`${s.url}/api/sync/push`, auth), {
              device: 'dev-bench',
              ...TERN_CLIENT,
            }),
          ),
        ),
      );
      runs.push(
        await withShaper(couch.port, profile, (s) =>
          measure('incremental', 'pouchdb', incCount, s, () => replicate(localPush, `${s.url}/push`)),
        ),
      );
      report(runs, floors, profiles, 'incremental');
    }
  } finally {
    keepAliveAgent.destroy();
    await tern.stop();
    await couch.stop();
  }
  summary(runs, floors);
  if (JSON_OUT) {
    writeFileSync(
      JSON_OUT,
      JSON.stringify({ scale: SCALE, runs, floors: Object.fromEntries(floors) }, null, 2),
    );
  }
  console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

// ---- printing ------------------------------------------------------------------------------------
const kb = (b: number) => (b / 1024).toFixed(1);

function report(
  runs: Run[],
  floors: Map<string, Floor>,
  profiles: Map<string, LinkProfile>,
  scenario: string,
) {
  const floor = floors.get(scenario)!;
  const profile = profiles.get(scenario)!;
  console.log(
    `\n${scenario} on ${profile.name} (${profile.downBps / 1000}/${profile.upBps / 1000} kbps, ` +
      `${profile.rttMs} ms RTT): T_min_gz ${floor.seconds.toFixed(2)} s ` +
      `(gzip payload up ${kb(floor.gzUp)} KiB, down ${kb(floor.gzDown)} KiB)`,
  );
  for (const r of runs.filter((x) => x.scenario === scenario)) {
    console.log(
      `  ${r.system.padEnd(8)} ${r.seconds.toFixed(2).padStart(7)} s  ${String(r.httpRequests).padStart(4)} HTTP requests ` +
        `on ${r.connections} connections  up ${kb(r.upBytes).padStart(8)} KiB  down ${kb(r.downBytes).padStart(8)} KiB`,
    );
  }
}

function summary(runs: Run[], floors: Map<string, Floor>): void {
  console.log(
    '\n| scenario | system | time s | HTTP requests (TCP connections) | wire up KiB | wire down KiB | wire bytes/record | time ÷ baseline | bytes/record ÷ baseline | time ÷ T_min_gz |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const verdicts: string[] = [];
  for (const scenario of ['push', 'pull', 'incremental']) {
    const t = runs.find((r) => r.scenario === scenario && r.system === 'tern');
    const p = runs.find((r) => r.scenario === scenario && r.system === 'pouchdb');
    const floor = floors.get(scenario);
    if (!t || !p || !floor) continue;
    for (const r of [t, p]) {
      const perRecord = (r.upBytes + r.downBytes) / r.records;
      const basePerRecord = (p.upBytes + p.downBytes) / p.records;
      console.log(
        `| ${scenario} | ${r.system === 'tern' ? 'Tern compact door' : 'PouchDB 9 → pouchdb-server 4.2'} | ${r.seconds.toFixed(2)} | ` +
          `${r.httpRequests} (${r.connections}) | ${kb(r.upBytes)} | ${kb(r.downBytes)} | ${perRecord.toFixed(0)} | ` +
          `${(r.seconds / p.seconds).toFixed(3)} | ${(perRecord / basePerRecord).toFixed(3)} | ${(r.seconds / floor.seconds).toFixed(2)} |`,
      );
    }
    const timeRatio = t.seconds / p.seconds;
    const floorRatio = t.seconds / floor.seconds;
    const byteRatio = (t.upBytes + t.downBytes) / t.records / ((p.upBytes + p.downBytes) / p.records);
    const check = (ok: boolean, what: string) =>
      verdicts.push(`${ok ? 'met   ' : 'MISSED'} ${scenario}: ${what}`);
    if (scenario === 'incremental') {
      check(timeRatio <= 0.4, `time ${timeRatio.toFixed(3)} × baseline (target ≤ 0.4)`);
    } else {
      check(timeRatio <= 0.15, `time ${timeRatio.toFixed(3)} × baseline (target ≤ 0.15)`);
      check(floorRatio <= 1.3, `time ${floorRatio.toFixed(2)} × T_min_gz (target ≤ 1.3)`);
    }
    check(byteRatio <= 0.5, `wire bytes per record ${byteRatio.toFixed(3)} × baseline (target ≤ 0.5)`);
  }
  console.log(
    '\nT_min_gz per scenario: ' + [...floors].map(([s, f]) => `${s} ${f.seconds.toFixed(2)} s`).join(', '),
  );
  console.log('\nTargets (issue 4):');
  for (const v of verdicts) console.log(`  ${v}`);
}

await main();
