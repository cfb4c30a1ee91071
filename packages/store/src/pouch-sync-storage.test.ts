import { describe, it } from 'vitest';
import { storageConformance } from '@tern/sync/testing';
import { PouchSyncStorage } from './pouch-sync-storage.ts';

let n = 0;
describe('SyncStorage conformance: PouchDB', () => {
  for (const [name, run] of Object.entries(storageConformance)) {
    it(name, () =>
      run(async () => {
        const storage = new PouchSyncStorage({
          kind: 'memory',
          name: `pouch-conformance-${Date.now()}-${++n}`,
        });
        return { storage, save: (id, body) => storage.save(id, body), read: (id) => storage.read(id) };
      }),
    );
  }
});
