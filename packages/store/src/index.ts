// The public surface of @tern/store: Tern interfaces and errors only, no PouchDB type
// (docs/decisions/081-sealed-store.md).
export type { ServerStore } from './server-store.ts';
export { TernStore } from './tern-store.ts';
export type { StoreOptions } from './tern-store.ts';
export type {
  ChangeList,
  ChangeListWithWinners,
  ChangesPage,
  MissionDb,
  StoredResult,
} from './mission-db.ts';
export type { DocStore, ListOptions, StoredDoc, SystemDb, SystemDoc } from './doc-store.ts';
export { MISSION_ID, assertMissionId } from './mission-id.ts';
export { STORE_ERROR_CODES, StoreError, isStoreError } from './errors.ts';
export type { StoreErrorCode } from './errors.ts';
export { MAX_DOC_DEPTH } from './storable.ts';
export { PouchSyncStorage } from './pouch-sync-storage.ts';
export { bodyAt, conflictedIds, liveBranches } from './branches.ts';
export type { CouchChange, CouchChangesOptions, DocReadOptions } from './couch-reads.ts';
export type { EditCheck, EditDoc, EditResult } from './couch-writes.ts';
export type { AttachmentStatus, AttachmentStore, StoredFile } from './attachment-store.ts';
export type { DocLeaves, ExportSummary } from './backup-io.ts';
