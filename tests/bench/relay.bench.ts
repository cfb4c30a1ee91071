/**
 * The mission relay's benchmarks (issue 18), unshaped, on loopback, every process real:
 *
 *   pnpm bench:relay                          both parts
 *   pnpm bench:relay -- --part throughput     N tablets through the relay to HQ vs. the same tablets direct
 *   pnpm bench:relay -- --part first-pull     a tablet's first pull of the demo mission (12,663 documents; --batches 20: 10,137) from the relay, in Chromium
 *   pnpm bench:relay -- --tablets 10 --each 100
 *   pnpm bench:relay -- --part first-pull --profile   and where the pull's time goes (phases, CPU)
 *   pnpm bench:relay -- --part serve          the server alone answering a first pull's pages (decision 227)
 *
 * throughput: the baseline is the same tablets, the same records, syncing straight to a fresh
 * headquarters; then to a relay in front of another fresh headquarters, timed until headquarters holds
 * every record (the relay's passes asked for as "sync now"). Prints records/s to HQ and the ratio.
 *
 * first-pull: headquarters seeded with 5,000 demo cases (10,000 documents), the relay catches up (timed:
 * the relay's own first pull over its CouchDB door), then Chromium opens the app the relay serves, logs
 * in and presses "Sync now": records sealed in IndexedDB per second, beside a plain IndexedDB bulk put of
 * the same documents in the same page. Goal (issue 18): ≤ 5 s. scripts/run-ts.mjs --build-web builds the
 * app first.
 */
import { rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { launchChromium } from '../support/browser.ts';
import { DEMO, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { bearerToken } from '../support/pouch-client.ts';
import { createRelayAccount, startRelay } from '../support/relay-stack.ts';
import { firstPull, printFirstPull } from './relay-first-pull.ts';
import { printProfile } from './first-pull-profile.ts';
import { printServe, serveRuns } from './relay-serve.ts';
import { printThroughput, relayReady, throughputRun } from './relay-throughput.ts';
import type { ThroughputRun } from './relay-throughput.ts';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const PART = arg('part') ?? 'all';
const TABLETS = Number(arg('tablets') ?? 10);
const EACH = Number(arg('each') ?? 100);
/**
 * Demo case batches for the first pull, 200 cases each with their submissions: 25 give a mission of
 * 12,663 documents, 20 give 10,137 (the 10,000 records).
 */
const BATCHES = Number(arg('batches') ?? 25);
const GOAL_S = 5;
const PROFILE = argv.includes('--profile');
const QUIET = { TERN_MISSIONS: 'demo', TERN_LOG_LEVEL: 'warn' };
/** Passes only when asked: the bench times the work, not the schedule. */
const ON_DEMAND = { TERN_RELAY_INTERVAL_S: '3600' };

const started: ServerHandle[] = [];
async function server(opts: Parameters<typeof startServer>[0]): Promise<ServerHandle> {
  const s = await startServer({ startTimeoutMs: 120_000, ...opts });
  started.push(s);
  return s;
}
async function relayFor(hq: ServerHandle): Promise<ServerHandle> {
  await createRelayAccount(hq.url);
  const relay = await startRelay(hq.url, ON_DEMAND);
  started.push(relay);
  return relay;
}

async function throughput(): Promise<void> {
  console.log(`\nthroughput: ${TABLETS} tablets × ${EACH} records of ~600 bytes, all syncing at once`);
  const runs: ThroughputRun[] = [];
  const hqDirect = await server({ env: QUIET });
  runs.push(
    await throughputRun({
      label: 'direct to HQ (baseline)',
      hq: hqDirect,
      via: hqDirect,
      relay: false,
      tablets: TABLETS,
      each: EACH,
      run: 1,
      before: 0,
    }),
  );
  const hq = await server({ env: QUIET });
  const relay = await relayFor(hq);
  await relayReady(relay);
  runs.push(
    await throughputRun({
      label: 'through the relay',
      hq,
      via: relay,
      relay: true,
      tablets: TABLETS,
      each: EACH,
      run: 2,
      before: 0,
    }),
  );
  printThroughput(runs);
}

/** Every document of mission `demo` at a server, counted through its CouchDB door a page at a time. */
async function documentsAt(url: string, token: string): Promise<number> {
  let since: string | number = 0;
  let count = 0;
  for (;;) {
    const res = await fetch(
      `${url}/couch/demo/_changes?limit=5000&since=${encodeURIComponent(String(since))}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const page = (await res.json()) as { results: unknown[]; last_seq: string | number };
    if (page.results.length === 0) return count;
    count += page.results.length;
    since = page.last_seq;
  }
}

async function firstPullPart(): Promise<void> {
  console.log(`\nfirst pull: headquarters seeded with ${BATCHES} × 200 demo cases`);
  const hq = await server({ env: QUIET, demoCases: BATCHES });
  const officer = await bearerToken(hq.url, DEMO.officer.username, DEMO.officer.password);
  const expected = await documentsAt(hq.url, officer);
  const t0 = performance.now();
  const relay = await relayFor(hq);
  await relayReady(relay);
  const relaySeconds = (performance.now() - t0) / 1000;
  console.log(
    `  the relay's own first pull of ${expected} documents from HQ (CouchDB door, 100 a page, start included): ` +
      `${relaySeconds.toFixed(1)} s, ${(expected / relaySeconds).toFixed(0)} documents/s`,
  );
  const browser = await launchChromium();
  try {
    const p = await firstPull(browser, relay, expected, { profile: PROFILE });
    if (p.rows < expected) throw new Error(`the device holds ${p.rows} rows, expected ${expected}`);
    printFirstPull(p, GOAL_S);
    if (p.profile) printProfile(p.profile);
  } finally {
    await browser.close();
  }
}

/**
 * The server's side alone: a Tern server seeded like the first pull's headquarters answers every page
 * of the compact door from `since: null` (as a relay answers a tablet: the same route, the same store),
 * beside the same documents through its CouchDB door, in the same run.
 */
async function servePart(): Promise<void> {
  console.log(`\nserve: a server seeded with ${BATCHES} × 200 demo cases answers a first pull, page by page`);
  const s = await server({ env: QUIET, demoCases: BATCHES });
  printServe(await serveRuns(s));
}

async function main(): Promise<void> {
  const [l1, l5] = loadavg();
  console.log(
    `Tern relay bench · ${new Date().toISOString()} · ${cpus().length} cores · ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version} · load average ${l1!.toFixed(2)} ${l5!.toFixed(2)}`,
  );
  try {
    if (PART === 'all' || PART === 'throughput') await throughput();
    if (PART === 'all' || PART === 'serve') await servePart();
    if (PART === 'all' || PART === 'first-pull') await firstPullPart();
  } finally {
    for (const s of started.reverse()) {
      await s.stop();
      rmSync(s.dataDir, { recursive: true, force: true });
    }
  }
  const [e1] = loadavg();
  console.log(`\nload average at the end: ${e1!.toFixed(2)}`);
}

await main();
