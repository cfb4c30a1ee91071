import { readFileSync } from 'node:fs';
import PouchDB from 'pouchdb';

/**
 * A full disk for the fault campaign, loaded into the real server process with `--import` (test code:
 * nothing in apps/ or packages/ knows about it). A non-root test cannot mount a tiny tmpfs, so the
 * disk is a budget of documents in the file `TERN_SOAK_DISK_BUDGET` names (`{"docs": N}`), written by
 * the campaign: every PouchDB write (`bulkDocs`, which `put` uses too) spends one unit per document; the
 * write that does not fit stores the documents that fit and then fails the way LevelDB does when the
 * disk is full (an IO error, no CouchDB status). Deleting the file frees the space.
 */
const file = process.env.TERN_SOAK_DISK_BUDGET;
let seen = '';
let left = Infinity;

function free(): number {
  let text: string;
  if (!file) return Infinity;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    seen = '';
    return (left = Infinity);
  }
  if (text !== seen) {
    seen = text;
    left = Number((JSON.parse(text) as { docs: number }).docs);
  }
  return left;
}

type Callback = (err: unknown, res?: unknown) => void;
type BulkDocs = (req: unknown, opts?: unknown, cb?: Callback) => Promise<unknown>;

const COUNTED = 'soakDiskCounted';

/** `bulkDocs` of one database, spending the budget; the write that does not fit fails as LevelDB does. */
function limited(db: { name: string }, original: BulkDocs): BulkDocs {
  // PouchDB takes a trailing function as the callback: an `undefined` in its place would be taken for one.
  const call = (req: unknown, opts: unknown, cb?: Callback) =>
    cb ? original(req, opts, cb) : original(req, opts);
  return (req: unknown, opts?: unknown, cb?: Callback) => {
    if (typeof opts === 'function') {
      cb = opts as Callback;
      opts = {};
    }
    // PouchDB queues a call made before the database is open and makes it again later (with copied
    // arguments): once counted, the same call passes, marked by an option PouchDB ignores.
    if ((opts as { [COUNTED]?: boolean } | undefined)?.[COUNTED]) return call(req, opts, cb);
    opts = { ...(opts as object), [COUNTED]: true };
    const docs = (Array.isArray(req) ? req : (req as { docs: unknown[] }).docs) as unknown[];
    const room = free();
    if (docs.length <= room) {
      if (room !== Infinity) left -= docs.length;
      return call(req, opts, cb);
    }
    left = 0;
    const fits = docs.slice(0, room);
    const written = fits.length
      ? call(Array.isArray(req) ? fits : { ...(req as object), docs: fits }, opts)
      : Promise.resolve();
    const failed = written.then(() => {
      throw Object.assign(new Error(`IO error: ${db.name}/000001.log: No space left on device`), {
        code: 'ENOSPC',
      });
    });
    if (!cb) return failed;
    failed.then(
      (r) => cb!(null, r),
      (e) => cb!(e),
    );
    return failed.catch(() => undefined);
  };
}

// PouchDB 9 makes its API methods per instance in `_setup` (`put` calls `this.bulkDocs`), so the hook
// wraps each database's own `bulkDocs` once it is set up. The exported constructor calls its parent
// class's `_setup` by name (PouchInternal.prototype._setup.call), so that is the one to wrap.
const proto = Object.getPrototypeOf(PouchDB.prototype) as { _setup(...args: unknown[]): unknown };
const setup = proto._setup;
proto._setup = function (this: { name: string; bulkDocs: BulkDocs }, ...args: unknown[]) {
  const r = setup.apply(this, args);
  this.bulkDocs = limited(this, this.bulkDocs.bind(this));
  return r;
};
