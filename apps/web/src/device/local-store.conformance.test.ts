import 'fake-indexeddb/auto';
import { afterAll, describe, it } from 'vitest';
import { purgeConformance, storageConformance } from '@tern/sync/testing';
import { openDb } from './db.ts';
import type { TernDb } from './db.ts';
import { DexieSyncStorage } from './local-store.ts';
import { saveDoc } from './save-doc.ts';
import { unseal } from '../crypto/sealed.ts';

const opened: TernDb[] = [];
afterAll(async () => {
  await Promise.all(opened.map((db) => db.delete()));
});
let n = 0;

describe('SyncStorage conformance: Dexie (fake-indexeddb)', () => {
  for (const [name, run] of Object.entries({ ...storageConformance, ...purgeConformance })) {
    it(name, () =>
      run(async (mission) => {
        const db = openDb(`conformance-${++n}`);
        opened.push(db);
        const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
          'encrypt',
          'decrypt',
        ]);
        return {
          storage: new DexieSyncStorage(db, mission, key),
          save: async (id, body) => (await saveDoc(db, key, { mission, id, body })).rev,
          read: async (id) => {
            const row = await db.docs.get(id);
            return (
              row && {
                rev: row.rev,
                body: await unseal(key, row.id, row.rev, row.sealed),
                state: row.syncState,
              }
            );
          },
        };
      }),
    );
  }
});
