export { serverStoreConformance } from './server-store-conformance.ts';
export type { StoreFactory } from './server-store-conformance.ts';
