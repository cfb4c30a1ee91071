export { serverStoreConformance } from './server-store-conformance.ts';
export type { StoreFactory } from './server-store-conformance.ts';
export { freePort, startCouchServer } from './couch-server.ts';
export type { CouchServer } from './couch-server.ts';
