export { TernStore } from './tern-store.ts';
export type { StoreOptions } from './tern-store.ts';
export { MissionDb } from './mission-db.ts';
export type { ChangesPage, StoredResult } from './mission-db.ts';
export { MISSION_ID, assertMissionId } from './mission-id.ts';
export { StoreError } from './errors.ts';
export type { CouchChange, CouchChangesOptions, DocReadOptions } from './couch-reads.ts';
export type { EditCheck, EditDoc, EditResult } from './couch-writes.ts';
export type { Leaf } from './leaves.ts';
