/**
 * Sync benchmark: Tern's compact door against PouchDB replication to pouchdb-server (the CouchDB-protocol
 * baseline), side by side in one run, both through the same user-space link shaper on loopback.
 *
 *   pnpm bench                       all three scenarios (about 4 minutes, most of it the baseline)
 *   pnpm bench -- --scale 0.1        every record count × 0.1 (a quick look while tuning)
 *   pnpm bench -- --only push,incremental
 *   pnpm bench -- --systems tern     one system only (tuning; no ratios)
 *   pnpm bench -- --setups separate,in-process   both setups in one run, compared
 *   pnpm bench -- --baseline-client leveldb      the PouchDB client's database on LevelDB
 *   pnpm bench -- --json out.json    also write the figures as JSON
 *   pnpm bench -- --baseline-no-keepalive   PouchDB's Node default: a new connection per request
 *
 * Setups (decision 040):
 * - `separate` (the default): the shaper, each client and each server run in processes of their own,
 *   on both sides; the PouchDB client's database is in memory, as Tern's Node client's is.
 * - `in-process`: the setup before 2026-12-02, kept to compare: the shaper and both clients in the
 *   bench's process, the PouchDB client on LevelDB.
 *
 * Scenarios (issue 4): push 1,000 records of about 1 KB on WPT 3G Slow; initial pull of 10,000 records on
 * WPT 3G; incremental sync of 10 new records on WPT 3G Slow (after the push scenario).
 * Floor: T_min_gz = round trips·RTT + gzip(payload down)/rate_down + gzip(payload up)/rate_up, with the
 * round trips each run made on its critical path (counted at the shaper) and the payload = the
 * replicated documents as one JSON array, gzip level 6 (sync-bench-report.ts).
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { MemorySyncStorage, fetchRemote, syncOnce } from '@tern/sync';
import type { SyncOptions, WireDoc } from '@tern/sync';
import { PROFILES } from '../support/link-shaper.ts';
import type { LinkProfile } from '../support/link-shaper.ts';
import { roundTripsOf } from '../support/round-trips.ts';
import { startShaperHandle } from '../support/shaper-process.ts';
import { DEMO, startServer } from '../support/server-process.ts';
import { bearerToken } from '../support/pouch-client.ts';
import { addRecords } from '../support/sync-fixtures.ts';
import { startPouchDbServer } from './baseline-server.ts';
import { compareSetups, payloadOf, reportScenario, summarise } from './sync-bench-report.ts';
import type { Payload, Run } from './sync-bench-report.ts';
import { LocalPouchClient, LocalTernClient, pouchClientProcess, ternClientProcess } from './sync-clients.ts';
import type { PouchClient, TernClient, Timed } from './sync-clients.ts';

// ---- options -------------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SCALE = Number(arg('scale') ?? 1);
const ONLY = (arg('only') ?? 'push,pull,incremental').split(',');
const SYSTEMS = (arg('systems') ?? 'tern,pouchdb').split(',');
const JSON_OUT = arg('json');
const BASELINE_KEEPALIVE = !argv.includes('--baseline-no-keepalive');
const BASELINE_CLIENT = arg('baseline-client') as 'memory' | 'leveldb' | undefined;

interface Setup {
  name: string;
  /** Where the shaper runs: its `own` process, or `this` (the bench's). */
  shaper: 'own' | 'this';
  /** Where each client runs. */
  clients: 'own' | 'this';
  pouchAdapter: 'memory' | 'leveldb';
}
const SETUPS: Record<string, Setup> = {
  separate: { name: 'separate', shaper: 'own', clients: 'own', pouchAdapter: 'memory' },
  'in-process': { name: 'in-process', shaper: 'this', clients: 'this', pouchAdapter: 'leveldb' },
};
const setupNames = (arg('setups') ?? 'separate').split(',');
for (const s of setupNames) if (!SETUPS[s]) throw new Error(`unknown setup ${s} (separate, in-process)`);
for (const s of SYSTEMS) if (s !== 'tern' && s !== 'pouchdb') throw new Error(`unknown system ${s}`);

/** The Tern client as tuned for these links (see docs/decisions/040-link-shaper-and-bench.md). */
export const TERN_CLIENT: Omit<SyncOptions, 'device'> = {
  batchDocs: 1000,
  batchBytes: 1024 * 1024,
  pullLimit: 10_000,
};

const n = (count: number) => Math.max(1, Math.round(count * SCALE));

// ---- helpers -------------------------------------------------------------------------------------
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

// ---- one setup -----------------------------------------------------------------------------------
async function runSetup(setup: Setup, runs: Run[], payloads: Map<string, Payload>): Promise<void> {
  const pouchAdapter = BASELINE_CLIENT ?? setup.pouchAdapter;
  console.log(
    `\n== setup ${setup.name}: shaper in ${setup.shaper === 'own' ? 'its own process' : 'the bench process'}, ` +
      `clients in ${setup.clients === 'own' ? 'their own processes' : 'the bench process'}, ` +
      `PouchDB client database on ${pouchAdapter}, servers in their own processes`,
  );
  const tern = await startServer({
    env: { TERN_MISSIONS: 'push,pull', TERN_LOG_LEVEL: 'warn', TERN_WEB_DIST: '/nonexistent' },
  });
  // The bench device logs in like any device (an admin session covers both missions).
  const token = await bearerToken(tern.url, DEMO.admin.username, DEMO.admin.password);
  const couch = await startPouchDbServer();
  const pouchOpts = { adapter: pouchAdapter, keepAlive: BASELINE_KEEPALIVE };
  let ternClient: TernClient | undefined;
  let pouchClient: PouchClient | undefined;
  try {
    ternClient = setup.clients === 'own' ? await ternClientProcess() : new LocalTernClient();
    pouchClient =
      setup.clients === 'own' ? await pouchClientProcess(pouchOpts) : new LocalPouchClient(pouchOpts);
    const tc = ternClient;
    const pc = pouchClient;

    /** One measured run behind a fresh shaper; the client times its own work. */
    const measure = async (
      scenario: string,
      system: Run['system'],
      records: number,
      profile: LinkProfile,
      work: (url: string) => Promise<Timed<unknown>>,
    ): Promise<void> => {
      if (!SYSTEMS.includes(system)) return;
      const target = system === 'tern' ? tern.port : couch.port;
      const shaper = await startShaperHandle(target, profile, setup.shaper);
      try {
        const { seconds, result } = await work(shaper.url);
        const resent = (result as { resent?: number } | null)?.resent ?? 0;
        const { stats, requests, failures } = await shaper.report();
        for (const f of failures) console.log(`  (${scenario}/${system}: ${f})`);
        runs.push({
          setup: setup.name,
          scenario,
          system,
          records,
          seconds,
          httpRequests: stats.httpRequests,
          connections: stats.connections,
          roundTrips: roundTripsOf(requests),
          upBytes: stats.up.bytes,
          downBytes: stats.down.bytes,
          idleUp: stats.up.idleMs / 1000,
          idleDown: stats.down.idleMs / 1000,
          resets: stats.resets,
          resent,
        });
      } finally {
        await shaper.close();
      }
    };

    // Push: 1,000 × ~1 KB on 3G Slow. Both clients start with the same 1,000 revisions.
    const pushCount = n(1000);
    const pushDocs = await tc.addRecords('push', 'push', pushCount, { run: 11 });
    await pc.load('push', pushDocs);
    await createRemoteDb(`${couch.url}/push`);
    if (ONLY.includes('push') || ONLY.includes('incremental')) {
      const profile = PROFILES['3g-slow'];
      payloads.set('push', payloadOf(profile, pushDocs, []));
      await measure('push', 'tern', pushCount, profile, (url) =>
        tc.sync('push', `${url}/api/sync/push`, token, { device: 'dev-bench', ...TERN_CLIENT }),
      );
      await measure('push', 'pouchdb', pushCount, profile, (url) => pc.push('push', `${url}/push`));
      reportScenario(runs, payloads.get('push')!, setup.name, 'push');
    }

    // Initial pull: 10,000 records on 3G, loaded into both servers first (straight, not shaped).
    if (ONLY.includes('pull')) {
      const pullCount = n(10_000);
      const source = new MemorySyncStorage();
      await addRecords(source, 'pull', pullCount, { run: 12 });
      const pullDocs = await source.pending(1_000_000);
      const auth = { headers: () => ({ authorization: `Bearer ${token}` }) };
      await syncOnce(source, fetchRemote(`${tern.url}/api/sync/pull`, auth), {
        device: 'dev-source',
        batchDocs: 1000,
        batchBytes: 8 * 1024 * 1024,
      });
      if (SYSTEMS.includes('pouchdb')) {
        await createRemoteDb(`${couch.url}/pull`);
        await postBulk(`${couch.url}/pull`, pullDocs);
      }
      const profile = PROFILES['3g'];
      payloads.set('pull', payloadOf(profile, [], pullDocs));
      await measure('pull', 'tern', pullCount, profile, async (url) => {
        const run = await tc.sync('fresh', `${url}/api/sync/pull`, token, {
          device: 'dev-fresh',
          ...TERN_CLIENT,
        });
        if (run.result.pulledDocs !== pullCount) throw new Error(`tern pulled ${run.result.pulledDocs}`);
        return run;
      });
      await measure('pull', 'pouchdb', pullCount, profile, async (url) => {
        const run = await pc.pull(`${url}/pull`, 'pull');
        if (run.result.docCount !== pullCount) throw new Error(`pouchdb pulled ${run.result.docCount}`);
        return run;
      });
      reportScenario(runs, payloads.get('pull')!, setup.name, 'pull');
    }

    // Incremental: 10 new records on each client after the push, on 3G Slow.
    if (ONLY.includes('incremental')) {
      const incCount = 10;
      const incDocs = await tc.addRecords('push', 'push', incCount, { run: 11, from: pushCount });
      if (SYSTEMS.includes('tern') && incDocs.length !== incCount)
        throw new Error(`${incDocs.length} pending on the Tern device, expected ${incCount}`);
      await pc.load('push', incDocs.slice(-incCount));
      const profile = PROFILES['3g-slow'];
      payloads.set('incremental', payloadOf(profile, incDocs.slice(-incCount), []));
      await measure('incremental', 'tern', incCount, profile, (url) =>
        tc.sync('push', `${url}/api/sync/push`, token, { device: 'dev-bench', ...TERN_CLIENT }),
      );
      await measure('incremental', 'pouchdb', incCount, profile, (url) => pc.push('push', `${url}/push`));
      reportScenario(runs, payloads.get('incremental')!, setup.name, 'incremental');
    }
  } finally {
    await ternClient?.stop();
    await pouchClient?.stop();
    await tern.stop();
    await couch.stop();
  }
}

// ---- the run -------------------------------------------------------------------------------------
async function main(): Promise<void> {
  const started = performance.now();
  console.log(
    `Tern sync bench · ${new Date().toISOString().slice(0, 10)} · ${cpus().length} cores · ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version} · scale ${SCALE} · ` +
      `baseline keep-alive ${BASELINE_KEEPALIVE ? 'on' : 'off'} · setups ${setupNames.join(', ')}`,
  );
  const runs: Run[] = [];
  const payloads = new Map<string, Payload>();
  for (const name of setupNames) await runSetup(SETUPS[name]!, runs, payloads);
  for (const name of setupNames) summarise(runs, payloads, name);
  compareSetups(runs, setupNames);
  if (JSON_OUT) {
    writeFileSync(
      JSON_OUT,
      JSON.stringify({ scale: SCALE, runs, payloads: Object.fromEntries(payloads) }, null, 2),
    );
  }
  console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

await main();
