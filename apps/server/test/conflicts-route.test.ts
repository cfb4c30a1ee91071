import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TernStore } from '@tern/store';
import type { SyncResponse, WireDoc } from '@tern/sync';
import { buildApp } from '../src/app.ts';
import { allowAll } from '../src/auth/authorize.ts';
import { edit, submission, testUlid, validAnswers, winnerOf } from './fixtures.ts';
import { caseDoc } from './case-fixtures.ts';

let store: TernStore;
let app: FastifyInstance;

beforeEach(async () => {
  store = new TernStore({ kind: 'memory', prefix: `conflicts-${Date.now()}-${Math.random()}` });
  app = await buildApp({ store, missions: ['demo', 'north'], authorize: allowAll });
});
afterEach(async () => {
  await app.close();
  await store.close();
});

const push = async (docs: WireDoc[], mission = 'demo') =>
  (
    await app.inject({
      method: 'POST',
      url: `/api/sync/${mission}`,
      payload: { protocol: 1, device: 'd', docs, since: null, pullLimit: 100 },
    })
  ).json() as SyncResponse;
const change = (d: WireDoc, answers: Record<string, unknown>, who: string) =>
  edit(d, {
    answers: { ...(d.answers as object), ...answers },
    device: who,
    updatedBy: who,
    updatedAt: '2026-11-25T10:00:00.000Z',
  });

async function makeConflict() {
  const base = submission('demo', { ...validAnswers('Amina'), age: 30 });
  await push([base]);
  const a = change(base, { age: 31, notes: 'from a' }, 'alice');
  const b = change(base, { age: 32, gender: 'woman' }, 'bob');
  await push([a]);
  await push([b]);
  return { base, a, b };
}

describe('admin conflicts API', () => {
  it('names the case by its code, the person (in the audited detail only) and devices by their number', async () => {
    const kase = caseDoc('interviewer', 'Layla Haddad');
    await push([kase]);
    const devA = `dev-${testUlid()}`;
    const devB = `dev-${testUlid()}`;
    const numbers: Record<string, number> = {};
    for (const d of [devA, devB]) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/missions/demo/devices',
        payload: { deviceId: d },
      });
      expect(r.statusCode).toBe(200);
      numbers[d] = (r.json() as { number: number }).number;
    }
    const base = { ...submission('demo', { ...validAnswers('Layla'), age: 30 }), caseId: kase._id };
    const first = edit(base, {});
    await push([first]);
    const a = edit(first, {
      answers: { ...(first.answers as object), age: 31 },
      device: devA,
      updatedBy: 'alice',
      updatedAt: '2026-11-25T10:00:00.000Z',
    });
    const b = edit(first, {
      answers: { ...(first.answers as object), age: 32 },
      device: devB,
      updatedBy: 'bob',
      updatedAt: '2026-11-25T10:00:00.000Z',
    });
    await push([a]);
    await push([b]);
    const list = (await app.inject({ method: 'GET', url: '/api/admin/conflicts' })).json().conflicts;
    expect(list).toEqual([expect.objectContaining({ docId: first._id, caseCode: kase.code })]);
    expect(JSON.stringify(list)).not.toContain('Layla Haddad');
    const view = (await app.inject({ method: 'GET', url: `/api/admin/conflicts/demo/${first._id}` })).json();
    expect(view).toMatchObject({ caseCode: kase.code, person: 'Layla Haddad' });
    const byDevice = Object.fromEntries(
      view.branches.map((br: { device: string; deviceNumber: number | null }) => [
        br.device,
        br.deviceNumber,
      ]),
    );
    expect(byDevice).toEqual({ [devA]: numbers[devA], [devB]: numbers[devB] });
    expect(numbers[devA]).not.toBe(numbers[devB]);

    // A record tied to no case, from a device that never registered: no code, no name, no number.
    const { base: loose } = await makeConflict();
    const looseView = (
      await app.inject({ method: 'GET', url: `/api/admin/conflicts/demo/${loose._id}` })
    ).json();
    expect(looseView).toMatchObject({ caseCode: null, person: null });
    expect(looseView.branches.map((br: { deviceNumber: unknown }) => br.deviceNumber)).toEqual([null, null]);
  });

  it('lists open conflicts across missions with their disputed fields, filterable', async () => {
    const { base } = await makeConflict();
    const res = await app.inject({ method: 'GET', url: '/api/admin/conflicts' });
    expect(res.statusCode).toBe(200);
    expect(res.json().conflicts).toEqual([
      expect.objectContaining({
        mission: 'demo',
        docId: base._id,
        form: 'quick-screening@1',
        fields: ['answers.age'],
        ageDays: 0,
      }),
    ]);
    expect(
      (await app.inject({ method: 'GET', url: '/api/admin/conflicts?mission=north' })).json().conflicts,
    ).toEqual([]);
    expect(
      (await app.inject({ method: 'GET', url: '/api/admin/conflicts?form=other@1' })).json().conflicts,
    ).toEqual([]);
    expect(
      (await app.inject({ method: 'GET', url: '/api/admin/conflicts?minAgeDays=1' })).json().conflicts,
    ).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/admin/conflicts?minAgeDays=-3' })).statusCode).toBe(
      400,
    );
  });

  it('shows the ancestor value and each branch value, author, device and time per field', async () => {
    const { base, a, b } = await makeConflict();
    const view = (await app.inject({ method: 'GET', url: `/api/admin/conflicts/demo/${base._id}` })).json();
    expect(view.base.rev).toBe(base._rev);
    expect(view.fields).toHaveLength(1);
    const [field] = view.fields;
    expect(field.path).toBe('answers.age');
    expect(field.base).toBe(30);
    const byRev = Object.fromEntries(
      view.branches.map((br: { rev: string }, i: number) => [br.rev, field.values[i]]),
    );
    expect(byRev).toEqual({ [a._rev]: 31, [b._rev]: 32 });
    expect(view.branches.map((br: { author: string }) => br.author).sort()).toEqual(['alice', 'bob']);
    // Non-clashing edits from both sides are already merged.
    expect(view.merged.answers).toMatchObject({ notes: 'from a', gender: 'woman' });
  });

  it('resolves by picking per field or typing a value: one revision on the winner, the loser closed', async () => {
    const { base, a, b } = await makeConflict();
    const view = (await app.inject({ method: 'GET', url: `/api/admin/conflicts/demo/${base._id}` })).json();
    const res = await app.inject({
      method: 'POST',
      url: `/api/admin/conflicts/demo/${base._id}/resolve`,
      payload: { revs: [a._rev, b._rev], choices: { 'answers.age': { value: 33 } } },
    });
    expect(res.statusCode).toBe(200);
    const doc = await winnerOf(store.mission('demo'), base._id);
    expect(doc._rev).toBe(res.json().rev);
    expect(doc._conflicts ?? []).toEqual([]);
    expect(doc.answers).toMatchObject({ age: 33, notes: 'from a', gender: 'woman' });
    expect((await app.inject({ method: 'GET', url: '/api/admin/conflicts' })).json().conflicts).toEqual([]);
    // The resolution is a child of the winner (listed first); the loser got a deleted child.
    const winner: string = view.branches[0].rev;
    const loser: string = view.branches[1].rev;
    const withRevs = (await store.mission('demo').get(base._id))!;
    expect(`${withRevs._revisions.start - 1}-${withRevs._revisions.ids[1]}`).toBe(winner);
    const leaves = (await store
      .mission('demo')
      .readDoc(base._id, { openRevs: 'all', revs: true })) as unknown as Array<{
      ok: WireDoc;
    }>;
    const tombstone = leaves.find((l) => l.ok._deleted);
    expect(`${tombstone!.ok._revisions.start - 1}-${tombstone!.ok._revisions.ids[1]}`).toBe(loser);
    const records = await store.ops('demo').list('resolution:');
    expect(records).toEqual([
      expect.objectContaining({ docId: base._id, resolvedRev: doc._rev, by: 'admin' }),
    ]);
  });

  it('refuses a resolution that misses a field, picks an invalid value, or is stale', async () => {
    const { base, a, b } = await makeConflict();
    const url = `/api/admin/conflicts/demo/${base._id}/resolve`;
    const missing = await app.inject({
      method: 'POST',
      url,
      payload: { revs: [a._rev, b._rev], choices: {} },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/choose a value for answers\.age/);
    const invalid = await app.inject({
      method: 'POST',
      url,
      payload: { revs: [a._rev, b._rev], choices: { 'answers.age': { value: 500 } } },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().message).toMatch(/age: Must be at most 120/);
    const stale = await app.inject({
      method: 'POST',
      url,
      payload: { revs: [a._rev, base._rev], choices: { 'answers.age': { pick: 0 } } },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('TERN_CONFLICT_CHANGED');
    const doc = await winnerOf(store.mission('demo'), base._id);
    expect(doc._conflicts).toHaveLength(1);
  });

  it('answers 404 for a document without a conflict', async () => {
    const base = submission('demo', validAnswers('X'));
    await push([base]);
    const res = await app.inject({ method: 'GET', url: `/api/admin/conflicts/demo/${base._id}` });
    expect(res.statusCode).toBe(404);
  });
});
