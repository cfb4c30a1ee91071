/**
 * Load held over time (issue 19): `npm run soak:load` — one mission's devices against one Tern server
 * for half an hour, with devices going offline, leaving and joining, plus idle devices holding
 * longpolls; and the same active workload against pouchdb-server in the same run, as the baseline.
 *
 *   npm run soak:load                                  30 min, 200 active + 1,000 idle devices, 5 min baseline
 *   npm run soak:load -- --minutes 3 --devices 20 --idle 50 --baseline-minutes 1     a short run
 *
 * Every minute it prints a line: syncs, documents pushed and pulled, sync time p50/p95, failures,
 * longpolls held, the server's RSS. At the end: every revision a device was told was stored is the
 * server's current one (nothing lost, no record twice), and the verdicts — no errors, memory flat
 * (RSS median of the last five minutes against minutes 5–10), throughput steady (each minute's syncs
 * against the median minute; p95 of the last third against the first third) — with the ratios against
 * pouchdb-server over the same first minutes. Exit code 1 when a verdict fails; a run too short for a
 * verdict says "not judged" (the CI sample, tests/soak/load-soak-sample.test.ts, runs 1 + 1 minutes).
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MemorySyncStorage, fetchRemote, syncOnce } from '@tern/sync';
import { startServer } from '../support/server-process.ts';
import { recordBody, ulidFor } from '../support/sync-fixtures.ts';
import { bearerToken } from '../support/pouch-client.ts';
import { DEMO } from '../support/server-process.ts';
import { startPouchDbServer } from './baseline-server.ts';
import type { FromSoakClients, SoakTarget, SoakTick, ToSoakClients } from './load-soak-clients.ts';
import { judge, minuteLine, summarise } from './load-soak-report.ts';
import type { Minute, SoakRun } from './load-soak-report.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    'baseline-minutes': { type: 'string', default: '5' },
    devices: { type: 'string', default: '200' },
    idle: { type: 'string', default: '1000' },
    workers: { type: 'string', default: '2' },
    think: { type: 'string', default: '10000,50000' },
    'record-bytes': { type: 'string', default: '1024' },
    seed: { type: 'string', default: '1919' },
  },
});
const MINUTES = Number(values.minutes);
const BASELINE_MINUTES = Number(values['baseline-minutes']);
const DEVICES = Number(values.devices);
const IDLE = Number(values.idle);
const WORKERS = Number(values.workers);
const THINK = values.think.split(',').map(Number) as [number, number];
const RECORD_BYTES = Number(values['record-bytes']);
const SEED = Number(values.seed);
const MISSION = 'load';
const IDLE_MISSION = 'idle';
/** Idle devices per account: an interviewer's phone and tablet, a shared office device… */
const IDLE_PER_ACCOUNT = 10;

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? NaN) / 1024;
}

class SoakClients {
  readonly procs: ChildProcess[] = [];
  private readonly onTick: (t: SoakTick, worker: number) => void;
  private readonly stopped = new Map<
    ChildProcess,
    (m: Extract<FromSoakClients, { type: 'stopped' }>) => void
  >();
  failure: string | null = null;

  constructor(count: number, onTick: (t: SoakTick, worker: number) => void) {
    this.onTick = onTick;
    for (let i = 0; i < count; i++) {
      const child = fork(join(import.meta.dirname, 'load-soak-clients.ts'), [], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      child.on('message', (m: FromSoakClients) => {
        if (m.type === 'tick') this.onTick(m.tick, i);
        else if (m.type === 'stopped') this.stopped.get(child)?.(m);
        else this.failure ??= m.message;
      });
      child.on('exit', (code) => {
        if (code !== 0 && code !== null) this.failure ??= `a client process exited with ${code}`;
      });
      this.procs.push(child);
    }
  }

  start(messages: ToSoakClients[]): void {
    this.procs.forEach((p, i) => p.send(messages[i]!));
  }

  /** Stop every device and longpoll; the acknowledged revisions of every device that ever lived. */
  async stop(): Promise<{ acknowledged: Map<string, string>; last: SoakTick[] }> {
    const answers = await Promise.all(
      this.procs.map(
        (p) =>
          new Promise<Extract<FromSoakClients, { type: 'stopped' }>>((ok, fail) => {
            this.stopped.set(p, ok);
            setTimeout(
              () => fail(new Error('a client process did not stop within 5 minutes')),
              300_000,
            ).unref();
            p.send({ type: 'stop' } satisfies ToSoakClients);
          }),
      ),
    );
    for (const p of this.procs) if (p.connected) p.send({ type: 'exit' } satisfies ToSoakClients);
    return {
      acknowledged: new Map(answers.flatMap((a) => a.acknowledged)),
      last: answers.map((a) => a.tick),
    };
  }
}

/** Run one target for `minutes`, gathering the clients' ticks into one-minute windows. */
async function runTarget(o: {
  target: SoakTarget;
  minutes: number;
  url: string;
  pid: number;
  token?: string;
  idle: { url: string; tokens: string[] } | null;
  /** Something to do every 30 s while the soak runs (Tern: a change in the idle mission). */
  every30s?: () => Promise<void>;
}): Promise<{ minutes: Minute[]; acknowledged: Map<string, string> }> {
  const minutes: Minute[] = [];
  let current = newMinute(0);
  const longpolls = new Array<number>(WORKERS).fill(0);
  const online = new Array<number>(WORKERS).fill(0);
  const clients = new SoakClients(WORKERS, (t, worker) => merge(current, t, worker));
  function newMinute(i: number): Minute {
    return {
      minute: i + 1,
      syncs: 0,
      pushed: 0,
      pulled: 0,
      syncMs: [],
      failures: [],
      longpollFailures: [],
      joined: 0,
      left: 0,
      offline: 0,
      wakes: 0,
      longpollsOpen: 0,
      activeOnline: 0,
      rssMb: [],
    };
  }
  function merge(m: Minute, t: SoakTick, worker: number) {
    m.syncs += t.syncs;
    m.pushed += t.pushed;
    m.pulled += t.pulled;
    m.syncMs.push(...t.syncMs);
    m.failures.push(...t.failures);
    m.longpollFailures.push(...t.longpollFailures);
    m.joined += t.joined;
    m.left += t.left;
    m.offline += t.offline;
    m.wakes += t.wakes;
    // The latest report of each client process, summed.
    longpolls[worker] = t.longpollsOpen;
    online[worker] = t.activeOnline;
    m.longpollsOpen = Math.max(
      m.longpollsOpen,
      longpolls.reduce((a, b) => a + b, 0),
    );
    m.activeOnline = Math.max(
      m.activeOnline,
      online.reduce((a, b) => a + b, 0),
    );
  }
  const runs = Array.from({ length: DEVICES }, (_, i) => 1000 + i);
  const spare = Array.from({ length: DEVICES * 2 }, (_, i) => 100_000 + i);
  const tokens = o.idle?.tokens ?? [];
  clients.start(
    clients.procs.map((_, w) => ({
      type: 'start',
      target: o.target,
      url: o.url,
      mission: MISSION,
      ...(o.token ? { token: o.token } : {}),
      runs: runs.filter((_, i) => i % WORKERS === w),
      spareRuns: spare.filter((_, i) => i % WORKERS === w),
      idle: o.idle ? { url: o.idle.url, tokens: tokens.filter((_, i) => i % WORKERS === w) } : null,
      thinkMs: THINK,
      recordBytes: RECORD_BYTES,
      seed: SEED * 31 + w,
    })),
  );
  const end = Date.now() + o.minutes * 60_000;
  let nextMinute = Date.now() + 60_000;
  let next30 = Date.now() + 30_000;
  while (Date.now() < end && !clients.failure) {
    await new Promise((r) => setTimeout(r, 10_000));
    current.rssMb.push(rssMb(o.pid));
    if (o.every30s && Date.now() >= next30) {
      next30 += 30_000;
      await o.every30s().catch((e: Error) => current.failures.push(`idle-mission change: ${e.message}`));
    }
    if (Date.now() >= nextMinute) {
      nextMinute += 60_000;
      minutes.push(current);
      console.log(minuteLine(o.target, current));
      current = newMinute(minutes.length);
    }
  }
  if (clients.failure) throw new Error(`${o.target}: ${clients.failure}`);
  const { acknowledged, last } = await clients.stop();
  last.forEach((t, w) => merge(minutes.at(-1) ?? current, t, w));
  return { minutes, acknowledged };
}

/** Every acknowledged revision is the server's current one; each record listed once. */
async function checkStored(
  changesUrl: string,
  headers: Record<string, string>,
  acknowledged: Map<string, string>,
) {
  const winners = new Map<string, string>();
  let listed = 0;
  let since: string | number = 0;
  for (;;) {
    const res = await fetch(`${changesUrl}?since=${since}&limit=1000`, { headers });
    if (!res.ok) throw new Error(`GET ${changesUrl}: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as {
      results: Array<{ id: string; changes: Array<{ rev: string }> }>;
      last_seq: string | number;
    };
    for (const r of page.results) {
      listed++;
      winners.set(r.id, r.changes[0]!.rev);
    }
    since = page.last_seq;
    if (page.results.length < 1000) break;
  }
  let lost = 0;
  let behind = 0;
  for (const [id, rev] of acknowledged) {
    const w = winners.get(id);
    if (w === undefined) lost++;
    else if (w !== rev) behind++;
  }
  return {
    acknowledged: acknowledged.size,
    stored: winners.size,
    listedTwice: listed - winners.size,
    lost,
    behind,
  };
}

async function main(): Promise<void> {
  console.log(
    `Tern load soak · ${new Date().toISOString()} · ${cpus().length} cores · ${Math.round(totalmem() / 2 ** 30)} GiB · ` +
      `Node ${process.version} · load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} · seed ${SEED}\n` +
      `  ${DEVICES} active devices (think ${THINK[0] / 1000}–${THINK[1] / 1000} s, records of ~${RECORD_BYTES} B), ` +
      `${IDLE} idle devices holding longpolls, ${WORKERS} client processes; Tern ${MINUTES} min, pouchdb-server ${BASELINE_MINUTES} min`,
  );
  const runsOut: SoakRun[] = [];

  if (BASELINE_MINUTES > 0) {
    const base = await startPouchDbServer();
    try {
      const db = `${base.url}/${MISSION}`;
      const put = await fetch(db, { method: 'PUT' });
      if (!put.ok) throw new Error(`PUT ${db}: ${put.status}`);
      const r = await runTarget({
        target: 'pouchdb',
        minutes: BASELINE_MINUTES,
        url: db,
        pid: base.pid,
        idle: null,
      });
      runsOut.push({
        target: 'pouchdb',
        minutes: r.minutes,
        stored: await checkStored(`${db}/_changes`, {}, r.acknowledged),
        serverErrors: 0,
      });
    } finally {
      await base.stop();
    }
  }

  const server = await startServer({
    env: {
      TERN_MISSIONS: `${MISSION},${IDLE_MISSION}`,
      TERN_LOG_LEVEL: 'warn',
      TERN_WEB_DIST: '/nonexistent',
      // A mission of this size needs more held feeds than the default 200 (docs/operator-guide.md).
      TERN_FEEDS_TOTAL: String(IDLE + 100),
      TERN_FEEDS_PER_ACCOUNT: String(IDLE_PER_ACCOUNT + 2),
      // Every idle account logs in from this one loopback address at the start.
      TERN_LOGIN_MAX_PER_MINUTE: String(IDLE + 100),
    },
  });
  try {
    const token = await bearerToken(server.url, DEMO.admin.username, DEMO.admin.password);
    const auth = { authorization: `Bearer ${token}` };
    const tokens = await idleTokens(server.url, auth);
    const idle = { url: `${server.url}/couch/${IDLE_MISSION}`, tokens };
    const trickle = await idleMissionWriter(server.url, token);
    const r = await runTarget({
      target: 'tern',
      minutes: MINUTES,
      url: server.url,
      pid: server.proc.pid!,
      token,
      idle: IDLE > 0 ? idle : null,
      every30s: () => trickle.change(),
    });
    const serverErrors = server.logs
      .join('')
      .split('\n')
      .filter((l) => /"level":(50|60)/.test(l));
    for (const l of serverErrors.slice(0, 5)) console.log(`  server error: ${l.slice(0, 400)}`);
    runsOut.push({
      target: 'tern',
      minutes: r.minutes,
      stored: await checkStored(`${server.url}/couch/${MISSION}/_changes`, auth, r.acknowledged),
      serverErrors: serverErrors.length,
    });
  } finally {
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
  }

  const verdicts = judge(runsOut, BASELINE_MINUTES);
  for (const line of summarise(runsOut)) console.log(line);
  for (const v of verdicts)
    console.log(`  ${v.ok === null ? 'not judged' : v.ok ? 'met' : 'NOT MET'}: ${v.text}`);
  // A verdict the run was too short to judge does not fail it; the 30-minute default judges them all.
  process.exit(verdicts.some((v) => v.ok === false) ? 1 : 0);
}

/** A device of the admin's in the idle mission that files one form each time it is asked. */
async function idleMissionWriter(url: string, token: string) {
  const name = `dev-${ulidFor(7, 0)}`;
  const headers = () => ({ authorization: `Bearer ${token}` });
  const reg = await fetch(`${url}/api/missions/${IDLE_MISSION}/devices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers() },
    body: JSON.stringify({ deviceId: name }),
  });
  if (!reg.ok) throw new Error(`register ${name}: ${reg.status} ${await reg.text()}`);
  const storage = new MemorySyncStorage();
  const remote = fetchRemote(`${url}/api/sync/${IDLE_MISSION}`, { headers });
  let n = 0;
  return {
    async change() {
      n++;
      await storage.save(`sub:${ulidFor(7, n)}`, recordBody(IDLE_MISSION, n, 256));
      const s = await syncOnce(storage, remote, { device: name, retry: { retries: 0 } });
      if (s.pushedDocs !== 1) throw new Error(`pushed ${s.pushedDocs}, not 1`);
    },
  };
}

/** One interviewer account per IDLE_PER_ACCOUNT idle devices, in the idle mission; a token for each device. */
async function idleTokens(url: string, auth: Record<string, string>): Promise<string[]> {
  const accounts = Math.ceil(IDLE / IDLE_PER_ACCOUNT);
  const tokens: string[] = [];
  for (let a = 0; a < accounts; a++) {
    const username = `idle${a}`;
    const password = `idle-device-pass-${a}`;
    const res = await fetch(`${url}/api/users`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, role: 'interviewer', missions: [IDLE_MISSION] }),
    });
    if (!res.ok) throw new Error(`create ${username}: ${res.status} ${await res.text()}`);
    // One session per account, shared by its devices: the feed cap counts accounts, not sessions.
    const token = await bearerToken(url, username, password);
    for (let d = 0; d < IDLE_PER_ACCOUNT && tokens.length < IDLE; d++) tokens.push(token);
  }
  return tokens;
}

await main();
