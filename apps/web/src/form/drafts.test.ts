import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../db.ts';
import type { TernDb } from '../db.ts';
import { DexieSyncStorage } from '../local-store.ts';
import { DRAFT_REV, discardDraft, listDrafts, loadDraft, saveDraft, submitDraft } from './drafts.ts';

let db: TernDb;
let n = 0;
beforeEach(() => {
  n += 1;
  db = openDb(`drafts-${n}`);
});
afterEach(async () => {
  await db.delete();
});

const base = { mission: 'demo', form: 'quick-screening@1', device: 'dev-1' };

describe('drafts', () => {
  it('saves a draft in the records shape with syncState draft, and updates it in place', async () => {
    const first = await saveDraft(db, { ...base, answers: { full_name: 'A' } });
    expect(first).toMatchObject({
      mission: 'demo',
      type: 'sub',
      rev: DRAFT_REV,
      syncState: 'draft',
      body: { type: 'submission', form: 'quick-screening@1', answers: { full_name: 'A' }, device: 'dev-1' },
    });
    expect(first.id).toMatch(/^sub:/);
    const second = await saveDraft(db, { ...base, id: first.id, answers: { full_name: 'AB' } });
    expect(second.id).toBe(first.id);
    expect(second.body.createdAt).toBe(first.body.createdAt);
    expect(await db.docs.count()).toBe(1);
    expect((await loadDraft(db, first.id))?.body.answers).toEqual({ full_name: 'AB' });
    expect((await listDrafts(db, 'demo')).map((d) => d.id)).toEqual([first.id]);
    expect(await listDrafts(db, 'other')).toEqual([]);
  });

  it('is never pushed', async () => {
    await saveDraft(db, { ...base, answers: { full_name: 'A' } });
    const storage = new DexieSyncStorage(db, 'demo');
    expect(await storage.pendingCount()).toBe(0);
    expect(await storage.pending(100)).toEqual([]);
  });

  it('submitting replaces the draft with a pending record whose history starts fresh', async () => {
    const draft = await saveDraft(db, { ...base, answers: { full_name: 'A' } });
    const row = await submitDraft(db, { ...base, answers: { full_name: 'A' }, draftId: draft.id });
    expect(row.syncState).toBe('pending');
    expect(row.rev).toMatch(/^1-/);
    expect(row.revisions.ids).toHaveLength(1);
    expect(await loadDraft(db, draft.id)).toBeNull();
    expect((await db.docs.toArray()).map((r) => r.syncState)).toEqual(['pending']);
    // A late autosave of the same draft id does not bring it back over nothing … nor over a record.
    const late = await saveDraft(db, { ...base, id: row.id, answers: { full_name: 'late' } });
    expect(late.syncState).toBe('pending');
    expect((await db.docs.get(row.id))?.body.answers).toEqual({ full_name: 'A' });
  });

  it('discarding deletes only drafts', async () => {
    const draft = await saveDraft(db, { ...base, answers: { full_name: 'A' } });
    const record = await submitDraft(db, { ...base, answers: { full_name: 'B' } });
    await discardDraft(db, draft.id);
    await discardDraft(db, record.id);
    expect((await db.docs.toArray()).map((r) => r.id)).toEqual([record.id]);
  });
});
