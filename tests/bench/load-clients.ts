/**
 * One client process of the load bench (tests/bench/load-bench.ts): a share of the devices, driven by
 * messages from the bench so that every device of every client process starts at the same moment and
 * the client CPU is not the server's. Devices are either Tern devices (MemorySyncStorage, the compact
 * door through @tern/sync's own transport and `syncOnce`) or PouchDB 9 clients (memory adapter)
 * replicating through a CouchDB-protocol door (Tern's or pouchdb-server's).
 *
 * Every HTTP request is timed from the call to the end of its body; the bench gets the durations.
 */
import { Agent } from 'node:http';
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { MemorySyncStorage, fetchRemote, syncOnce } from '@tern/sync';
import type { SyncRemote } from '@tern/sync';
import { addRecords } from '../support/sync-fixtures.ts';

PouchDB.plugin(memoryAdapter);

type Pouch = PouchDB.Database<Record<string, unknown>>;

export type Door = 'compact' | 'couch';

/** bench → client process */
export type ToClients =
  | {
      type: 'prepare';
      door: Door;
      /** Compact door: the server's base URL; CouchDB door: the database URL. */
      url: string;
      mission: string;
      /** Bearer token (Tern); none for pouchdb-server. */
      token?: string;
      /** Device names; each one's records come from its own fixture run number. */
      devices: Array<{ name: string; run: number }>;
      records: number;
      recordBytes: number;
      /** A device of its own that syncs once before the measured phases, so the server is warm. */
      warmup?: { name: string; run: number };
    }
  | { type: 'warmup' }
  | { type: 'push' }
  | { type: 'pull'; since: number }
  | { type: 'exit' };

/** client process → bench */
export type FromClients =
  | { type: 'ready' }
  | { type: 'warm' }
  | {
      type: 'done';
      phase: 'push' | 'pull';
      /** Every HTTP request: its kind (`sync`, `_bulk_docs`, `_changes`…) and milliseconds. */
      requests: RequestTime[];
      /** Each device's whole phase, milliseconds. */
      deviceMs: number[];
      docs: number;
      failures: string[];
      /** CPU seconds this client process used during the phase. */
      cpuS: number;
    }
  | { type: 'error'; message: string };

/** A phase never runs longer than this; the bench then reports the failure and stops. */
const PHASE_TIMEOUT_MS = 600_000;

interface Device {
  name: string;
  push(): Promise<number>;
  pull(since: number): Promise<number>;
}

export interface RequestTime {
  kind: string;
  ms: number;
}

let requests: RequestTime[] = [];
/**
 * PouchDB's Node default: a connection per request. With keep-alive, a socket left idle past
 * pouchdb-server's 5 s keep-alive timeout is closed by the server just as a client reuses it ("socket
 * hang up"), and a one-off replication fails; Fastify's is 72 s, so only the baseline would suffer.
 */
const agent = new Agent({ keepAlive: false });

function send(m: FromClients): void {
  process.send!(m);
}

/** Global fetch, timed to the end of the body; the body is handed back already read. */
const timedFetch: typeof fetch = async (input, init) => {
  const t0 = performance.now();
  const res = await fetch(input, init);
  const body = await res.arrayBuffer();
  requests.push({ kind: 'sync', ms: performance.now() - t0 });
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
};

/** PouchDB's own fetch (node-fetch), a connection per request, timed to the end of the body. */
function pouchFetch(token: string | undefined) {
  return async (url: string, opts: Record<string, unknown> & { headers: Headers }) => {
    if (token) opts.headers.set('authorization', `Bearer ${token}`);
    const t0 = performance.now();
    const res = (await PouchDB.fetch(url, { ...opts, agent } as RequestInit)) as Response;
    let recorded = false;
    const record = () => {
      if (!recorded) requests.push({ kind: kindOf(url), ms: performance.now() - t0 });
      recorded = true;
    };
    for (const m of ['json', 'text'] as const) {
      const read = res[m].bind(res) as () => Promise<unknown>;
      (res as unknown as Record<string, unknown>)[m] = async () => {
        try {
          return await read();
        } finally {
          record();
        }
      };
    }
    return res;
  };
}

/** `_bulk_docs`, `_revs_diff`, `_local`…; `db` for the database itself (`GET /db/`). */
function kindOf(url: string): string {
  const path = new URL(url).pathname.split('/').filter(Boolean);
  return path.find((p) => p.startsWith('_')) ?? 'db';
}

async function compactDevice(
  p: Extract<ToClients, { type: 'prepare' }>,
  d: { name: string; run: number },
): Promise<Device> {
  const storage = new MemorySyncStorage();
  await addRecords(storage, p.mission, p.records, { run: d.run, bytes: p.recordBytes });
  const headers = () => ({ authorization: `Bearer ${p.token}` });
  // Registered as a device is before its first sync (a number for case codes, bound to the account).
  const reg = await fetch(`${p.url}/api/missions/${p.mission}/devices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers() },
    body: JSON.stringify({ deviceId: d.name }),
  });
  if (!reg.ok) throw new Error(`register ${d.name}: ${reg.status} ${await reg.text()}`);
  const remote = fetchRemote(`${p.url}/api/sync/${p.mission}`, { headers, fetch: timedFetch });
  // The mission database's epoch, from the checkpoint of the push (`<epoch>@<seq>`, decision 152).
  let epoch = '';
  return {
    name: d.name,
    push: () =>
      pushRoundTrip(storage, remote, d.name, (checkpoint) => (epoch = checkpoint.split('@')[0] ?? '')),
    async pull(since) {
      // As a device that last synced `since`: the checkpoint its last pull would have stored.
      await storage.applyPulled([], `${epoch}@${since}`);
      const s = await syncOnce(storage, remote, { device: d.name, retry: { retries: 0 } });
      if (s.pushedDocs !== 0) throw new Error(`${d.name} pushed ${s.pushedDocs} again in the pull phase`);
      return s.pulledDocs;
    },
  };
}

/**
 * The device's push as one round trip of the compact door with `pullLimit: 0`: its records go up and
 * are acknowledged exactly as `syncOnce` does, and no page of changes comes down (the pull phase pulls).
 */
async function pushRoundTrip(
  storage: MemorySyncStorage,
  remote: SyncRemote,
  device: string,
  onCheckpoint: (checkpoint: string) => void,
) {
  const docs = await storage.pending(1_000_000);
  const res = await remote.exchange({
    protocol: 1,
    device,
    docs,
    since: await storage.checkpoint(),
    pullLimit: 0,
    waiting: 0,
  });
  await storage.acknowledge(res.results);
  onCheckpoint(res.checkpoint);
  const refused = res.results.filter((r) => !r.ok);
  if (refused.length > 0)
    throw new Error(`${device}: ${refused.length} refused: ${JSON.stringify(refused[0])}`);
  return res.results.length;
}

async function couchDevice(
  p: Extract<ToClients, { type: 'prepare' }>,
  d: { name: string; run: number },
): Promise<Device> {
  const source = new MemorySyncStorage();
  await addRecords(source, p.mission, p.records, { run: d.run, bytes: p.recordBytes });
  const local: Pouch = new PouchDB(`load-${d.name}`, { adapter: 'memory' });
  // The same revisions a Tern device would hold, stored as they are (replicator mode).
  await local.bulkDocs((await source.pending(1_000_000)) as never, { new_edits: false });
  const remote: Pouch = new PouchDB(p.url, {
    fetch: pouchFetch(p.token),
    skip_setup: true,
  } as PouchDB.Configuration.RemoteDatabaseConfiguration);
  return {
    name: d.name,
    async push() {
      const r = await PouchDB.replicate(local, remote, { batch_size: 100 });
      if (!r.ok || r.doc_write_failures > 0)
        throw new Error(`${d.name}: push failed: ${JSON.stringify(r.errors).slice(0, 300)}`);
      return r.docs_written;
    },
    async pull(since) {
      const r = await PouchDB.replicate(remote, local, { since, batch_size: 100 } as never);
      if (!r.ok) throw new Error(`${d.name}: pull failed: ${JSON.stringify(r.errors).slice(0, 300)}`);
      return r.docs_read;
    },
  };
}

async function runAll(devices: Device[], phase: 'push' | 'pull', work: (d: Device) => Promise<number>) {
  requests = [];
  const cpu0 = process.cpuUsage();
  const deviceMs: number[] = [];
  const failures: string[] = [];
  let docs = 0;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${phase} took over ${PHASE_TIMEOUT_MS} ms`)), PHASE_TIMEOUT_MS);
  });
  try {
    await Promise.race([
      Promise.all(
        devices.map(async (d) => {
          const t0 = performance.now();
          try {
            const n = await work(d);
            docs += n; // not `docs += await …`: that reads `docs` before awaiting and loses counts
            deviceMs.push(performance.now() - t0);
          } catch (e) {
            failures.push(`${d.name}: ${(e as Error).message}`);
          }
        }),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
  const cpu = process.cpuUsage(cpu0);
  send({ type: 'done', phase, requests, deviceMs, docs, failures, cpuS: (cpu.user + cpu.system) / 1e6 });
}

let devices: Device[] = [];
let warmup: Device | undefined;

process.on('message', (m: ToClients) => {
  const step = async () => {
    if (m.type === 'prepare') {
      const make = m.door === 'compact' ? compactDevice : couchDevice;
      devices = [];
      for (const d of m.devices) devices.push(await make(m, d));
      warmup = m.warmup ? await make(m, m.warmup) : undefined;
      send({ type: 'ready' });
    } else if (m.type === 'warmup') {
      await warmup?.push();
      await warmup?.pull(0);
      send({ type: 'warm' });
    } else if (m.type === 'push') {
      await runAll(devices, 'push', (d) => d.push());
    } else if (m.type === 'pull') {
      await runAll(devices, 'pull', (d) => d.pull(m.since));
    } else {
      agent.destroy();
      process.disconnect();
    }
  };
  step().catch((e: Error) => send({ type: 'error', message: e.stack ?? e.message }));
});
