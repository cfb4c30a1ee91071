import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TernStore } from '@tern/store';
import { parseRev } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { buildApp } from '../../src/app.ts';
import { allowAll } from '../../src/auth/authorize.ts';
import { edit, submission, validAnswers, winnerOf } from '../fixtures.ts';

/**
 * Issue 12, item 2: "the automatic merge opens false conflicts and hides an edit". A merge writes M,
 * a child of the winning leaf W, and closes the losing leaf L. A device that still holds L (it has not
 * pulled M) edits a field the merge took from L, 99 → 100. The old code merged M and that edit against
 * the rev-history ancestor of W and L instead of against L, which M already contains: the edit clashed
 * with itself, a conflict opened for an admin, and the record kept showing 99. With the opposite hash
 * order (the device's branch won) the same edits merged cleanly. The same after an admin's resolution:
 * the resolved field opened again when the losing device edited something else.
 */
let store: TernStore;
let app: FastifyInstance;

beforeEach(async () => {
  store = new TernStore({ kind: 'memory', prefix: `merge-ancestry-${Date.now()}-${Math.random()}` });
  app = await buildApp({ store, missions: ['demo'], authorize: allowAll });
});
afterEach(async () => {
  await app.close();
  await store.close();
});

async function push(docs: WireDoc[], device: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/sync/demo',
    payload: { protocol: 1, device, docs, since: null, pullLimit: 100 },
  });
  expect(res.statusCode, res.body).toBe(200);
}
const change = (d: WireDoc, answers: Record<string, unknown>, device: string) =>
  edit(d, { answers: { ...(d.answers as object), ...answers }, device, updatedBy: device });
const openConflicts = async () =>
  (await app.inject({ method: 'GET', url: '/api/admin/conflicts' })).json().conflicts as unknown[];
const record = (id: string) => winnerOf(store.mission('demo'), id);
const noteOf = (d: WireDoc) => (d.answers as { notes?: string }).notes;

type Side = 'a' | 'b';
const sides: Side[] = ['a', 'b'];

/**
 * Device a changes the age to 99 and device b writes a note, both from the same first revision; `wins`
 * says whose branch the hash order makes the winner (the note's text is varied until it does).
 */
function twoBranches(wins: Side, b: Record<string, unknown> = {}) {
  const base = submission('demo', { ...validAnswers('Amina'), age: 30 });
  const a = change(base, { age: 99 }, 'dev-a');
  for (let k = 0; ; k += 1) {
    const other = change(base, { notes: `from b ${k}`, ...b }, 'dev-b');
    const aWins = parseRev(a._rev).hash > parseRev(other._rev).hash;
    if (aWins === (wins === 'a')) return { base, a, b: other };
  }
}

async function merged(wins: Side) {
  const t = twoBranches(wins);
  await push([t.base], 'dev-a');
  await push([t.a], 'dev-a');
  await push([t.b], 'dev-b');
  const m = await record(t.base._id);
  expect(m._conflicts).toEqual([]);
  expect(m.answers).toMatchObject({ age: 99, notes: noteOf(t.b) });
  // The hash order is the one asked for: the merged revision continues the winner's branch.
  const winner = wins === 'a' ? t.a : t.b;
  expect(`${m._revisions.start - 1}-${m._revisions.ids[1]}`).toBe(winner._rev);
  return t;
}

describe('an edit after an automatic merge, made without pulling the merge (issue 12, item 2)', () => {
  for (const wins of sides) {
    it(`${wins} wins: device a changes again the age the merge took from it (99 → 100)`, async () => {
      const t = await merged(wins);
      await push([change(t.a, { age: 100 }, 'dev-a')], 'dev-a');
      const doc = await record(t.base._id);
      expect(doc._conflicts).toEqual([]);
      expect(await openConflicts()).toEqual([]);
      expect(doc.answers).toMatchObject({ age: 100, notes: noteOf(t.b) });
    });

    it(`${wins} wins: device a sets the age back to what it was before (99 → 30)`, async () => {
      // The old base read the value as unchanged and kept 99, with no conflict: the edit was lost.
      const t = await merged(wins);
      await push([change(t.a, { age: 30 }, 'dev-a')], 'dev-a');
      const doc = await record(t.base._id);
      expect(doc._conflicts).toEqual([]);
      expect(await openConflicts()).toEqual([]);
      expect(doc.answers).toMatchObject({ age: 30, notes: noteOf(t.b) });
    });

    it(`${wins} wins: device b changes again the note the merge took from it`, async () => {
      const t = await merged(wins);
      await push([change(t.b, { notes: 'from b, corrected' }, 'dev-b')], 'dev-b');
      const doc = await record(t.base._id);
      expect(doc._conflicts).toEqual([]);
      expect(await openConflicts()).toEqual([]);
      expect(doc.answers).toMatchObject({ age: 99, notes: 'from b, corrected' });
    });

    it(`${wins} wins: merge, edit, merge again, edit again on either side`, async () => {
      const t = await merged(wins);
      const a2 = change(t.a, { age: 100 }, 'dev-a');
      await push([a2], 'dev-a');
      await push([change(t.b, { notes: 'second note', gender: 'woman' }, 'dev-b')], 'dev-b');
      await push([change(a2, { age: 101 }, 'dev-a')], 'dev-a');
      const doc = await record(t.base._id);
      expect(doc._conflicts).toEqual([]);
      expect(await openConflicts()).toEqual([]);
      expect(doc.answers).toMatchObject({ age: 101, notes: 'second note', gender: 'woman' });
    });

    it(`${wins} wins: the admin sees only the genuine clash, against the branch the merge contains`, async () => {
      const t = await merged(wins);
      // Device a changes its own field again (no clash) and also writes a note of its own, which it
      // never saw from device b: a genuine clash with the merge's note.
      await push([change(t.a, { age: 100, notes: 'from a' }, 'dev-a')], 'dev-a');
      const [open] = (await openConflicts()) as Array<{ fields: string[] }>;
      expect(open?.fields).toEqual(['answers.notes']);
      const view = (
        await app.inject({ method: 'GET', url: `/api/admin/conflicts/demo/${t.base._id}` })
      ).json();
      expect(view.base.rev).toBe(t.a._rev);
      expect(view.fields.map((f: { path: string }) => f.path)).toEqual(['answers.notes']);
      expect(view.merged.answers).toMatchObject({ age: 100 });
    });

    it(`${wins} wins: an edit by the losing device after an admin's resolution does not reopen it`, async () => {
      // Both change the age (a genuine conflict); the admin keeps device a's 99.
      const t = twoBranches(wins, { age: 32 });
      await push([t.base], 'dev-a');
      await push([t.a], 'dev-a');
      await push([t.b], 'dev-b');
      const view = (
        await app.inject({ method: 'GET', url: `/api/admin/conflicts/demo/${t.base._id}` })
      ).json();
      expect(view.fields.map((f: { path: string }) => f.path)).toEqual(['answers.age']);
      const pick = (view.fields[0].values as unknown[]).indexOf(99);
      const res = await app.inject({
        method: 'POST',
        url: `/api/admin/conflicts/demo/${t.base._id}/resolve`,
        payload: { revs: [t.a._rev, t.b._rev], choices: { 'answers.age': { pick } } },
      });
      expect(res.statusCode, res.body).toBe(200);
      // Each device, not having pulled the resolution, edits another field.
      await push([change(t.b, { gender: 'woman' }, 'dev-b')], 'dev-b');
      await push([change(t.a, { exploitation: ['forced_labour'] }, 'dev-a')], 'dev-a');
      const doc = await record(t.base._id);
      expect(doc._conflicts).toEqual([]);
      expect(await openConflicts()).toEqual([]);
      expect(doc.answers).toMatchObject({ age: 99, gender: 'woman', exploitation: ['forced_labour'] });
    });
  }
});
