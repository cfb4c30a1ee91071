import { bodyOf } from '@tern/sync';
import type { Body, Branch, WireDoc } from '@tern/sync';
import type { MissionDb } from './mission-db.ts';

/**
 * The live leaves of a document with their bodies and histories (CouchDB `open_revs=all`):
 * https://docs.couchdb.org/en/stable/api/document/common.html#get--db-docid
 */
export async function liveBranches(db: MissionDb, id: string): Promise<Branch[]> {
  const res = (await db.db.get(id, { open_revs: 'all', revs: true })) as unknown as Array<{ ok?: WireDoc }>;
  return res.flatMap((r) =>
    r.ok && !r.ok._deleted ? [{ rev: r.ok._rev, revisions: r.ok._revisions, body: bodyOf(r.ok) }] : [],
  );
}

/** The body of one revision, or undefined when the store holds only its id (sent as history). */
export async function bodyAt(db: MissionDb, id: string, rev: string): Promise<Body | undefined> {
  try {
    const doc = (await db.db.get(id, { rev })) as unknown as WireDoc;
    return bodyOf(doc);
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 404) return undefined;
    throw e;
  }
}

/** Ids of the documents that have more than one live leaf. */
export async function conflictedIds(db: MissionDb): Promise<string[]> {
  const res = await db.db.allDocs({ include_docs: true, conflicts: true });
  return res.rows
    .filter((r) => ((r.doc as { _conflicts?: string[] } | undefined)?._conflicts?.length ?? 0) > 0)
    .map((r) => r.id);
}
