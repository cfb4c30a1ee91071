import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { TernStore } from './tern-store.ts';
import { startCouchServer } from './testing/couch-server.ts';
import type { CouchServer } from './testing/couch-server.ts';
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
  {
    // Behind a URL: pouchdb-server on a loopback port, started below; a fresh prefix per store, and its
    // databases deleted after (docs/decisions/172-couchdb-in-tests.md).
    name: 'CouchDB-protocol URL (pouchdb-server)',
    open: async () => {
      const prefix = `c${process.pid}_${++n}_`;
      const store = new TernStore({ kind: 'url', url: couch!.url, prefix });
      folders.set(store, prefix);
      return store;
    },
    close: async (store) => {
      const names = await store.databases();
      await store.close();
      for (const name of names)
        await fetch(`${couch!.url}${folders.get(store)}${name}`, { method: 'DELETE' });
    },
  },
];

let couch: CouchServer | undefined;
beforeAll(async () => {
  couch = await startCouchServer();
}, 60_000);
afterAll(() => couch?.stop());

for (const make of factories) {
  describe(`ServerStore conformance: ${make.name}`, () => {
    for (const [name, run] of Object.entries(serverStoreConformance)) it(name, () => run(make));
  });
}
