import { afterEach, describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import type { MissionDb, ServerStore } from '@tern/store';
import type { SyncResponse, WireDoc } from '@tern/sync';
import { buildApp } from '../src/app.ts';
import { allowAll } from '../src/auth/authorize.ts';
import { edit, submission, validAnswers, winnerOf } from './fixtures.ts';

/**
 * Issue 12, item 3: after each write the merge check read every change made since the request began,
 * other devices' included, so with many devices pushing at once its work grew with the square of the
 * writers. It must read the documents of its own batch and nothing else (decision 097).
 */

/** How many documents the merge check examined, whichever way the store is asked. */
let examined: number[] = [];
const others = (n: number) =>
  Array.from({ length: n }, (_, i) => submission('demo', validAnswers(`Other device ${i}`)));

/**
 * The mission's store as the server sees it, except that other devices' batches land while this
 * request is in flight: `during` documents are written just before each write of the request itself.
 */
function busyStore(real: TernStore, during: () => WireDoc[]): ServerStore {
  const proxied = new Map<string, MissionDb>();
  const wrap = (db: MissionDb): MissionDb =>
    new Proxy(db, {
      get(target, prop) {
        const t = target as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
        if (prop === 'writeReplicated')
          return async (docs: WireDoc[]) => {
            const meanwhile = during();
            if (meanwhile.length > 0) await target.writeReplicated(meanwhile);
            return target.writeReplicated(docs);
          };
        // The check before the fix: every change after the sequence read before the write.
        if (prop === 'branchedSince')
          return async (since: string) => {
            examined.push((await target.changeList(since, 1_000_000)).changes.length);
            return t[prop]!.call(target, since);
          };
        if (prop === 'branched')
          return async (ids: string[]) => {
            examined.push(ids.length);
            return t[prop]!.call(target, ids);
          };
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  return {
    mission(m: string) {
      let db = proxied.get(m);
      if (!db) proxied.set(m, (db = wrap(real.mission(m))));
      return db;
    },
    ops: (m: string) => real.ops(m),
    attachments: (m: string) => real.attachments(m),
    profile: (c: string) => real.profile(c),
    forms: () => real.forms(),
    system: () => real.system(),
    databases: () => real.databases(),
    exportDatabase: (name, each, skip) => real.exportDatabase(name, each, skip),
    importDatabase: (name, docs) => real.importDatabase(name, docs),
    close: () => real.close(),
  };
}

const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closing.splice(0)) await c();
  examined = [];
});

async function server(during: () => WireDoc[]) {
  const real = new TernStore({ kind: 'memory', prefix: `merge-check-${Date.now()}-${Math.random()}` });
  const app = await buildApp({ store: busyStore(real, during), missions: ['demo'], authorize: allowAll });
  closing.push(async () => {
    await app.close();
    await real.close();
  });
  const push = async (docs: WireDoc[], device: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/sync/demo',
      payload: { protocol: 1, device, docs, since: null, pullLimit: 0 },
    });
    expect(res.statusCode).toBe(200);
    return res.json() as SyncResponse;
  };
  return { real, push };
}

describe('the merge check after a write', () => {
  it('examines the documents of its own batch, not what other devices wrote meanwhile', async () => {
    const { push } = await server(() => others(300));
    const mine = [submission('demo', validAnswers('Mine 1')), submission('demo', validAnswers('Mine 2'))];
    const res = await push(mine, 'dev-a');
    expect(res.results.map((r) => r.ok)).toEqual([true, true]);
    // Before the fix: 302 (the 300 other documents and these two).
    expect(examined).toEqual([2]);
  });

  it('still finds and merges a branch made by this batch while others write', async () => {
    let busy = false;
    const { real, push } = await server(() => (busy ? others(50) : []));
    const base = submission('demo', { ...validAnswers('Amina'), age: 30 });
    await push([base], 'dev-a');
    await push([edit(base, { answers: { ...validAnswers('Amina'), age: 31 } })], 'dev-a');
    busy = true;
    const b = edit(base, { answers: { ...validAnswers('Amina'), age: 30, notes: 'Referred' } });
    await push([b], 'dev-b');
    const doc = await winnerOf(real.mission('demo'), base._id);
    expect(doc._conflicts ?? []).toEqual([]);
    expect(doc.answers).toMatchObject({ age: 31, notes: 'Referred' });
    expect(examined.at(-1)).toBe(1);
  });
});
