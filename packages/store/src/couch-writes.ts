import { bodyOf, nextRevision } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { leavesOf } from './leaves.ts';
import type { Leaf } from './leaves.ts';
import type { StoredResult } from './mission-db.ts';
import type { Pouch } from './pouch.ts';
import { assertStorable, depthRefusal } from './storable.ts';

/**
 * Interactive writes (`_bulk_docs` with `new_edits: true`) and `_local` documents for the CouchDB
 * door. https://docs.couchdb.org/en/stable/api/database/bulk-api.html#db-bulk-docs
 */

/** A document as an HTTP client edits it: `_rev` names the revision it edits (absent for a new one). */
export interface EditDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  [field: string]: unknown;
}

export type EditResult =
  | { id: string; ok: true; rev: string }
  | { id: string; ok: false; rev?: string; error: string; reason: string };

/** Asked before a computed revision is stored; returns why it may not be, or null. */
export type EditCheck = (doc: WireDoc) => string | null;

/**
 * The new revision for one edit, or the CouchDB conflict it makes. CouchDB's rules: without `_rev` the
 * edit creates the document, or revives it when every branch is deleted; with `_rev` it must name a
 * current leaf. The new rev is Tern's own (hash of parent and body, packages/sync/src/rev-id.ts), so an
 * edit made through this door is indistinguishable from one made on a device.
 */
export function planEdit(doc: EditDoc, leaves: Leaf[]): WireDoc | 'conflict' {
  let parent: Leaf | undefined;
  if (doc._rev === undefined) {
    if (leaves.some((l) => !l.deleted)) return 'conflict';
    parent = [...leaves].sort(byGenerationThenRev).pop();
  } else {
    parent = leaves.find((l) => l.rev === doc._rev);
    if (!parent) return 'conflict';
  }
  const body = bodyOf(doc);
  const deleted = doc._deleted === true;
  const next = nextRevision(parent ? { rev: parent.rev, revisions: parent.revisions } : null, body, {
    deleted,
  });
  return {
    _id: doc._id,
    _rev: next.rev,
    _revisions: next.revisions,
    ...(deleted ? { _deleted: true } : {}),
    ...body,
  };
}

function byGenerationThenRev(a: Leaf, b: Leaf): number {
  const d = Number.parseInt(a.rev, 10) - Number.parseInt(b.rev, 10);
  return d !== 0 ? d : a.rev < b.rev ? -1 : a.rev > b.rev ? 1 : 0;
}

/**
 * Apply edits one by one (a later edit of the same id in the batch sees the earlier one). The caller
 * serialises calls per database, so no other interactive edit lands between reading the leaves and
 * writing the new revision. A replicated write may: it then only adds a branch, which is never lost.
 */
export async function applyEdits(
  db: Pouch,
  docs: EditDoc[],
  check: EditCheck,
  write: (docs: WireDoc[]) => Promise<StoredResult[]>,
): Promise<EditResult[]> {
  const results: EditResult[] = [];
  for (const doc of docs) {
    // Before the rev hash, which walks the body recursively too (storable.ts).
    const tooDeep = depthRefusal(doc);
    if (tooDeep !== null) {
      results.push({
        id: doc._id,
        ok: false,
        error: 'forbidden',
        reason: `TERN_STORE_DOC_TOO_DEEP: ${tooDeep}`,
      });
      continue;
    }
    const plan = planEdit(doc, await leavesOf(db, doc._id));
    if (plan === 'conflict') {
      results.push({ id: doc._id, ok: false, error: 'conflict', reason: 'Document update conflict.' });
      continue;
    }
    const refusal = check(plan);
    if (refusal !== null) {
      results.push({ id: doc._id, ok: false, error: 'forbidden', reason: refusal });
      continue;
    }
    const [stored] = await write([plan]);
    results.push(
      stored?.ok
        ? { id: doc._id, ok: true, rev: plan._rev }
        : {
            id: doc._id,
            ok: false,
            error: stored?.error ?? 'unknown_error',
            reason: stored?.reason ?? 'The store did not answer',
          },
    );
  }
  return results;
}

/** A `_local` document (replication checkpoint): never replicated, no history, rev `0-N`; or undefined. */
export async function getLocal(db: Pouch, id: string): Promise<Record<string, unknown> | undefined> {
  try {
    return (await db.get(`_local/${id}`)) as unknown as Record<string, unknown>;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return undefined;
    throw e;
  }
}

/** Write a `_local` document; `_rev` must be the current one (409 conflict otherwise), as in CouchDB. */
export async function putLocal(
  db: Pouch,
  id: string,
  doc: Record<string, unknown>,
): Promise<{ ok: true; id: string; rev: string }> {
  const local = { ...doc, _id: `_local/${id}` };
  assertStorable(local, `_local/${id}`);
  const res = await db.put(local as PouchDB.Core.PutDocument<Record<string, unknown>>);
  return { ok: true, id: res.id, rev: res.rev };
}
