import { describe, it } from 'vitest';
import { MemorySyncStorage } from './memory-storage.ts';
import { storageConformance } from './testing/storage-conformance.ts';

describe('SyncStorage conformance: in-memory', () => {
  for (const [name, run] of Object.entries(storageConformance)) {
    it(name, () =>
      run(async () => {
        const storage = new MemorySyncStorage();
        return {
          storage,
          save: (id, body) => storage.save(id, body),
          read: async (id) => storage.read(id),
        };
      }),
    );
  }
});
