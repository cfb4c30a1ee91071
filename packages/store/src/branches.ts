import type { Body, Branch } from '@tern/sync';
import type { MissionDb } from './mission-db.ts';

// Free functions over MissionDb, kept for the server's merge code (merge/auto-merge.ts,
// merge/conflict-view.ts); each store implements them as methods.

/**
 * The live leaves of a document with their bodies and histories (CouchDB `open_revs=all`):
 * https://docs.couchdb.org/en/stable/api/document/common.html#get--db-docid
 */
export function liveBranches(db: MissionDb, id: string): Promise<Branch[]> {
  return db.liveBranches(id);
}

/** The body of one revision, or undefined when the store holds only its id (sent as history). */
export function bodyAt(db: MissionDb, id: string, rev: string): Promise<Body | undefined> {
  return db.bodyAt(id, rev);
}

/** Ids of the documents that have more than one live leaf. */
export function conflictedIds(db: MissionDb): Promise<string[]> {
  return db.conflictedIds();
}
