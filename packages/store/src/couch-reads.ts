import { latestLeaves, leavesOf } from './leaves.ts';
import type { Pouch } from './pouch.ts';
import { revisionTrees, treeFacts } from './rev-trees.ts';
import type { RevTree } from './rev-trees.ts';

/**
 * Reads behind the CouchDB replication door, delegated to PouchDB so that the answers have exactly the
 * shapes a CouchDB replicator expects.
 * https://docs.couchdb.org/en/stable/replication/protocol.html
 */
type Json = Record<string, unknown>;

export interface DocReadOptions {
  rev?: string;
  revs?: boolean;
  conflicts?: boolean;
  latest?: boolean;
  /** `'all'` or a list of revs: answer `[{ok: doc} | {missing: rev}]` instead of one document. */
  openRevs?: 'all' | string[];
}

export interface CouchChangesOptions {
  /** 'now', a number (one store) or an opaque string (a CouchDB cluster): passed on as it is. */
  since: number | string;
  limit: number;
  allDocs: boolean;
  includeDocs: boolean;
  conflicts: boolean;
}

export interface CouchChange {
  seq: number | string;
  id: string;
  changes: Array<{ rev: string }>;
  deleted?: boolean;
  doc?: Json;
}

/** A document, one revision of it, or several open revisions, as `GET /db/docid` answers. */
export async function readDoc(db: Pouch, id: string, o: DocReadOptions): Promise<Json | Json[]> {
  const opts: Json = {};
  if (o.revs) opts.revs = true;
  if (o.conflicts) opts.conflicts = true;
  let rev = o.rev;
  let openRevs = o.openRevs;
  if (o.latest && (rev !== undefined || Array.isArray(openRevs))) {
    const leaves = await leavesOf(db, id);
    const latest = (r: string) => latestLeaves(leaves, r).map((l) => l.rev);
    if (Array.isArray(openRevs)) openRevs = openRevs.flatMap((r) => (latest(r).length > 0 ? latest(r) : [r]));
    else if (rev !== undefined) rev = latest(rev)[0] ?? rev;
  }
  if (rev !== undefined) opts.rev = rev;
  if (openRevs !== undefined) opts.open_revs = openRevs;
  const got = (await db.get(id, opts as PouchDB.Core.GetOptions)) as unknown as Json | Json[];
  if (!Array.isArray(got)) return got;
  // PouchDB's HTTP adapter turns CouchDB's `{missing: rev}` into an error object: back to CouchDB's shape.
  const shaped = got.map((r) => (typeof r.missing === 'string' ? { missing: r.missing } : r));
  if (!Array.isArray(openRevs)) return shaped;
  // PouchDB answers a list of revisions in the order its reads finish (a loaded machine changes it):
  // answered in the order asked, so every engine gives the same answer.
  const asked = openRevs;
  const place = (r: Json) => {
    const rev = typeof r.missing === 'string' ? r.missing : (r.ok as Json | undefined)?._rev;
    const i = typeof rev === 'string' ? asked.indexOf(rev) : -1;
    return i < 0 ? asked.length : i;
  };
  return shaped.sort((a, b) => place(a) - place(b));
}

/**
 * `_bulk_get`: one result per request, `{id, docs: [{ok: doc} | {error}]}`. Without a rev, the
 * winner; with `latest`, every leaf that descends from the rev (CouchDB's rule). All documents are
 * read at once, and `latest` reads the revision trees (no bodies) to fetch only the leaves it answers.
 */
export async function bulkGet(
  db: Pouch,
  docs: Array<{ id: string; rev?: string }>,
  o: { revs: boolean; latest: boolean },
): Promise<{ results: Json[] }> {
  const latest = docs.filter((d) => d.rev !== undefined && o.latest).map((d) => d.id);
  const trees = new Map<string, RevTree | undefined>();
  const found = await revisionTrees(db, [...new Set(latest)]);
  [...new Set(latest)].forEach((id, i) => trees.set(id, found[i]));
  const results = await Promise.all(
    docs.map(async ({ id, rev }): Promise<Json> => {
      const missing = (r: string) => ({ error: { id, rev: r, error: 'not_found', reason: 'missing' } });
      if (rev !== undefined && o.latest) {
        const tree = trees.get(id);
        // Newest generation first, as PouchDB lists leaves.
        const leaves = (tree ? treeFacts(tree).leaves.filter((l) => l.descendsFrom(rev)) : []).sort(
          (a, b) => generation(b.rev) - generation(a.rev),
        );
        const answer = await Promise.all(
          leaves.map(async (l) => ({ ok: await db.get(id, { rev: l.rev, revs: o.revs }) })),
        );
        return { id, docs: answer.length > 0 ? answer : [missing(rev)] };
      }
      try {
        const doc = await db.get(id, { ...(rev !== undefined ? { rev } : {}), revs: o.revs });
        return { id, docs: [{ ok: doc }] };
      } catch (e) {
        if ((e as { status?: number }).status !== 404) throw e;
        return { id, docs: [rev !== undefined ? missing(rev) : missing('undefined')] };
      }
    }),
  );
  return { results };
}

/**
 * `_revs_diff`: for each id, the revs this database lacks, and `possible_ancestors`: the leaves it
 * holds whose generation is below the highest missing one (CouchDB's rule; replicators may send them
 * as `atts_since`). A rev known only by id (its body never arrived) counts as missing, as in CouchDB.
 * One read of each revision tree answers both, for every id at once (rev-trees.ts).
 */
export async function revsDiff(
  db: Pouch,
  request: Record<string, string[]>,
): Promise<Record<string, { missing: string[]; possible_ancestors?: string[] }>> {
  const ids = Object.keys(request);
  const trees = await revisionTrees(db, ids);
  const out: Record<string, { missing: string[]; possible_ancestors?: string[] }> = {};
  ids.forEach((id, i) => {
    const tree = trees[i];
    const facts = tree ? treeFacts(tree) : undefined;
    const missing = [...new Set(request[id])].filter((r) => !facts?.available.has(r));
    if (missing.length === 0) return;
    const top = Math.max(...missing.map(generation));
    const ancestors = (facts?.leaves ?? []).map((l) => l.rev).filter((r) => generation(r) < top);
    out[id] = ancestors.length > 0 ? { missing, possible_ancestors: ancestors } : { missing };
  });
  return out;
}

/** One page of `_changes`, oldest first; `last_seq` is the seq of the last result, or `since`. */
export async function changesPage(
  db: Pouch,
  o: CouchChangesOptions,
): Promise<{ results: CouchChange[]; last_seq: number | string }> {
  const res = await db.changes({
    since: o.since,
    limit: o.limit,
    style: o.allDocs ? 'all_docs' : 'main_only',
    include_docs: o.includeDocs,
    conflicts: o.conflicts,
    return_docs: true,
  } as PouchDB.Core.ChangesOptions);
  const results = res.results.map((c) => {
    const change: CouchChange = { seq: c.seq, id: c.id, changes: c.changes };
    if (c.deleted) change.deleted = true;
    if (o.includeDocs && c.doc) change.doc = c.doc as unknown as Json;
    return change;
  });
  return { results, last_seq: res.last_seq };
}

function generation(rev: string): number {
  const n = Number.parseInt(rev, 10);
  return Number.isFinite(n) ? n : 0;
}
