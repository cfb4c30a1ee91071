import type { Pouch } from './pouch.ts';

/**
 * A document's revision tree as PouchDB keeps it in its metadata: roots at a generation, each node
 * `[hash, opts, children]`. https://github.com/pouchdb/pouchdb/blob/master/packages/node_modules/pouchdb-merge
 */
export type RevTree = Array<{ pos: number; ids: RevNode }>;
type RevNode = [string, Record<string, unknown>, RevNode[]];

/**
 * `_getRevisionTree` is the adapter method PouchDB's own `revsDiff`, `bulkDocs` and compaction read
 * metadata with; every adapter has it (LevelDB and memory share pouchdb-adapter-leveldb-core). It is
 * not public API, but it reads one metadata record and no document body, where `get` with
 * `open_revs=all` reads the metadata twice and every leaf's body (about 5× the time for a batch of
 * 100: decision 097). PouchDB is pinned; the conformance suite checks what is built on it on both
 * adapters.
 */
interface TreeReader {
  _getRevisionTree(id: string, cb: (err: { status?: number } | null, tree?: RevTree) => void): void;
}

/**
 * PouchDB's public methods wait until the database is open; an adapter method does not. The first
 * `info()` of a handle opens it; later calls wait for nothing.
 */
const opened = new WeakMap<Pouch, Promise<unknown>>();

/** Whether this handle reads revision trees from its own metadata (the embedded store, not a URL). */
export function canReadTrees(db: Pouch): boolean {
  return typeof (db as unknown as Partial<TreeReader>)._getRevisionTree === 'function';
}

/** The revision trees of these documents, all read at once; undefined for a document never stored. */
export async function revisionTrees(db: Pouch, ids: string[]): Promise<Array<RevTree | undefined>> {
  let open = opened.get(db);
  if (!open) {
    open = db.info();
    opened.set(db, open);
  }
  await open;
  const reader = db as unknown as TreeReader;
  if (typeof reader._getRevisionTree !== 'function')
    return Promise.all(ids.map((id) => treeOverHttp(db, id)));
  return Promise.all(
    ids.map(
      (id) =>
        new Promise<RevTree | undefined>((ok, fail) =>
          reader._getRevisionTree(id, (err, tree) => {
            if (err) return err.status === 404 ? ok(undefined) : fail(err);
            ok(tree);
          }),
        ),
    ),
  );
}

/**
 * PouchDB's HTTP adapter (a store behind TERN_STORE_URL) has no metadata read: the tree is made from
 * every leaf with its history (`open_revs=all&revs=true`), and which revisions still have their bodies
 * from each leaf's `revs_info` (one more request per leaf). A CouchDB 3 cluster compacts ancestor
 * bodies away on its own (docs/decisions/172-couchdb-in-tests.md): they are then missing, as CouchDB's
 * own `_revs_diff` says.
 */
interface RevInfo {
  rev: string;
  status: string;
}

async function treeOverHttp(db: Pouch, id: string): Promise<RevTree | undefined> {
  let leaves: Array<{
    ok?: { _rev?: string; _deleted?: boolean; _revisions?: { start: number; ids: string[] } };
  }>;
  try {
    leaves = (await db.get(id, { open_revs: 'all', revs: true })) as unknown as typeof leaves;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return undefined;
    throw e;
  }
  const roots: RevTree = [];
  for (const { ok } of leaves) {
    if (!ok?._revisions) continue;
    const { start, ids } = ok._revisions;
    const pos = start - ids.length + 1;
    // Oldest first: walk down from the root, adding the nodes this leaf's path lacks.
    const oldest = ids[ids.length - 1]!;
    let root = roots.find((r) => r.pos === pos && r.ids[0] === oldest)?.ids;
    if (!root) {
      root = [oldest, { status: 'missing' }, []];
      roots.push({ pos, ids: root });
    }
    let node: RevNode = root;
    for (let i = ids.length - 2; i >= 0; i--) {
      let child: RevNode | undefined = node[2].find((c) => c[0] === ids[i]);
      if (!child) {
        child = [ids[i]!, { status: 'missing' }, []];
        node[2].push(child);
      }
      node = child;
    }
    node[1] = { status: 'available', ...(ok._deleted ? { deleted: true } : {}) };
  }
  const status = new Map<string, string>();
  await Promise.all(
    leaves.map(async ({ ok }) => {
      if (!ok?._rev) return;
      const info = (await db.get(id, { rev: ok._rev, revs_info: true })) as { _revs_info?: RevInfo[] };
      for (const r of info._revs_info ?? []) if (r.status === 'available') status.set(r.rev, r.status);
    }),
  );
  const mark = (node: RevNode, pos: number) => {
    const stack: Array<[RevNode, number]> = [[node, pos]];
    while (stack.length > 0) {
      const [n, p] = stack.pop()!;
      if (status.has(`${p}-${n[0]}`)) n[1] = { ...n[1], status: 'available' };
      for (const c of n[2]) stack.push([c, p + 1]);
    }
  };
  for (const root of roots) mark(root.ids, root.pos);
  return roots.length > 0 ? roots : undefined;
}

/** How many leaves (live or deleted) a tree has; iterative, as trees may be 1000 revisions deep. */
export function leafCount(tree: RevTree): number {
  let leaves = 0;
  const stack: RevNode[] = tree.map((root) => root.ids);
  while (stack.length > 0) {
    const [, , children] = stack.pop()!;
    if (children.length === 0) leaves += 1;
    else stack.push(...children);
  }
  return leaves;
}

/** A leaf of a revision tree and the way to its ancestors. */
export interface TreeLeaf {
  rev: string;
  deleted: boolean;
  /** Whether `rev` is this leaf or one of its ancestors (CouchDB's `latest`). */
  descendsFrom(rev: string): boolean;
}

/** What a tree says without reading any body: revisions whose bodies are stored, and the leaves. */
export interface TreeFacts {
  /** Revisions stored with their bodies (`status: 'available'`); the others are known by id only. */
  available: Set<string>;
  leaves: TreeLeaf[];
}

/** One walk over the tree, with parent links instead of copied paths (trees can be 1000 deep). */
export function treeFacts(tree: RevTree): TreeFacts {
  const revs: string[] = [];
  const parents: number[] = [];
  const available = new Set<string>();
  const leaves: TreeLeaf[] = [];
  const stack: Array<{ node: RevNode; pos: number; parent: number }> = tree.map((root) => ({
    node: root.ids,
    pos: root.pos,
    parent: -1,
  }));
  const descendsFrom = (leaf: number) => (rev: string) => {
    for (let i = leaf; i >= 0; i = parents[i]!) if (revs[i] === rev) return true;
    return false;
  };
  while (stack.length > 0) {
    const { node, pos, parent } = stack.pop()!;
    const [hash, opts, children] = node;
    const rev = `${pos}-${hash}`;
    const index = revs.push(rev) - 1;
    parents.push(parent);
    if (opts.status === 'available') available.add(rev);
    if (children.length === 0)
      leaves.push({ rev, deleted: opts.deleted === true, descendsFrom: descendsFrom(index) });
    for (const child of children) stack.push({ node: child, pos: pos + 1, parent: index });
  }
  return { available, leaves };
}

/**
 * The history of revision `rev` as `_revisions` (CouchDB `revs=true`): its hash and its ancestors',
 * newest first, up to the oldest the tree keeps. Undefined when the tree does not hold `rev`. One
 * iterative walk with parent links (trees may be 1000 revisions deep).
 */
export function historyIn(tree: RevTree, rev: string): { start: number; ids: string[] } | undefined {
  const dash = rev.indexOf('-');
  const pos = Number(rev.slice(0, dash));
  const hash = rev.slice(dash + 1);
  const hashes: string[] = [];
  const parents: number[] = [];
  const stack: Array<{ node: RevNode; pos: number; parent: number }> = tree.map((root) => ({
    node: root.ids,
    pos: root.pos,
    parent: -1,
  }));
  while (stack.length > 0) {
    const { node, pos: at, parent } = stack.pop()!;
    const index = hashes.push(node[0]) - 1;
    parents.push(parent);
    if (at === pos && node[0] === hash) {
      const ids: string[] = [];
      for (let i = index; i >= 0; i = parents[i]!) ids.push(hashes[i]!);
      return { start: pos, ids };
    }
    // Nothing below `pos` can be it.
    if (at < pos) for (const child of node[2]) stack.push({ node: child, pos: at + 1, parent: index });
  }
  return undefined;
}
