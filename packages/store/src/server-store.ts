import type { DocStore, SystemDb } from './doc-store.ts';
import type { AttachmentStore } from './attachment-store.ts';
import type { MissionDb } from './mission-db.ts';
import type { DocLeaves, ExportSummary } from './backup-io.ts';

/**
 * The server's store, behind Tern interfaces only: no engine type crosses it, and it throws StoreErrors
 * only. Embedded PouchDB on LevelDB by default, in memory for tests; a CouchDB 3 cluster by URL is the
 * scale-out step (docs/decisions/081-sealed-store.md). One conformance suite holds every implementation
 * to the same behaviour (src/testing/server-store-conformance.ts).
 */
export interface ServerStore {
  /** A mission's records: everything devices sync. TERN_STORE_BAD_MISSION for an unsafe id. */
  mission(mission: string): MissionDb;
  /** A mission's operational records (devices, merges, conflicts, resolutions): never synced to devices. */
  ops(mission: string): DocStore;
  /** A mission's files (photos, recordings) named by sha-256, uploaded in chunks: never synced as records. */
  attachments(mission: string): AttachmentStore;
  /** Published form definitions, shared by all missions. */
  forms(): DocStore;
  /**
   * One country's Migration Profile editions (issue 15, decision 155): documents synced with the same
   * revision model as a mission's records, in their own database `profile-<iso3>`.
   * TERN_STORE_BAD_MISSION for anything but three capital letters.
   */
  profile(country: string): MissionDb;
  /** The server's own database: accounts, missions, sessions, audit. */
  system(): SystemDb;
  /**
   * Backup and restore (docs/decisions/150-backup-format.md). The names of every database the store
   * holds: `mission-<id>`, `ops-<id>`, `files-<id>`, `profile-<iso3>`, `forms`, `system`.
   */
  databases(): Promise<string[]>;
  /**
   * Every document of one database with all its leaves and their histories (conflicts and tombstones
   * kept, file bytes inlined), read while the server runs; ids for which `skip` answers true are left out.
   */
  exportDatabase(
    name: string,
    each: (doc: DocLeaves) => Promise<void> | void,
    skip?: (id: string) => boolean,
  ): Promise<ExportSummary>;
  /** Store documents read from a backup as replicated revisions; the ids refused, with why. */
  importDatabase(name: string, docs: DocLeaves[]): Promise<string[]>;
  close(): Promise<void>;
}
