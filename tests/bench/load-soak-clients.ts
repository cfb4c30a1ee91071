/**
 * One client process of the load soak (tests/bench/load-soak.ts): a share of the active devices and
 * of the idle ones, driven for the whole soak, reporting to the soak every few seconds.
 *
 * An active device is a Tern device on the compact door (`syncOnce`, the app's own replicator) or a
 * PouchDB 9 client replicating with a CouchDB-protocol server (the baseline). It lives as devices do:
 * it waits a while (think time), sometimes fills a new form or corrects one of its own, syncs; now
 * and then it goes offline for minutes and comes back with a backlog; now and then it leaves for good
 * and a new device takes its place, whose first sync pulls the whole mission. An idle device holds a
 * longpoll on `_changes` and nothing else; it polls again whenever the feed answers.
 *
 * Pulled documents are counted and the checkpoint kept, but their bodies are not held: the client's
 * memory would otherwise grow with the mission times the devices, and it is the server being soaked.
 */
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { MemorySyncStorage, fetchRemote, syncOnce } from '@tern/sync';
import type { PullApplied, PushResult, SyncStorage, WireDoc } from '@tern/sync';
import { recordBody, seededRandom, ulidFor } from '../support/sync-fixtures.ts';

PouchDB.plugin(memoryAdapter);

export type SoakTarget = 'tern' | 'pouchdb';

/** soak → client process */
export type ToSoakClients =
  | {
      type: 'start';
      target: SoakTarget;
      /** Tern: the server's base URL; pouchdb: the database URL. */
      url: string;
      mission: string;
      /** Bearer token of the active devices' account (Tern). */
      token?: string;
      /** This process's active devices: fixture run numbers (names and records derive from them). */
      runs: number[];
      /** Run numbers free for devices that join in place of those that leave. */
      spareRuns: number[];
      /** Idle devices' longpolls: the feed URL and one token per idle device (Tern only). */
      idle: { url: string; tokens: string[] } | null;
      thinkMs: [number, number];
      recordBytes: number;
      seed: number;
    }
  | { type: 'stop' }
  | { type: 'exit' };

/** What happened since the last report. */
export interface SoakTick {
  syncs: number;
  pushed: number;
  pulled: number;
  /** Each sync's milliseconds, start to end (a whole `syncOnce` or replicate-to + replicate-from). */
  syncMs: number[];
  failures: string[];
  joined: number;
  left: number;
  offline: number;
  /** Longpolls answered (a change woke them or their timeout passed) and re-sent. */
  wakes: number;
  longpollFailures: string[];
  longpollsOpen: number;
  activeOnline: number;
}

/** client process → soak */
export type FromSoakClients =
  | { type: 'tick'; tick: SoakTick }
  | { type: 'stopped'; tick: SoakTick; acknowledged: Array<[string, string]> }
  | { type: 'error'; message: string };

const REPORT_MS = 5_000;
/** The chance, per wake-up of a device, that it goes offline (then for 1–3 minutes) or leaves. */
const OFFLINE_CHANCE = 0.02;
const LEAVE_CHANCE = 0.004;

/** A device's storage that counts pulled documents instead of holding them (see the header). */
class CountingStorage implements SyncStorage {
  pulled = 0;
  constructor(readonly inner = new MemorySyncStorage()) {}
  pending(limit: number): Promise<WireDoc[]> {
    return this.inner.pending(limit);
  }
  acknowledge(results: PushResult[]): Promise<void> {
    return this.inner.acknowledge(results);
  }
  async applyPulled(docs: WireDoc[], checkpoint: string): Promise<PullApplied> {
    this.pulled += docs.length;
    await this.inner.applyPulled([], checkpoint);
    return { inserted: [] };
  }
  checkpoint(): Promise<string | null> {
    return this.inner.checkpoint();
  }
  requeueAll(): Promise<void> {
    return this.inner.requeueAll();
  }
}

interface ActiveDevice {
  name: string;
  /** Fill a new form (or correct an earlier one): a local write, synced later. */
  write(): Promise<void>;
  /** One sync: the documents pushed and pulled. */
  sync(): Promise<{ pushed: number; pulled: number }>;
  /** id → the latest revision the server acknowledged. */
  acknowledged: Map<string, string>;
}

let tick: SoakTick = emptyTick();
function emptyTick(): SoakTick {
  return {
    syncs: 0,
    pushed: 0,
    pulled: 0,
    syncMs: [],
    failures: [],
    joined: 0,
    left: 0,
    offline: 0,
    wakes: 0,
    longpollFailures: [],
    longpollsOpen: 0,
    activeOnline: 0,
  };
}

async function ternDevice(
  m: Extract<ToSoakClients, { type: 'start' }>,
  run: number,
  rnd: () => number,
): Promise<ActiveDevice> {
  const name = `dev-${ulidFor(run, 0)}`;
  const headers = () => ({ authorization: `Bearer ${m.token}` });
  const reg = await fetch(`${m.url}/api/missions/${m.mission}/devices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers() },
    body: JSON.stringify({ deviceId: name }),
  });
  if (!reg.ok) throw new Error(`register ${name}: ${reg.status} ${await reg.text()}`);
  const storage = new CountingStorage();
  const remote = fetchRemote(`${m.url}/api/sync/${m.mission}`, { headers });
  const acknowledged = new Map<string, string>();
  let made = 0;
  return {
    name,
    acknowledged,
    async write() {
      // One in five writes corrects a form this device filled earlier: a new revision of it.
      const n = made > 0 && rnd() < 0.2 ? Math.floor(rnd() * made) : made++;
      await storage.inner.save(`sub:${ulidFor(run, n)}`, recordBody(m.mission, n, m.recordBytes, run));
    },
    async sync() {
      const before = storage.pulled;
      const s = await syncOnce(storage, remote, { device: name, retry: { retries: 0 } });
      if (s.rejections.length > 0) throw new Error(`refused: ${JSON.stringify(s.rejections[0])}`);
      for (const doc of storage.inner.docs.values())
        if (doc.state === 'synced') acknowledged.set(doc.id, doc.rev);
      return { pushed: s.pushedDocs, pulled: storage.pulled - before };
    },
  };
}

async function pouchDevice(
  m: Extract<ToSoakClients, { type: 'start' }>,
  run: number,
  rnd: () => number,
): Promise<ActiveDevice> {
  const name = `dev-${ulidFor(run, 0)}`;
  const local = new PouchDB<Record<string, unknown>>(`soak-${name}`, { adapter: 'memory' });
  const remote = new PouchDB<Record<string, unknown>>(m.url, { skip_setup: true });
  const acknowledged = new Map<string, string>();
  let made = 0;
  let pulledSeq: string | number = 0;
  return {
    name,
    acknowledged,
    async write() {
      const n = made > 0 && rnd() < 0.2 ? Math.floor(rnd() * made) : made++;
      const id = `sub:${ulidFor(run, n)}`;
      const prev = await local.get(id).catch(() => null);
      await local.put({
        _id: id,
        ...(prev ? { _rev: prev._rev } : {}),
        ...recordBody(m.mission, n, m.recordBytes, run),
      });
    },
    async sync() {
      const up = await PouchDB.replicate(local, remote, { batch_size: 100 });
      if (!up.ok || up.doc_write_failures > 0)
        throw new Error(`push: ${JSON.stringify(up.errors).slice(0, 200)}`);
      // As the Tern device above, the pull counts what arrives without keeping it: a changes read
      // from the last sequence, not a replication into the local database.
      let pulled = 0;
      for (;;) {
        const page = await remote.changes({ since: pulledSeq, limit: 500 });
        pulled += page.results.length;
        pulledSeq = page.last_seq;
        if (page.results.length < 500) break;
      }
      const mine = await local.allDocs();
      for (const row of mine.rows) acknowledged.set(row.id, row.value.rev);
      return { pushed: up.docs_written, pulled };
    },
  };
}

let stopping = false;
/** Ends the idle devices' held longpolls at once when the soak stops. */
const stopFeeds = new AbortController();
const loops: Promise<void>[] = [];
const retired: ActiveDevice[] = [];
const live = new Set<ActiveDevice>();

const stopped = new Promise<void>((r) => stopFeeds.signal.addEventListener('abort', () => r()));
/** A wait that ends early when the soak stops. */
const sleep = (ms: number) => Promise.race([new Promise<void>((r) => setTimeout(r, ms).unref()), stopped]);

async function deviceLoop(
  m: Extract<ToSoakClients, { type: 'start' }>,
  first: ActiveDevice,
  rnd: () => number,
) {
  let device = first;
  live.add(device);
  const make = m.target === 'tern' ? ternDevice : pouchDevice;
  const think = () => m.thinkMs[0] + rnd() * (m.thinkMs[1] - m.thinkMs[0]);
  // Devices start spread over one think time, not all at once.
  await sleep(rnd() * m.thinkMs[1]);
  while (!stopping) {
    const r = rnd();
    if (r < LEAVE_CHANCE && m.spareRuns.length > 0) {
      // This device leaves for good (its work synced or not: what it holds stays counted as its own);
      // a new one registers and pulls the whole mission at its first sync.
      live.delete(device);
      retired.push(device);
      tick.left++;
      try {
        device = await make(m, m.spareRuns.shift()!, rnd);
        tick.joined++;
      } catch (e) {
        tick.failures.push(`join: ${(e as Error).message}`);
        return;
      }
      live.add(device);
    } else if (r < LEAVE_CHANCE + OFFLINE_CHANCE) {
      // Offline for 1–3 minutes; forms are still filled meanwhile and wait to be sent.
      tick.offline++;
      live.delete(device);
      const until = Date.now() + 60_000 + rnd() * 120_000;
      while (!stopping && Date.now() < until) {
        await sleep(think());
        if (rnd() < 0.5) await device.write();
      }
      live.add(device);
    }
    if (stopping) break;
    if (rnd() < 0.5) await device.write();
    const t0 = performance.now();
    try {
      const s = await device.sync();
      tick.syncs++;
      tick.pushed += s.pushed;
      tick.pulled += s.pulled;
      tick.syncMs.push(performance.now() - t0);
    } catch (e) {
      tick.failures.push(`${device.name}: ${(e as Error).message.slice(0, 300)}`);
    }
    await sleep(think());
  }
  live.delete(device);
  retired.push(device);
}

async function longpollLoop(url: string, token: string) {
  let since: string | number = 'now';
  while (!stopping) {
    tick.longpollsOpen++;
    try {
      const res = await fetch(`${url}/_changes?feed=longpoll&timeout=55000&since=${since}`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.any([AbortSignal.timeout(90_000), stopFeeds.signal]),
      });
      const body = (await res.json()) as { last_seq?: string | number; error?: string; reason?: string };
      if (!res.ok) {
        tick.longpollFailures.push(`${res.status} ${body.error}: ${body.reason}`);
        await sleep(10_000);
      } else {
        since = body.last_seq ?? since;
        tick.wakes++;
      }
    } catch (e) {
      if (!stopping) tick.longpollFailures.push((e as Error).message);
      await sleep(1_000);
    } finally {
      tick.longpollsOpen--;
    }
  }
}

let reporter: NodeJS.Timeout | undefined;

function report(): SoakTick {
  const t = tick;
  tick = emptyTick();
  tick.longpollsOpen = t.longpollsOpen;
  t.activeOnline = live.size;
  return t;
}

process.on('message', (m: ToSoakClients) => {
  const step = async () => {
    if (m.type === 'start') {
      const rnd = seededRandom(m.seed);
      const make = m.target === 'tern' ? ternDevice : pouchDevice;
      const devices: ActiveDevice[] = [];
      for (const run of m.runs) devices.push(await make(m, run, rnd));
      for (const d of devices)
        loops.push(deviceLoop(m, d, seededRandom(m.seed ^ d.name.length ^ loops.length)));
      for (const token of m.idle?.tokens ?? []) loops.push(longpollLoop(m.idle!.url, token));
      reporter = setInterval(
        () => process.send!({ type: 'tick', tick: report() } satisfies FromSoakClients),
        REPORT_MS,
      );
    } else if (m.type === 'stop') {
      stopping = true;
      stopFeeds.abort();
      clearInterval(reporter);
      // Longpolls end within their timeout; devices finish the sync they are in.
      await Promise.all(loops);
      const acknowledged = retired.flatMap((d) => [...d.acknowledged]);
      process.send!({ type: 'stopped', tick: report(), acknowledged } satisfies FromSoakClients);
    } else {
      process.disconnect();
    }
  };
  step().catch((e: Error) =>
    process.send!({ type: 'error', message: e.stack ?? e.message } satisfies FromSoakClients),
  );
});
