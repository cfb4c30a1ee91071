import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeRev, nextRevision, parseRev } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { edit, submission, validAnswers } from '../fixtures.ts';
import { bulkDocs, hostileApp, push } from './hostile-member.ts';
import type { Hostile } from './hostile-member.ts';

/**
 * Issue 11, item 3: "a member of a mission can make another person's record disappear behind a forged
 * revision". Each case below succeeded on the old main: the forged revision became the winner, the
 * interviewer's tombstone deleted an approved record, and an edit kept "approved" over new answers.
 */
let h: Hostile;
beforeAll(async () => {
  h = await hostileApp();
});
afterAll(() => h.t.close());

const at = '2026-11-26T10:00:00.000Z';
const winner = async (id: string) => (await h.t.store.mission('demo').get(id))!;

/** A revision at generation `gen` whose history is only itself: it continues nothing. */
function forgedAt(doc: WireDoc, gen: number, changes: Record<string, unknown>): WireDoc {
  const { _id, _rev: _r, _revisions: _h, ...body } = doc;
  const next = { ...body, ...changes };
  const hash = parseRev(computeRev(`${gen - 1}-0`, next)).hash;
  return { _id, _rev: `${gen}-${hash}`, _revisions: { start: gen, ids: [hash] }, ...next };
}

describe('forged and destructive revisions by a member of the mission (issue 11, item 3)', () => {
  it('compact door: a 999-generation revision with a one-id history does not replace the record', async () => {
    const real = submission('demo', validAnswers('Amina'));
    await push(h, h.interviewer, [real]);
    const forged = forgedAt(real, 999, { answers: validAnswers('Forged') });
    const [r] = await push(h, h.interviewer, [forged]);
    expect(r).toMatchObject({ ok: false, code: 'TERN_REV_HISTORY', field: '_revisions' });
    expect((await winner(real._id))._rev).toBe(real._rev);
  });

  it('compact door: a new record whose history is cut short is refused', async () => {
    const doc = forgedAt(submission('demo', validAnswers('Bilal')), 7, {});
    const [r] = await push(h, h.interviewer, [doc]);
    expect(r).toMatchObject({ ok: false, code: 'TERN_REV_HISTORY' });
    expect((r as { reason: string }).reason).toMatch(/generation 1/);
  });

  it('CouchDB door: replication (new_edits:false) is not for interviewers', async () => {
    const doc = submission('demo', validAnswers('Chen'));
    const r = await bulkDocs(h, h.interviewer, JSON.stringify({ new_edits: false, docs: [doc] }));
    expect(r.status).toBe(403);
    expect(await h.t.store.mission('demo').get(doc._id)).toBeUndefined();
  });

  it('CouchDB door: even a replicator cannot plant a history that does not connect', async () => {
    const real = submission('demo', validAnswers('Dana'));
    await push(h, h.interviewer, [real]);
    const forged = forgedAt(real, 999, { answers: validAnswers('Forged') });
    const r = await bulkDocs(h, h.officer, JSON.stringify({ new_edits: false, docs: [forged] }));
    expect(r.status).toBe(201);
    expect(r.json).toEqual([
      expect.objectContaining({ error: 'forbidden', reason: expect.stringMatching(/TERN_REV_HISTORY/) }),
    ]);
    expect((await winner(real._id))._rev).toBe(real._rev);
  });

  it('CouchDB door, default mode: an interviewer cannot delete an approved record', async () => {
    const doc = submission('demo', validAnswers('Eli'));
    await push(h, h.interviewer, [doc]);
    const approved = edit(doc, { review: { state: 'approved', by: 'data_officer', at } });
    expect((await push(h, h.officer, [approved]))[0]!.ok).toBe(true);
    const r = await bulkDocs(
      h,
      h.interviewer,
      JSON.stringify({ docs: [{ _id: doc._id, _rev: approved._rev, _deleted: true }] }),
    );
    expect(r.status).toBe(201);
    expect(r.json).toEqual([
      expect.objectContaining({ error: 'forbidden', reason: expect.stringMatching(/TERN_DELETE_FORBIDDEN/) }),
    ]);
    expect((await winner(doc._id))._rev).toBe(approved._rev);
  });

  it('compact door: an interviewer cannot push a tombstone either', async () => {
    const doc = submission('demo', validAnswers('Fatima'));
    await push(h, h.interviewer, [doc]);
    const t = nextRevision({ rev: doc._rev, revisions: doc._revisions }, {}, { deleted: true });
    const [r] = await push(h, h.interviewer, [
      { _id: doc._id, _rev: t.rev, _revisions: t.revisions, _deleted: true },
    ]);
    expect(r).toMatchObject({ ok: false, code: 'TERN_DELETE_FORBIDDEN' });
    expect((await winner(doc._id))._rev).toBe(doc._rev);
  });

  it('a data officer deletes with a reason, and the record stays in the history', async () => {
    const doc = submission('demo', validAnswers('Gabriel'));
    await push(h, h.interviewer, [doc]);
    const bare = nextRevision({ rev: doc._rev, revisions: doc._revisions }, {}, { deleted: true });
    const [noReason] = await push(h, h.officer, [
      { _id: doc._id, _rev: bare.rev, _revisions: bare.revisions, _deleted: true },
    ]);
    expect(noReason).toMatchObject({ ok: false, code: 'TERN_DELETE_FORBIDDEN', field: 'deletion' });

    const body = {
      mission: 'demo',
      deletion: { by: 'data_officer', at, reason: 'Duplicate of another case' },
    };
    const t = nextRevision({ rev: doc._rev, revisions: doc._revisions }, body, { deleted: true });
    const [ok] = await push(h, h.officer, [
      { _id: doc._id, _rev: t.rev, _revisions: t.revisions, _deleted: true, ...body },
    ]);
    expect(ok).toMatchObject({ ok: true });
    expect(await h.t.store.mission('demo').get(doc._id)).toBeUndefined();
    const old = (await h.t.store.mission('demo').readDoc(doc._id, { rev: doc._rev })) as Record<
      string,
      unknown
    >;
    expect(old.answers).toEqual(validAnswers('Gabriel'));
  });

  it('an interviewer may still edit on a branch the automatic merge closed (the history connects)', async () => {
    const base = submission('demo', validAnswers('Hana'));
    await push(h, h.interviewer, [base]);
    const a = edit(base, { answers: { ...validAnswers('Hana'), age: 31 } });
    const b = edit(base, {
      device: 'dev-b',
      answers: { ...validAnswers('Hana'), interview_date: '2026-11-21' },
    });
    await push(h, h.interviewer, [a]);
    await push(h, h.interviewer, [b]);
    const merged = await winner(base._id);
    expect(merged._rev.startsWith('3-')).toBe(true);
    // Whichever branch lost was closed by a tombstone; its device edits on top of it, offline.
    const loser = merged._revisions.ids[1] === a._rev.split('-')[1] ? b : a;
    const later = edit(loser, { answers: { ...(loser.answers as object), age: 40 } });
    const [r] = await push(h, h.interviewer, [later]);
    expect(r).toMatchObject({ ok: true });
  });
});
