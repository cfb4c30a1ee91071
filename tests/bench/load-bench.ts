/**
 * Load benchmark (issue 12, item 3): many devices at once against one mission, through both of Tern's
 * doors and against pouchdb-server in the same run, unshaped, on loopback.
 *
 *   pnpm bench:load                              50, 100 and 200 devices, all three targets
 *   pnpm bench:load -- --devices 50 --only compact
 *   pnpm bench:load -- --workers 2 --json out.json
 *   pnpm bench:load -- --cpu-prof /tmp/prof      the Tern server writes a V8 CPU profile per run there
 *   pnpm bench:load -- --processes 2 --devices 50   compact door, the store behind a URL (pouchdb-server):
 *                                                one Tern process, then 2 on the same store; prints the ratio
 *
 * Each step is N devices and one target, on a fresh server process (its peak RSS is VmHWM from
 * /proc/<pid>/status): every device registers (Tern) and holds 100 new records of about 1 KB; then
 * push: all devices push their records at once, each in one request (the compact door's round trip
 * with pullLimit 0; PouchDB's replicate.to with batch_size 100); then pull: all devices at once
 * catch up from a checkpoint 100 changes behind the head (a device that last synced 100 changes ago:
 * `syncOnce`; PouchDB's replicate.from with `since`). Pulling everything new would be N² documents
 * (decision 097). Devices run in client processes (--workers), never in the server's.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { startCouchServer } from '@tern/store/testing';
import { DEMO, seedDemo, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { bearerToken } from '../support/pouch-client.ts';
import { ulidFor } from '../support/sync-fixtures.ts';
import { startPouchDbServer } from './baseline-server.ts';
import type { Door, FromClients, ToClients } from './load-clients.ts';
import { printTable, verdicts } from './load-report.ts';
import type { Step } from './load-report.ts';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const DEVICES = (arg('devices') ?? '50,100,200').split(',').map(Number);
const ONLY = (arg('only') ?? 'compact,couch,pouchdb').split(',') as Target[];
const WORKERS = Number(arg('workers') ?? 2);
const RECORDS = Number(arg('records') ?? 100);
const JSON_OUT = arg('json');
const CPU_PROF = arg('cpu-prof');
const MISSION = 'load';
/** With `--processes N`: Tern processes on one store behind a URL (decision 173); 0: LevelDB, one process. */
const PROCESSES = Number(arg('processes') ?? 0);

type Target = 'compact' | 'couch' | 'pouchdb';

interface Server {
  pid: number;
  /** Every process of the target: CPU and memory are summed over them. */
  pids?: number[];
  /** Compact door: base URL; the CouchDB-protocol targets: the database URL. */
  url: string;
  /** With several processes, each one's URL: devices are dealt to them in turn. */
  urls?: string[];
  token?: string;
  head(): Promise<number>;
  /** What the server printed (warnings and errors: the log level is `warn`). */
  logs(): string;
  stop(): Promise<void>;
}

/**
 * Start a target, and again if it died right after answering: the port chosen free may be taken by
 * another process before the server binds it, and then the health check was answered by that one.
 */
async function startTarget(target: Target, processes = 0): Promise<Server> {
  for (let attempt = 1; ; attempt++) {
    const server = processes > 0 ? await startOnStore(processes) : await startOnce(target);
    await new Promise((r) => setTimeout(r, 500));
    if (processAlive(server.pid)) return server;
    await server.stop();
    if (attempt === 3) throw new Error(`${target} would not stay up:\n${server.logs().slice(-2000)}`);
  }
}

function processAlive(pid: number): boolean {
  try {
    // The zombie of a process that exited shows state Z until its parent reaps it.
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

async function startOnce(target: Target): Promise<Server> {
  if (target === 'pouchdb') {
    const s = await startPouchDbServer();
    const url = `${s.url}/${MISSION}`;
    const res = await fetch(url, { method: 'PUT' });
    if (!res.ok) throw new Error(`PUT ${url}: ${res.status}`);
    return { pid: s.pid, url, head: () => updateSeq(url), logs: () => '', stop: () => s.stop() };
  }
  const env: Record<string, string> = {
    TERN_MISSIONS: MISSION,
    TERN_LOG_LEVEL: 'warn',
    TERN_WEB_DIST: '/nonexistent',
  };
  const s = await startServer({
    env,
    ...(CPU_PROF ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] } : {}),
  });
  // Every device of the run works under the admin's session: the CouchDB door's replicator mode
  // (`new_edits:false`) is not an interviewer's, and one login per process keeps login throttling out.
  const token = await bearerToken(s.url, DEMO.admin.username, DEMO.admin.password);
  const couch = `${s.url}/couch/${MISSION}`;
  return {
    pid: s.proc.pid!,
    url: target === 'compact' ? s.url : couch,
    token,
    head: () => updateSeq(couch, token),
    logs: () => s.logs.join(''),
    async stop() {
      await s.stop();
      rmSync(s.dataDir, { recursive: true, force: true });
    },
  };
}

/** `processes` Tern processes (compact door) on one store behind a URL: pouchdb-server on loopback. */
async function startOnStore(processes: number): Promise<Server> {
  const couch = await startCouchServer({ onDisk: true });
  const env: Record<string, string> = {
    TERN_STORE_URL: couch.url,
    TERN_MISSIONS: MISSION,
    TERN_LOG_LEVEL: 'warn',
    TERN_WEB_DIST: '/nonexistent',
    TERN_RESEARCH_SECRET: 'load-bench-research-secret-0123456789abcdef',
  };
  const servers: ServerHandle[] = [];
  const seedDir = mkdtempSync(join(tmpdir(), 'tern-bench-seed-'));
  try {
    seedDemo(seedDir, false, false, env);
    for (let i = 0; i < processes; i++) servers.push(await startServer({ env, seed: false }));
  } catch (e) {
    await Promise.all(servers.map((s) => s.stop()));
    await couch.stop();
    throw e;
  }
  const token = await bearerToken(servers[0]!.url, DEMO.admin.username, DEMO.admin.password);
  return {
    pid: servers[0]!.proc.pid!,
    pids: servers.map((s) => s.proc.pid!),
    url: servers[0]!.url,
    urls: servers.map((s) => s.url),
    token,
    head: () => updateSeq(`${servers[0]!.url}/couch/${MISSION}`, token),
    logs: () => servers.map((s) => s.logs.join('')).join('\n'),
    async stop() {
      await Promise.all(servers.map((s) => s.stop()));
      await couch.stop();
      for (const dir of [seedDir, ...servers.map((s) => s.dataDir)])
        rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function updateSeq(dbUrl: string, token?: string): Promise<number> {
  const res = await fetch(dbUrl, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`GET ${dbUrl}: ${res.status}`);
  return Number(((await res.json()) as { update_seq: number | string }).update_seq);
}

/** Peak resident set (VmHWM) and CPU seconds (utime + stime) of a process, from /proc. */
function procStats(pid: number | number[]): { peakMb: number; cpuS: number } {
  if (Array.isArray(pid)) {
    const all = pid.map((p) => procStats(p));
    return { peakMb: all.reduce((n, s) => n + s.peakMb, 0), cpuS: all.reduce((n, s) => n + s.cpuS, 0) };
  }
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
  return { peakMb: kb / 1024, cpuS: ticks / 100 };
}

class Clients {
  private readonly procs: ChildProcess[] = [];
  private readonly waiting = new Map<ChildProcess, (m: FromClients) => void>();

  constructor(count: number) {
    for (let i = 0; i < count; i++) {
      const child = fork(join(import.meta.dirname, 'load-clients.ts'), [], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      child.on('message', (m: FromClients) => {
        const w = this.waiting.get(child);
        this.waiting.delete(child);
        w?.(m);
      });
      this.procs.push(child);
    }
  }

  get size(): number {
    return this.procs.length;
  }

  /** Send one message to each client process (in one go) and wait for every answer. */
  async all(messages: ToClients[]): Promise<FromClients[]> {
    const answers = this.procs.map(
      (p) =>
        new Promise<FromClients>((ok, fail) => {
          this.waiting.set(p, (m) => (m.type === 'error' ? fail(new Error(m.message)) : ok(m)));
          p.once('exit', (code) => fail(new Error(`client process exited (${code})`)));
        }),
    );
    this.procs.forEach((p, i) => p.send(messages[i]!));
    return Promise.all(answers);
  }

  /** One message to one client process, and its answer. */
  async one(i: number, message: ToClients): Promise<FromClients> {
    const p = this.procs[i]!;
    const answer = new Promise<FromClients>((ok, fail) => {
      this.waiting.set(p, (m) => (m.type === 'error' ? fail(new Error(m.message)) : ok(m)));
      p.once('exit', (code) => fail(new Error(`client process exited (${code})`)));
    });
    p.send(message);
    return answer;
  }

  async close(): Promise<void> {
    await Promise.all(
      this.procs.map(
        (p) =>
          new Promise<void>((ok) => {
            if (p.exitCode !== null || p.signalCode !== null) return ok();
            p.once('exit', () => ok());
            if (p.connected) p.send({ type: 'exit' } satisfies ToClients);
            setTimeout(() => p.kill(), 10_000).unref();
          }),
      ),
    );
  }
}

let runNumber = 100;

async function step(target: Target, devices: number, processes = 0): Promise<Step> {
  const server = await startTarget(target, processes);
  const pids = server.pids ?? server.pid;
  const clients = new Clients(Math.min(Math.max(WORKERS, processes), devices));
  try {
    const door: Door = target === 'compact' ? 'compact' : 'couch';
    const share = Array.from({ length: clients.size }, () => ({
      type: 'prepare' as const,
      door,
      url: server.url,
      mission: MISSION,
      ...(server.token ? { token: server.token } : {}),
      devices: [] as Array<{ name: string; run: number }>,
      records: RECORDS,
      recordBytes: 1024,
    })) as Array<Extract<ToClients, { type: 'prepare' }>>;
    for (let i = 0; i < devices; i++) {
      const run = runNumber++;
      share[i % clients.size]!.devices.push({ name: `dev-${ulidFor(run, 0)}`, run });
    }
    // Several processes: each client process talks to one of them, in turn.
    share.forEach((m, i) => (m.url = server.urls?.[i % server.urls.length] ?? m.url));
    const warm = runNumber++;
    share[0]!.warmup = { name: `dev-${ulidFor(warm, 0)}`, run: warm };
    await clients.all(share);
    // One device syncs first, alone: the server has compiled its code paths, as a running server has.
    await clients.one(0, { type: 'warmup' });

    const phase = async (msg: ToClients) => {
      const cpu0 = procStats(pids).cpuS;
      const t0 = performance.now();
      const answers = (await clients.all(clients.size ? Array(clients.size).fill(msg) : [])) as Array<
        Extract<FromClients, { type: 'done' }>
      >;
      const seconds = (performance.now() - t0) / 1000;
      return {
        seconds,
        serverCpuS: procStats(pids).cpuS - cpu0,
        docs: answers.reduce((n, a) => n + a.docs, 0),
        requests: answers.flatMap((a) => a.requests),
        devicesMs: answers.flatMap((a) => a.deviceMs),
        failures: answers.flatMap((a) => a.failures),
        clientCpuS: answers.reduce((n, a) => n + a.cpuS, 0),
      };
    };
    const push = await phase({ type: 'push' });
    const head = await server.head();
    const pull = await phase({ type: 'pull', since: Math.max(0, head - RECORDS) });
    const { peakMb } = procStats(pids);
    return { target, devices, push, pull, peakMb, head };
  } catch (e) {
    console.error(`${target} at ${devices} devices failed; the server said:\n${server.logs().slice(-4000)}`);
    throw e;
  } finally {
    await clients.close();
    await server.stop();
  }
}

/**
 * How much of the machine the server and its clients had during a phase. Other work on the machine
 * takes the rest; where this falls, docs/s falls with it whatever the server does.
 */
function share(p: Step['push']): string {
  return ((100 * (p.serverCpuS + p.clientCpuS)) / (p.seconds * cpus().length)).toFixed(0);
}

/** `--processes N`: one process, then N, on the same kind of store behind a URL; the ratio of rates. */
async function processesRun(): Promise<void> {
  for (const n of DEVICES) {
    const one = await step('compact', n, 1);
    const many = await step('compact', n, PROCESSES);
    const rate = (s: Step) => ({
      docs: s.push.docs / s.push.seconds,
      devices: s.devices / s.push.seconds,
      pull: s.pull.docs / s.pull.seconds,
    });
    const [a, b] = [rate(one), rate(many)];
    const fails = [...one.push.failures, ...many.push.failures, ...one.pull.failures, ...many.pull.failures];
    console.log(
      `  ${n} devices, store behind a URL: push 1 process ${a.docs.toFixed(0)} docs/s ` +
        `(${a.devices.toFixed(1)} devices/s), ${PROCESSES} processes ${b.docs.toFixed(0)} docs/s ` +
        `(${b.devices.toFixed(1)} devices/s): ratio ${(b.docs / a.docs).toFixed(2)}; pull ` +
        `${a.pull.toFixed(0)} vs ${b.pull.toFixed(0)} docs/s: ratio ${(b.pull / a.pull).toFixed(2)}` +
        (fails.length > 0 ? `; FAILURES: ${fails.slice(0, 3).join(' | ')}` : ''),
    );
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(
    `Tern load bench · ${new Date().toISOString().slice(0, 10)} · ${cpus().length} cores · ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version} · ${RECORDS} records of ~1 KB per ` +
      `device · ${WORKERS} client processes`,
  );
  if (PROCESSES > 0) {
    await processesRun();
    console.log(`\nload bench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return;
  }
  const steps: Step[] = [];
  for (const n of DEVICES) {
    for (const target of ONLY) {
      const s = await step(target, n);
      steps.push(s);
      console.log(
        `  ${target.padEnd(8)} ${String(n).padStart(4)} devices: push ${s.push.docs} docs in ` +
          `${s.push.seconds.toFixed(1)} s, pull ${s.pull.docs} docs in ${s.pull.seconds.toFixed(1)} s, ` +
          `peak RSS ${s.peakMb.toFixed(0)} MB, server + clients used ${share(s.push)} % of the cores ` +
          `while pushing` +
          (s.push.failures.length + s.pull.failures.length > 0
            ? `, FAILURES: ${[...s.push.failures, ...s.pull.failures].slice(0, 3).join(' | ')}`
            : ''),
      );
    }
  }
  printTable(steps);
  for (const v of verdicts(steps)) console.log(`  ${v}`);
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ records: RECORDS, steps }, null, 2));
  console.log(`\nload bench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

await main();
