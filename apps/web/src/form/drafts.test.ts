import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../device/db.ts';
import { docsOf } from '../device/doc-repository.ts';
import type { TernDb } from '../device/db.ts';
import { unseal } from '../crypto/sealed.ts';
import { DexieSyncStorage } from '../device/local-store.ts';
import { DRAFT_REV, discardDraft, listDrafts, saveDraft, submitDraft } from './drafts.ts';

let db: TernDb;
let key: CryptoKey;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = openDb(`drafts-${n}`);
  key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
});
afterEach(async () => {
  await db.delete();
});

const base = { mission: 'demo', form: 'quick-screening@1', device: 'dev-1' };
const bodyOf = async (id: string) => {
  const row = (await docsOf(db).get(id))!;
  return unseal(key, row.id, row.rev, row.sealed);
};

describe('drafts', () => {
  it('saves a sealed draft with syncState draft, and updates it in place', async () => {
    const first = await saveDraft(db, key, { ...base, answers: { full_name: 'Amina Secret' } });
    expect(first.id).toMatch(/^sub:/);
    const row = (await docsOf(db).get(first.id))!;
    expect(row).toMatchObject({ mission: 'demo', type: 'sub', rev: DRAFT_REV, syncState: 'draft' });
    // Personal data of a draft is never in clear on the device either.
    expect(JSON.stringify(row)).not.toContain('Amina Secret');
    expect(await bodyOf(first.id)).toMatchObject({
      type: 'submission',
      answers: { full_name: 'Amina Secret' },
      device: 'dev-1',
    });
    const createdAt = row.createdAt;
    const second = await saveDraft(db, key, { ...base, id: first.id, answers: { full_name: 'AB' } });
    expect(second.id).toBe(first.id);
    expect((await docsOf(db).get(first.id))!.createdAt).toBe(createdAt);
    expect(await docsOf(db).count()).toBe(1);
    const drafts = await listDrafts(db, key, 'demo');
    expect(drafts.map((d) => [d.id, d.body.answers])).toEqual([[first.id, { full_name: 'AB' }]]);
    expect(await listDrafts(db, key, 'other')).toEqual([]);
  });

  it('is never pushed', async () => {
    await saveDraft(db, key, { ...base, answers: { full_name: 'A' } });
    const storage = new DexieSyncStorage(db, 'demo', key);
    expect(await storage.pendingCount()).toBe(0);
    expect(await storage.pending(100)).toEqual([]);
  });

  it('submitting turns the draft into a pending record whose history starts fresh', async () => {
    const draft = await saveDraft(db, key, { ...base, answers: { full_name: 'A' } });
    const row = await submitDraft(db, key, { ...base, answers: { full_name: 'A' }, draftId: draft.id });
    expect(row.syncState).toBe('pending');
    expect(row.id).toBe(draft.id);
    expect(row.rev).toMatch(/^1-/);
    expect(row.revisions.ids).toHaveLength(1);
    expect(await listDrafts(db, key, 'demo')).toEqual([]);
    expect((await docsOf(db).find()).map((r) => r.syncState)).toEqual(['pending']);
    // A late autosave of the same draft id does not bring the draft back over the record.
    await saveDraft(db, key, { ...base, id: row.id, answers: { full_name: 'late' } });
    expect((await docsOf(db).get(row.id))?.syncState).toBe('pending');
    expect((await bodyOf(row.id)).answers).toEqual({ full_name: 'A' });
  });

  it('discarding deletes only drafts', async () => {
    const draft = await saveDraft(db, key, { ...base, answers: { full_name: 'A' } });
    const record = await submitDraft(db, key, { ...base, answers: { full_name: 'B' } });
    await discardDraft(db, draft.id);
    await discardDraft(db, record.id);
    expect((await docsOf(db).find()).map((r) => r.id)).toEqual([record.id]);
  });
});
