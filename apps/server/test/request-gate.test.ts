import { afterEach, describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import type { MissionDb, ServerStore, StoredResult } from '@tern/store';
import type { WireDoc } from '@tern/sync';
import { buildApp } from '../src/app.ts';
import { allowAll } from '../src/auth/authorize.ts';
import { readConfig } from '../src/config.ts';
import { submission, validAnswers } from './fixtures.ts';

/**
 * Issue 12, item 3: with every device's request worked on at once, the server's memory grew with the
 * number of devices (each request holds its documents). At most `syncConcurrency` sync and bulk
 * requests are worked on at once; the others wait before their bodies are read (decision 097).
 */

/** A store whose mission writes wait until the test lets them go, counting how many began. */
function heldStore(real: TernStore) {
  const started: WireDoc[][] = [];
  const gates: Array<() => void> = [];
  let open = false;
  const wrap = (db: MissionDb): MissionDb =>
    new Proxy(db, {
      get(target, prop) {
        if (prop === 'writeReplicated')
          return async (docs: WireDoc[]): Promise<StoredResult[]> => {
            started.push(docs);
            if (!open) await new Promise<void>((go) => gates.push(go));
            return target.writeReplicated(docs);
          };
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  const missions = new Map<string, MissionDb>();
  const store: ServerStore = {
    mission(m) {
      let db = missions.get(m);
      if (!db) missions.set(m, (db = wrap(real.mission(m))));
      return db;
    },
    ops: (m) => real.ops(m),
    attachments: (m) => real.attachments(m),
    profile: (c) => real.profile(c),
    forms: () => real.forms(),
    system: () => real.system(),
    databases: () => real.databases(),
    exportDatabase: (name, each, skip) => real.exportDatabase(name, each, skip),
    importDatabase: (name, docs) => real.importDatabase(name, docs),
    close: () => real.close(),
  };
  const openAll = () => {
    open = true;
    for (const go of gates.splice(0)) go();
  };
  return { store, started, release: () => gates.shift()?.(), openAll };
}

const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closing.splice(0)) await c();
});

async function server(syncConcurrency: number | undefined) {
  const real = new TernStore({ kind: 'memory', prefix: `gate-${Date.now()}-${Math.random()}` });
  const held = heldStore(real);
  const app = await buildApp({ store: held.store, missions: ['demo'], authorize: allowAll, syncConcurrency });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  closing.push(async () => {
    held.openAll();
    await app.close();
    await real.close();
  });
  /** The status once the whole answer is read (an unread body keeps the connection busy). */
  const push = (name: string, signal?: AbortSignal) =>
    fetch(`http://127.0.0.1:${port}/api/sync/demo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        protocol: 1,
        device: 'dev-test',
        docs: [submission('demo', validAnswers(name))],
        since: null,
        pullLimit: 0,
      }),
      ...(signal ? { signal } : {}),
    }).then(async (res) => {
      await res.text();
      return res;
    });
  return { ...held, push };
}

const until = async (what: () => boolean) => {
  for (let i = 0; i < 200 && !what(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(what()).toBe(true);
};
const settle = () => new Promise((r) => setTimeout(r, 150));

describe('sync requests worked on at once', () => {
  it('waits for a slot before reading the body, and takes it when one is given back', async () => {
    const s = await server(1);
    const first = s.push('First');
    await until(() => s.started.length === 1);
    const second = s.push('Second');
    await settle();
    // Before the cap: the second request reached the store while the first was still in it.
    expect(s.started).toHaveLength(1);
    s.release();
    expect((await first).status).toBe(200);
    await until(() => s.started.length === 2);
    s.release();
    expect((await second).status).toBe(200);
  });

  it('gives back the slot of a device that hung up while waiting', async () => {
    const s = await server(1);
    const first = s.push('First');
    await until(() => s.started.length === 1);
    const gone = new AbortController();
    const hungUp = s.push('Hung up', gone.signal).catch((e: Error) => e.name);
    await settle();
    gone.abort();
    expect(await hungUp).toBe('AbortError');
    s.release();
    expect((await first).status).toBe(200);
    const third = s.push('Third');
    await until(() => s.started.length === 2);
    expect(s.started[1]![0]!.answers).toMatchObject({ full_name: 'Third' });
    s.release();
    expect((await third).status).toBe(200);
  });

  it('works on every request at once without a cap, and the server has one by default', async () => {
    const s = await server(undefined);
    const both = [s.push('One'), s.push('Two')];
    await until(() => s.started.length === 2);
    s.release();
    s.release();
    for (const r of await Promise.all(both)) expect(r.status).toBe(200);
    expect(readConfig({}).syncConcurrency).toBe(64);
    expect(() => readConfig({ TERN_SYNC_CONCURRENCY: '0' })).toThrow(/TERN_SYNC_CONCURRENCY/);
  });
});
