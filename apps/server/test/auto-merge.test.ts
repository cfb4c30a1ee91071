import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TernStore } from '@tern/store';
import type { SyncResponse, WireDoc } from '@tern/sync';
import { buildApp } from '../src/app.ts';
import { allowAll } from '../src/auth/authorize.ts';
import { mergeRecords, openConflicts } from '../src/merge/merge-records.ts';
import { edit, submission, validAnswers, winnerOf } from './fixtures.ts';

let stores: TernStore[] = [];
let apps: FastifyInstance[] = [];

async function server() {
  const store = new TernStore({ kind: 'memory', prefix: `merge-${Date.now()}-${Math.random()}` });
  const app = await buildApp({ store, missions: ['demo'], authorize: allowAll });
  stores.push(store);
  apps.push(app);
  const push = async (docs: WireDoc[], since: string | null = null, device = 'dev-test') => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/sync/demo',
      payload: { protocol: 1, device, docs, since, pullLimit: 100 },
    });
    return res.json() as SyncResponse;
  };
  return { store, app, push };
}

beforeEach(() => {
  stores = [];
  apps = [];
});
afterEach(async () => {
  for (const a of apps) await a.close();
  for (const s of stores) await s.close();
});

const base = submission('demo', { ...validAnswers('Amina'), age: 30 });
const answersOf = (d: WireDoc) => d.answers as Record<string, unknown>;
const withAnswers = (d: WireDoc, changes: Record<string, unknown>, device: string) =>
  edit(d, { answers: { ...answersOf(d), ...changes }, device });

describe('automatic merge after a push', () => {
  it('merges edits of different fields into one revision on the winner and records the merge', async () => {
    const { store, push } = await server();
    await push([base]);
    const a = withAnswers(base, { age: 31 }, 'dev-a');
    const b = withAnswers(base, { notes: 'Referred to shelter' }, 'dev-b');
    await push([a], null, 'dev-a');
    const res = await push([b], null, 'dev-b');

    const db = store.mission('demo');
    const doc = await winnerOf(db, base._id);
    expect(doc._conflicts ?? []).toEqual([]);
    expect(doc.answers).toMatchObject({ full_name: 'Amina', age: 31, notes: 'Referred to shelter' });
    // The merged revision is the child of the winning leaf, and device b gets it in the same round trip.
    expect(doc._rev.startsWith('3-')).toBe(true);
    expect(res.changes.find((d) => d._id === base._id)?._rev).toBe(doc._rev);

    const [record] = await mergeRecords(store.ops('demo'), base._id);
    expect(record).toMatchObject({ docId: base._id, base: base._rev, mergedRev: doc._rev, by: 'dev-b' });
    expect(Object.keys(record!.taken).sort()).toEqual(['answers.age', 'answers.notes']);
    expect(new Set(Object.values(record!.taken))).toEqual(new Set([a._rev, b._rev]));
  });

  it('keeps both branches and opens a conflict when the same field changed differently', async () => {
    const { store, push } = await server();
    await push([base]);
    const a = withAnswers(base, { age: 31 }, 'dev-a');
    const b = withAnswers(base, { age: 32, notes: 'x' }, 'dev-b');
    await push([a]);
    const res = await push([b]);
    const doc = await winnerOf(store.mission('demo'), base._id);
    expect([doc._rev, ...(doc._conflicts ?? [])].sort()).toEqual([a._rev, b._rev].sort());
    const [conflict] = await openConflicts(store.ops('demo'));
    expect(conflict).toMatchObject({ docId: base._id, fields: ['answers.age'] });
    // Devices learn that the record waits for an admin.
    const pulled =
      res.changes.find((d) => d._id === base._id) ??
      (await push([], null)).changes.find((d) => d._id === base._id);
    expect(pulled?._conflicts).toHaveLength(1);
    expect(pulled?._disputed).toEqual(['answers.age']);
  });

  it('tells the device whose push opened the conflict, even when its own revision won', async () => {
    const { push } = await server();
    await push([base]);
    const a = withAnswers(base, { age: 31 }, 'dev-a');
    // Make the pushed branch the winner (same generation: the greater rev wins), the case where the
    // device already holds the winning revision and nothing else would be sent to it.
    let b = withAnswers(base, { age: 32 }, 'dev-b');
    for (let age = 33; b._rev < a._rev; age += 1) b = withAnswers(base, { age }, 'dev-b');
    await push([a]);
    const res = await push([b]);
    const pulled = res.changes.find((d) => d._id === base._id);
    expect(pulled?._disputed).toEqual(['answers.age']);
    expect([pulled?._rev, ...(pulled?._conflicts as string[])].sort()).toEqual([a._rev, b._rev].sort());
  });

  it('writes the same merged revision on two servers that merge the same branches', async () => {
    const hq = await server();
    const relay = await server();
    const a = withAnswers(base, { age: 31 }, 'dev-a');
    const b = withAnswers(base, { notes: 'n' }, 'dev-b');
    await hq.push([base]);
    await hq.push([a]);
    await hq.push([b]);
    await relay.push([base]);
    await relay.push([b]);
    await relay.push([a]);
    const x = await hq.store.mission('demo').get(base._id);
    const y = await relay.store.mission('demo').get(base._id);
    expect(x?._rev).toBe(y?._rev);
    expect(x).toEqual(y);
  });

  it('changes nothing when the merged branches are pushed again', async () => {
    const { store, push } = await server();
    await push([base]);
    const a = withAnswers(base, { age: 31 }, 'dev-a');
    const b = withAnswers(base, { notes: 'n' }, 'dev-b');
    await push([a]);
    await push([b]);
    const before = await store.mission('demo').info();
    await push([a, b]);
    const after = await store.mission('demo').info();
    expect(after.updateSeq).toBe(before.updateSeq);
    expect(await mergeRecords(store.ops('demo'), base._id)).toHaveLength(1);
  });

  it('merges a later edit on the closed branch from the common ancestor without losing either side', async () => {
    const { store, push } = await server();
    await push([base]);
    const a = withAnswers(base, { age: 31 }, 'dev-a');
    const b = withAnswers(base, { notes: 'n' }, 'dev-b');
    await push([a]);
    await push([b]);
    const merged = (await store.mission('demo').get(base._id))!;
    // The merged revision's parent is the winner; edit the other (closed) side again.
    const winnerHash = merged._revisions.ids[1];
    const loser = a._rev.endsWith(`-${winnerHash}`) ? b : a;
    const again = withAnswers(loser, { gender: 'woman' }, 'dev-late');
    await push([again]);
    const doc = await winnerOf(store.mission('demo'), base._id);
    expect(doc._conflicts ?? []).toEqual([]);
    expect(doc.answers).toMatchObject({ age: 31, notes: 'n', gender: 'woman' });
  });
});
