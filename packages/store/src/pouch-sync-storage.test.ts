import { describe, it } from 'vitest';
import { storageConformance } from '@tern/sync/testing';
import { PouchDB } from './pouch.ts';
import { PouchSyncStorage } from './pouch-sync-storage.ts';

let n = 0;
describe('SyncStorage conformance: PouchDB', () => {
  for (const [name, run] of Object.entries(storageConformance)) {
    it(name, () =>
      run(async () => {
        const storage = new PouchSyncStorage(
          new PouchDB(`pouch-conformance-${Date.now()}-${++n}`, { adapter: 'memory' }),
        );
        return { storage, save: (id, body) => storage.save(id, body), read: (id) => storage.read(id) };
      }),
    );
  }
});
