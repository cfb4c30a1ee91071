import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';

// PouchDB's Node build ships the LevelDB adapter; the memory adapter is for fast unit tests only.
PouchDB.plugin(memoryAdapter);

/** A PouchDB database as the store uses it. Internal: no PouchDB type leaves packages/store. */
export type Pouch = PouchDB.Database<Record<string, unknown>>;

export { PouchDB };
