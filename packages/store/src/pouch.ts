import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';

// PouchDB's Node build ships the LevelDB adapter; the memory adapter is for fast unit tests only.
PouchDB.plugin(memoryAdapter);

export { PouchDB };
