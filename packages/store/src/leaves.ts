import type { Revisions } from '@tern/sync';
import type { Pouch } from './pouch.ts';

/** A branch tip of a document's revision tree. */
export interface Leaf {
  rev: string;
  deleted: boolean;
  /** The leaf's history as `_revisions` (newest first). */
  revisions: Revisions;
  /** The leaf document as stored, with `_revisions`. */
  doc: Record<string, unknown>;
}

/** Every branch tip of `id`, deleted ones included; empty when the document does not exist. */
export async function leavesOf(db: Pouch, id: string): Promise<Leaf[]> {
  try {
    const opts = { open_revs: 'all', revs: true } as PouchDB.Core.GetOptions;
    const found = (await db.get(id, opts)) as unknown as Array<{
      ok?: { _rev: string; _deleted?: boolean; _revisions: Revisions };
    }>;
    return found.flatMap((r) =>
      r.ok
        ? [{ rev: r.ok._rev, deleted: r.ok._deleted === true, revisions: r.ok._revisions, doc: r.ok }]
        : [],
    );
  } catch (e) {
    if ((e as { status?: number }).status === 404) return [];
    throw e;
  }
}

/**
 * The leaves that descend from `rev` (itself when it is a leaf), for CouchDB's `latest=true`.
 * Resolved here rather than by PouchDB's `latest` option, which never answers for a rev not in the
 * tree.
 */
export function latestLeaves(leaves: Leaf[], rev: string): Leaf[] {
  const gen = Number.parseInt(rev, 10);
  const hash = rev.slice(rev.indexOf('-') + 1);
  return leaves.filter((l) => {
    const i = l.revisions.start - gen;
    return i >= 0 && i < l.revisions.ids.length && l.revisions.ids[i] === hash;
  });
}
