import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextRevision } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { openDb } from '../device/db.ts';
import { docsOf } from '../device/doc-repository.ts';
import type { TernDb } from '../device/db.ts';
import { DexieSyncStorage, toWire } from '../device/local-store.ts';
import { listRecords, saveSubmission } from '../records/submissions.ts';
import { RecordChangedError } from '../device/record-changed-error.ts';
import { unseal } from '../crypto/sealed.ts';

let db: TernDb;
let key: CryptoKey;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = openDb(`review-${n}`);
  key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
});
afterEach(async () => {
  await db.delete();
});

const answers = (age: number) => ({ full_name: 'Amina', interview_date: '2026-11-20', age });

/** A synced record on the device and the wire form of a server revision on top of it. */
async function syncedRecord() {
  const saved = await saveSubmission(db, key, {
    mission: 'demo',
    form: 'quick-screening@1',
    answers: answers(30),
    device: 'd1',
  });
  // The server accepted it (as a sync's push would say).
  await new DexieSyncStorage(db, 'demo', key).acknowledge([{ id: saved.id, rev: saved.rev, ok: true }]);
  const row = (await docsOf(db).get(saved.id))!;
  const onTop = (extra: Record<string, unknown>): WireDoc => {
    const body = { ...saved.body, answers: answers(31) };
    const { rev, revisions } = nextRevision({ rev: row.rev, revisions: row.revisions }, body);
    return { ...body, _id: row.id, _rev: rev, _revisions: revisions, ...extra };
  };
  return { saved, row, onTop };
}

describe('review state on the device', () => {
  it('keeps _conflicts and _disputed in clear on the row, never in the sealed body', async () => {
    const { saved, onTop } = await syncedRecord();
    const storage = new DexieSyncStorage(db, 'demo', key);
    const pulled = onTop({ _conflicts: ['2-abc'], _disputed: ['answers.age'] });
    await storage.applyPulled([pulled], '1');
    const row = (await docsOf(db).get(saved.id))!;
    expect(row.rev).toBe(pulled._rev);
    expect(row.review).toEqual({ leaves: ['2-abc'], disputed: ['answers.age'] });
    const body = await unseal(key, row.id, row.rev, row.sealed);
    expect(Object.keys(body).some((k) => k.startsWith('_'))).toBe(false);
  });

  it('marks the record when the pulled winner is the revision the device already holds', async () => {
    const { saved, row } = await syncedRecord();
    const storage = new DexieSyncStorage(db, 'demo', key);
    const same = { ...toWire(row, saved.body), _conflicts: ['2-x'], _disputed: ['answers.notes'] };
    await storage.applyPulled([same], '1');
    expect((await docsOf(db).get(saved.id))!.review).toEqual({
      leaves: ['2-x'],
      disputed: ['answers.notes'],
    });
    // A later pull of the same revision without them: resolved.
    await storage.applyPulled([toWire(row, saved.body)], '2');
    expect((await docsOf(db).get(saved.id))!.review).toBeUndefined();
  });

  it('clears the mark when a later revision comes without _conflicts', async () => {
    const { saved, onTop } = await syncedRecord();
    const storage = new DexieSyncStorage(db, 'demo', key);
    await storage.applyPulled([onTop({ _conflicts: ['2-abc'], _disputed: ['answers.age'] })], '1');
    const marked = (await docsOf(db).get(saved.id))!;
    const body = { ...saved.body, answers: answers(40) };
    const next = nextRevision({ rev: marked.rev, revisions: marked.revisions }, body);
    await storage.applyPulled([{ ...body, _id: saved.id, _rev: next.rev, _revisions: next.revisions }], '2');
    const row = (await docsOf(db).get(saved.id))!;
    expect(row.rev).toBe(next.rev);
    expect(row.review).toBeUndefined();
  });

  it('keeps the mark across a local edit, which is a new revision of the same id', async () => {
    const { saved, onTop } = await syncedRecord();
    const storage = new DexieSyncStorage(db, 'demo', key);
    const pulled = onTop({ _conflicts: ['2-abc'], _disputed: ['answers.age'] });
    await storage.applyPulled([pulled], '1');
    const edited = await saveSubmission(db, key, {
      mission: 'demo',
      form: 'quick-screening@1',
      answers: answers(33),
      device: 'd2',
      id: saved.id,
      edit: { rev: pulled._rev, by: 'interviewer' },
    });
    expect(edited.id).toBe(saved.id);
    expect(edited.revisions.ids[1]).toBe(pulled._rev.split('-')[1]);
    expect(edited.body).toMatchObject({ updatedBy: 'interviewer', device: 'd2' });
    const row = (await docsOf(db).get(saved.id))!;
    expect(row.syncState).toBe('pending');
    expect(row.review).toEqual({ leaves: ['2-abc'], disputed: ['answers.age'] });
    const [listed] = await listRecords(db, key, 'demo');
    expect(listed!.review?.disputed).toEqual(['answers.age']);
  });

  it('refuses an edit of a record that moved on while it was open', async () => {
    const { saved, row, onTop } = await syncedRecord();
    await new DexieSyncStorage(db, 'demo', key).applyPulled([onTop({})], '1');
    await expect(
      saveSubmission(db, key, {
        mission: 'demo',
        form: 'quick-screening@1',
        answers: answers(35),
        device: 'd1',
        id: saved.id,
        edit: { rev: row.rev, by: 'interviewer' },
      }),
    ).rejects.toBeInstanceOf(RecordChangedError);
  });
});
