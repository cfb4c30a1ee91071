export { TernStore } from './tern-store.ts';
export type { StoreOptions } from './tern-store.ts';
export { MissionDb } from './mission-db.ts';
export type { ChangesPage, StoredResult } from './mission-db.ts';
export { MISSION_ID, assertMissionId } from './mission-id.ts';
export { StoreError } from './errors.ts';
export { PouchSyncStorage } from './pouch-sync-storage.ts';
export { bodyAt, conflictedIds, liveBranches } from './branches.ts';
