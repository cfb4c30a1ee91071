import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json.ts';
import type { Body, Revisions } from './types.ts';

/**
 * Revision ids `N-hash`, as in CouchDB: N is the generation (parent's + 1), hash identifies the edit.
 * https://docs.couchdb.org/en/stable/replication/conflicts.html#revision-tree
 *
 * Tern's hash is SHA-256 (first 128 bits, hex) over the canonical JSON of the parent rev, the deleted
 * flag and the body. So the id is deterministic: the same edit on two devices gives the same rev, and a
 * retried push of the same edit never creates a second branch.
 */
export const DEFAULT_REVS_LIMIT = 1000;

export function parseRev(rev: string): { gen: number; hash: string } {
  const m = /^([1-9][0-9]*)-([0-9a-zA-Z]+)$/.exec(rev);
  if (!m) throw new TypeError(`Invalid revision id: ${JSON.stringify(rev)} (expected N-hash)`);
  return { gen: Number(m[1]), hash: m[2]! };
}

export function revHash(parentRev: string | null, body: Body, deleted = false): string {
  const input = canonicalJson({ parent: parentRev, deleted, body });
  return bytesToHex(sha256(utf8ToBytes(input))).slice(0, 32);
}

export function computeRev(parentRev: string | null, body: Body, deleted = false): string {
  const gen = parentRev === null ? 1 : parseRev(parentRev).gen + 1;
  return `${gen}-${revHash(parentRev, body, deleted)}`;
}

/** The rev and `_revisions` after an edit of a document whose current state is `parent` (null when new). */
export function nextRevision(
  parent: { rev: string; revisions: Revisions } | null,
  body: Body,
  opts: { deleted?: boolean; revsLimit?: number } = {},
): { rev: string; revisions: Revisions } {
  const rev = computeRev(parent?.rev ?? null, body, opts.deleted ?? false);
  const { gen, hash } = parseRev(rev);
  const ids = [hash, ...(parent?.revisions.ids ?? [])].slice(0, opts.revsLimit ?? DEFAULT_REVS_LIMIT);
  return { rev, revisions: { start: gen, ids } };
}

/** Full rev ids of a `_revisions` history, newest first. */
export function revsFromHistory(revisions: Revisions): string[] {
  return revisions.ids.map((hash, i) => `${revisions.start - i}-${hash}`);
}

/** Whether `rev` is `revisions`' leaf or one of its ancestors. */
export function historyContains(revisions: Revisions, rev: string): boolean {
  const { gen, hash } = parseRev(rev);
  const i = revisions.start - gen;
  return i >= 0 && i < revisions.ids.length && revisions.ids[i] === hash;
}

/** Whether a document's stated rev matches what its body and parent give (compact door integrity check). */
export function verifyRev(
  doc: { _rev: string; _revisions: Revisions; _deleted?: boolean },
  body: Body,
): boolean {
  const history = revsFromHistory(doc._revisions);
  if (history[0] !== doc._rev) return false;
  const parent = history[1] ?? null;
  if (parent === null && doc._revisions.start !== 1) {
    // History truncated by a revs limit: the parent is unknown, so the hash cannot be checked.
    return true;
  }
  return computeRev(parent, body, doc._deleted ?? false) === doc._rev;
}
