import 'fake-indexeddb/auto';
import { afterAll, describe, it } from 'vitest';
import { storageConformance } from '@tern/sync/testing';
import { openDb } from './db.ts';
import type { TernDb } from './db.ts';
import { DexieSyncStorage } from './local-store.ts';
import { saveDoc } from './save-doc.ts';

const opened: TernDb[] = [];
afterAll(async () => {
  await Promise.all(opened.map((db) => db.delete()));
});
let n = 0;

describe('SyncStorage conformance: Dexie (fake-indexeddb)', () => {
  for (const [name, run] of Object.entries(storageConformance)) {
    it(name, () =>
      run(async (mission) => {
        const db = openDb(`conformance-${++n}`);
        opened.push(db);
        return {
          storage: new DexieSyncStorage(db, mission),
          save: async (id, body) => (await saveDoc(db, { mission, id, body })).rev,
          read: async (id) => {
            const row = await db.docs.get(id);
            return row && { rev: row.rev, body: row.body, state: row.syncState };
          },
        };
      }),
    );
  }
});
