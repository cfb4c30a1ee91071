import { Agent } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { MemorySyncStorage, fetchRemote, syncOnce } from '@tern/sync';
import type { SyncOptions, SyncSummary, WireDoc } from '@tern/sync';
import { addRecords } from '../support/sync-fixtures.ts';
import { forkWorker } from '../support/worker-rpc.ts';
import type { Worker } from '../support/worker-rpc.ts';

/**
 * The two clients of the sync benchmark, each usable in the bench's own process or in a process of its
 * own (sync-client-worker.ts). A client times its own work, so the figure holds no IPC.
 */

PouchDB.plugin(memoryAdapter);

/** Any one replication run; the bench never waits longer. */
export const RUN_TIMEOUT_MS = 300_000;

export interface Timed<T> {
  seconds: number;
  result: T;
}

async function timed<T>(what: string, work: () => Promise<T>): Promise<Timed<T>> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} took over ${RUN_TIMEOUT_MS} ms`)), RUN_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([work(), timeout]);
    return { seconds: (performance.now() - t0) / 1000, result };
  } finally {
    clearTimeout(timer);
  }
}

/** Tern's Node client: `MemorySyncStorage` devices, `fetchRemote`, `syncOnce`. */
export interface TernClient {
  /** Save `count` new records on device `device` (made if new); returns everything it has to push. */
  addRecords(
    device: string,
    mission: string,
    count: number,
    opts: { run: number; from?: number },
  ): Promise<WireDoc[]>;
  /** One `syncOnce` of device `device` (made if new) against the compact door at `url`. */
  sync(device: string, url: string, token: string, opts: SyncOptions): Promise<Timed<SyncSummary>>;
  stop(): Promise<void>;
}

/** PouchDB 9's own replicator with a local database (`memory` or `leveldb`) on the client. */
export interface PouchClient {
  /** Copy documents with their revisions (replicator mode) into local database `name`. */
  load(name: string, docs: WireDoc[]): Promise<void>;
  /** The result: requests sent again after a reset kept-alive connection. */
  push(name: string, remoteUrl: string): Promise<Timed<{ resent: number }>>;
  /** Pull into local database `name`; the result has its document count afterwards. */
  pull(remoteUrl: string, name: string): Promise<Timed<{ docCount: number; resent: number }>>;
  stop(): Promise<void>;
}

export class LocalTernClient implements TernClient {
  private readonly devices = new Map<string, MemorySyncStorage>();

  private device(name: string): MemorySyncStorage {
    let d = this.devices.get(name);
    if (!d) this.devices.set(name, (d = new MemorySyncStorage()));
    return d;
  }

  async addRecords(device: string, mission: string, count: number, opts: { run: number; from?: number }) {
    const d = this.device(device);
    await addRecords(d, mission, count, opts);
    return d.pending(1_000_000);
  }

  sync(device: string, url: string, token: string, opts: SyncOptions) {
    const auth = { headers: () => ({ authorization: `Bearer ${token}` }) };
    return timed(`tern sync ${device}`, () => syncOnce(this.device(device), fetchRemote(url, auth), opts));
  }

  async stop() {
    this.devices.clear();
  }
}

type Pouch = PouchDB.Database<Record<string, unknown>>;

export interface PouchClientOptions {
  /** Where the client database lives: `memory` (like Tern's Node client) or `leveldb` on disk. */
  adapter: 'memory' | 'leveldb';
  /**
   * PouchDB 9 in Node fetches through node-fetch with no keep-alive agent: one TCP connection (and one
   * handshake RTT) per request. A browser keeps connections alive (6 per host), and so does the
   * baseline unless told otherwise.
   */
  keepAlive: boolean;
}

export class LocalPouchClient implements PouchClient {
  private readonly dir = mkdtempSync(join(tmpdir(), 'tern-bench-pouch-client-'));
  private readonly dbs = new Map<string, Pouch>();
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 6 });

  constructor(private readonly opts: PouchClientOptions) {}

  private local(name: string): Pouch {
    let db = this.dbs.get(name);
    if (!db) {
      db =
        this.opts.adapter === 'memory'
          ? new PouchDB<Record<string, unknown>>(`bench-${name}`, { adapter: 'memory' })
          : new PouchDB<Record<string, unknown>>(join(this.dir, name));
      this.dbs.set(name, db);
    }
    return db;
  }

  /** Requests sent again after their kept-alive connection was reset (see `remote`). */
  resent = 0;

  private remote(url: string): Pouch {
    if (!this.opts.keepAlive) return new PouchDB<Record<string, unknown>>(url);
    const agent = this.agent;
    const fetchVia = (u: string, o: Record<string, unknown>) =>
      (PouchDB as unknown as { fetch: (u: string, o: unknown) => Promise<Response> }).fetch(u, {
        ...o,
        agent,
      });
    // A request on a kept-alive connection can be reset, e.g. when pouchdb-server closes the connection
    // after 5 s idle (Node's keepAliveTimeout) while the request is on its way: the close needs half an
    // RTT to reach the client on the shaped link. A browser sends such a request again, once; node-fetch
    // does not, and PouchDB let the rejection escape and killed the client in one run. So the baseline
    // resends once, as a browser would, and the bench counts it.
    const viaAgent = async (u: string, o: Record<string, unknown>) => {
      try {
        return await fetchVia(u, o);
      } catch (e) {
        if ((e as { code?: string }).code !== 'ECONNRESET') throw e;
        this.resent += 1;
        return fetchVia(u, o);
      }
    };
    return new PouchDB<Record<string, unknown>>(url, { fetch: viaAgent } as never);
  }

  async load(name: string, docs: WireDoc[]) {
    const db = this.local(name);
    for (let i = 0; i < docs.length; i += 1000) {
      await db.bulkDocs(docs.slice(i, i + 1000) as never, { new_edits: false });
    }
  }

  push(name: string, remoteUrl: string) {
    return timed(`pouchdb push ${name}`, async () => {
      const before = this.resent;
      const result = await PouchDB.replicate(this.local(name), this.remote(remoteUrl), {});
      if (!result.ok) throw new Error(`PouchDB replication failed: ${JSON.stringify(result.errors)}`);
      return { resent: this.resent - before };
    });
  }

  pull(remoteUrl: string, name: string) {
    return timed(`pouchdb pull ${name}`, async () => {
      const before = this.resent;
      const db = this.local(name);
      const result = await PouchDB.replicate(this.remote(remoteUrl), db, {});
      if (!result.ok) throw new Error(`PouchDB replication failed: ${JSON.stringify(result.errors)}`);
      return { docCount: (await db.info()).doc_count, resent: this.resent - before };
    });
  }

  async stop() {
    this.agent.destroy();
    for (const db of this.dbs.values()) await db.close();
    this.dbs.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const WORKER = join(import.meta.dirname, 'sync-client-worker.ts');

/** Tern's client in a process of its own. */
export async function ternClientProcess(): Promise<TernClient & { pid: number }> {
  const w = await forkWorker(WORKER, ['tern']);
  return {
    pid: w.pid,
    addRecords: (...a) => w.call('addRecords', ...a),
    sync: (...a) => w.call('sync', ...a),
    stop: () => stopWorker(w),
  };
}

/** The PouchDB client in a process of its own. */
export async function pouchClientProcess(opts: PouchClientOptions): Promise<PouchClient & { pid: number }> {
  const w = await forkWorker(WORKER, ['pouchdb', JSON.stringify(opts)]);
  return {
    pid: w.pid,
    load: (...a) => w.call('load', ...a),
    push: (...a) => w.call('push', ...a),
    pull: (...a) => w.call('pull', ...a),
    stop: () => stopWorker(w),
  };
}

/** Stop a worker; one that died already (its calls failed with the reason) just goes. */
async function stopWorker(w: Worker): Promise<void> {
  await w.call('stop').catch(() => {});
  await w.stop();
}
