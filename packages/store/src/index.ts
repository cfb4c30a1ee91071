export { TernStore } from './tern-store.ts';
export type { StoreOptions } from './tern-store.ts';
export { MissionDb } from './mission-db.ts';
export type { ChangesPage, StoredResult } from './mission-db.ts';
export { MISSION_ID, assertMissionId } from './mission-id.ts';
export { StoreError } from './errors.ts';
export { SystemDb } from './system-db.ts';
export type { SystemDoc } from './system-db.ts';
