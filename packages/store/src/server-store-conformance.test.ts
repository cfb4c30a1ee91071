import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { TernStore } from './tern-store.ts';
import { serverStoreConformance } from './testing/server-store-conformance.ts';
import type { StoreFactory } from './testing/server-store-conformance.ts';

let n = 0;
const folders = new WeakMap<object, string>();

const factories: StoreFactory[] = [
  {
    name: 'memory',
    open: async () => new TernStore({ kind: 'memory', prefix: `conformance-${process.pid}-${++n}` }),
    close: (store) => store.close(),
  },
  {
    name: 'LevelDB',
    open: async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'tern-store-conformance-'));
      const store = new TernStore({ kind: 'leveldb', dataDir });
      folders.set(store, dataDir);
      return store;
    },
    close: async (store) => {
      await store.close();
      const dir = folders.get(store);
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  },
];

for (const make of factories) {
  describe(`ServerStore conformance: ${make.name}`, () => {
    for (const [name, run] of Object.entries(serverStoreConformance)) it(name, () => run(make));
  });
}
