import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../device/db.ts';
import type { TernDb } from '../device/db.ts';
import { BackupFileError, encryptedBackup, parseBackup } from './backup.ts';
import { saveDraft } from '../form/drafts.ts';
import { listRecords, saveSubmission } from '../records/submissions.ts';
import { decideRestore } from './restore-rule.ts';
import { restoreBackup } from './restore.ts';
import { newProfile } from '@tern/profiles';
import { localEditions, saveEdition } from '../profiles/profile-store.ts';
import { keysByScope } from '../profiles/profile-scope.ts';

let n = 0;
let a: TernDb;
let b: TernDb;
let key: CryptoKey;
let keys: Map<string, CryptoKey>;
beforeEach(async () => {
  n += 1;
  a = openDb(`restore-a-${n}`);
  b = openDb(`restore-b-${n}`);
  key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  keys = new Map([['m1', key]]);
});
afterEach(async () => {
  await a.delete();
  await b.delete();
});

const save = (db: TernDb, name: string, id?: string) =>
  saveSubmission(db, key, {
    mission: 'm1',
    form: 'quick-screening@1',
    answers: { full_name: name },
    device: 'dev-1',
    ...(id ? { id } : {}),
  });
const backupOf = async (db: TernDb) => parseBackup(await (await encryptedBackup(db, 'amina')).text());
const names = async (db: TernDb) =>
  (await listRecords(db, key, 'm1'))
    .map((r) => String((r.body.answers as { full_name: string }).full_name))
    .sort();

describe('restoring an encrypted backup', () => {
  it('adds what the device lacks, and a second restore of the same file changes nothing', async () => {
    await save(a, 'Amina');
    await save(a, 'Bilal');
    const file = await backupOf(a);
    expect(await restoreBackup(b, keys, file)).toEqual({
      added: 2,
      replaced: 0,
      skipped: 0,
      diverged: 0,
      unreadable: 0,
    });
    expect(await names(b)).toEqual(['Amina', 'Bilal']);
    expect((await b.docs.toArray()).map((r) => r.syncState)).toEqual(['pending', 'pending']);
    expect(await restoreBackup(b, keys, file)).toMatchObject({ added: 0, skipped: 2 });
  });

  it('never overwrites a newer local revision; takes a newer one from the file', async () => {
    const first = await save(a, 'Amina v1');
    const old = await backupOf(a);
    await restoreBackup(b, keys, old);
    // Edited on the device after the backup: the backup's revision is an ancestor, skipped.
    await save(b, 'Amina v2 on device', first.id);
    expect(await restoreBackup(b, keys, old)).toMatchObject({ skipped: 1, replaced: 0 });
    expect(await names(b)).toEqual(['Amina v2 on device']);
    // A file made later on the other device descends from what this device had: taken.
    const c = openDb(`restore-c-${n}`);
    await restoreBackup(c, keys, await backupOf(b));
    await save(b, 'Amina v3 on device', first.id);
    expect(await restoreBackup(c, keys, await backupOf(b))).toMatchObject({ replaced: 1 });
    expect(await names(c)).toEqual(['Amina v3 on device']);
    await c.delete();
  });

  it('keeps the device copy when both sides edited apart, and counts it', async () => {
    const first = await save(a, 'Amina');
    await restoreBackup(b, keys, await backupOf(a));
    await save(a, 'edited in the file', first.id);
    await save(b, 'edited here', first.id);
    expect(await restoreBackup(b, keys, await backupOf(a))).toMatchObject({ diverged: 1, replaced: 0 });
    expect(await names(b)).toEqual(['edited here']);
  });

  it('refuses rows of a mission the account holds no key for, or that do not open with its key', async () => {
    await save(a, 'Amina');
    const file = await backupOf(a);
    expect(await restoreBackup(b, new Map(), file)).toMatchObject({ unreadable: 1, added: 0 });
    const other = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    expect(await restoreBackup(b, new Map([['m1', other]]), file)).toMatchObject({ unreadable: 1 });
    expect(await b.docs.count()).toBe(0);
  });

  it('drafts: a saved record beats the draft it came from; a newer draft autosave replaces an older', async () => {
    const d = await saveDraft(a, key, { mission: 'm1', form: 'quick-screening@1', answers: {}, device: 'x' });
    const draftFile = await backupOf(a);
    await restoreBackup(b, keys, draftFile);
    await save(b, 'saved from the draft', d.id);
    expect(await restoreBackup(b, keys, draftFile)).toMatchObject({ skipped: 1 });
    expect(await names(b)).toEqual(['saved from the draft']);
    expect(
      decideRestore(
        { rev: '0-draft', revisions: { start: 0, ids: [] }, updatedAt: '2026-01-01' },
        {
          rev: '0-draft',
          revisions: { start: 0, ids: [] },
          updatedAt: '2026-01-02',
        },
      ),
    ).toBe('replace');
  });

  it('refuses a file that is not a Tern backup or has a damaged row', () => {
    expect(() => parseBackup('nope')).toThrow(BackupFileError);
    expect(() => parseBackup('{"format":"other"}')).toThrow(/not a Tern backup/);
    expect(() =>
      parseBackup(JSON.stringify({ format: 'tern-encrypted-backup', version: 2, docs: [{ id: 1 }] })),
    ).toThrow(/record 1 is damaged/);
    expect(() =>
      parseBackup(JSON.stringify({ format: 'tern-encrypted-backup', version: 99, docs: [] })),
    ).toThrow(/newer/);
  });
});

describe('restoring Migration Profile editions', () => {
  it('brings a draft edition back with the records, opened with the country key', async () => {
    const kenya = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    await save(a, 'Amina');
    const draft = newProfile({
      country: 'KEN',
      title: { en: 'Migration in Kenya' },
      languages: ['en'],
      by: 'national',
      at: '2026-06-01T09:00:00.000Z',
      device: 'dev-1',
    });
    await saveEdition(a, kenya, draft, undefined);
    const file = await backupOf(a);
    expect(file.docs.map((d) => d.mission).sort()).toEqual(['m1', 'profile-KEN']);
    // Without the country key (the account has no role on Kenya): counted, never stored.
    expect(await restoreBackup(b, keysByScope(keys), file)).toMatchObject({ added: 1, unreadable: 1 });
    expect(await localEditions(b, kenya, 'KEN')).toEqual([]);
    // With it: the edition comes back, still pending its first sync.
    const all = keysByScope(keys, new Map([['KEN', kenya]]));
    expect(await restoreBackup(b, all, file)).toMatchObject({ added: 1, skipped: 1, unreadable: 0 });
    const back = await localEditions(b, kenya, 'KEN');
    expect(back.map((e) => [e.doc.title.en, e.pending])).toEqual([['Migration in Kenya', true]]);
    // Another country's key does not open Kenya's edition.
    const uganda = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const c = openDb(`restore-c-${n}`);
    try {
      const wrong = new Map([[`profile-KEN`, uganda]]);
      expect(await restoreBackup(c, wrong, file)).toMatchObject({ added: 0, unreadable: 2 });
    } finally {
      await c.delete();
    }
  });
});
