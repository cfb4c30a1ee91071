import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isProfileError, newProfile } from '@tern/profiles';
import type { ProfileBody } from '@tern/profiles';
import { openDb } from '../device/db.ts';
import type { TernDb } from '../device/db.ts';
import { listRecords } from '../records/submissions.ts';
import { rememberAccount, unlockOffline } from '../session/keyring.ts';
import { localEditions, profileScope, saveEdition } from './profile-store.ts';

let db: TernDb;
let n = 0;
const aesKey = () =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
beforeEach(() => {
  n += 1;
  db = openDb(`profile-store-${n}`);
});
afterEach(async () => {
  await db.delete();
});

const SECRET = 'Reviewer note: the 2022 register figure is provisional';
function draft(): ProfileBody {
  const p = newProfile({
    country: 'KEN',
    title: { en: 'Migration in Kenya' },
    languages: ['en'],
    by: 'national',
    at: '2026-06-01T09:00:00.000Z',
    device: 'dev-1',
  });
  const s = p.sections['migration-trends'];
  return {
    ...p,
    sections: {
      ...p.sections,
      'migration-trends': { ...s, paragraphs: [{ _id: 'p1', text: { en: SECRET } }] },
    },
  };
}

describe('profile editions on the device (decision 186)', () => {
  it('are stored sealed under the country key, listed back, and unreadable with another key', async () => {
    const key = await aesKey();
    await saveEdition(db, key, draft(), undefined);
    const rows = await db.docs.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe('profile:KEN:1');
    expect(rows[0]!.mission).toBe(profileScope('KEN'));
    expect(rows[0]!.syncState).toBe('pending');
    // Nothing of the text is in clear in IndexedDB.
    expect(JSON.stringify(rows[0], (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v))).not.toContain(
      'provisional',
    );

    const mine = await localEditions(db, key, 'KEN');
    expect(mine.map((e) => [e.doc.edition.number, e.pending])).toEqual([[1, true]]);
    expect(mine[0]!.doc.sections['migration-trends'].paragraphs[0]!.text.en).toBe(SECRET);

    await expect(localEditions(db, await aesKey(), 'KEN')).rejects.toThrow();
    // A mission's record list never shows them.
    expect(await listRecords(db, key, 'demo')).toEqual([]);
  });

  it('refuses an invalid edition and stores nothing', async () => {
    const key = await aesKey();
    const bad = { ...draft(), country: 'XXX' };
    const e: unknown = await saveEdition(db, key, bad, undefined).catch((x: unknown) => x);
    expect(isProfileError(e, 'TERN_PROFILE_INVALID')).toBe(true);
    expect(await db.docs.count()).toBe(0);
  });

  it('refuses an edit made on a revision that moved on (a sync brought another)', async () => {
    const key = await aesKey();
    await saveEdition(db, key, draft(), undefined);
    const [first] = await localEditions(db, key, 'KEN');
    await saveEdition(db, key, { ...first!.doc, title: { en: 'One' } }, first!.rev);
    await expect(saveEdition(db, key, { ...first!.doc, title: { en: 'Two' } }, first!.rev)).rejects.toThrow();
    expect((await localEditions(db, key, 'KEN'))[0]!.doc.title.en).toBe('One');
  });

  it('keeps country keys wrapped under the password: an offline login opens them, a wrong password nothing', async () => {
    const raw = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
    const online = await rememberAccount(
      db,
      { username: 'national', role: 'statistician', missions: [] },
      'right-pass',
      {},
      { KEN: raw },
    );
    expect([...online.profileKeys.keys()]).toEqual(['KEN']);
    await saveEdition(db, online.profileKeys.get('KEN')!, draft(), undefined);
    const offline = await unlockOffline(db, 'national', 'right-pass');
    expect(await localEditions(db, offline.profileKeys.get('KEN')!, 'KEN')).toHaveLength(1);
    // An account with no mission key is still checked: the country key must unwrap.
    await expect(unlockOffline(db, 'national', 'wrong-pass')).rejects.toThrow(/Wrong username or password/);
  });
});
