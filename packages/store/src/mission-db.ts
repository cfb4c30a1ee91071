import type { WireDoc } from '@tern/sync';
import { waitForChange } from './change-waiter.ts';
import { bulkGet, changesPage, readDoc, revsDiff } from './couch-reads.ts';
import type { CouchChangesOptions, DocReadOptions } from './couch-reads.ts';
import { applyEdits, getLocal, putLocal } from './couch-writes.ts';
import type { EditCheck, EditDoc, EditResult } from './couch-writes.ts';

type Db = PouchDB.Database<Record<string, unknown>>;

export interface StoredResult {
  id: string;
  rev: string;
  ok: boolean;
  error?: string;
  reason?: string;
}

export interface ChangesPage {
  docs: WireDoc[];
  /** Update sequence after the last change returned, as an opaque string. */
  lastSeq: string;
  /** True when changes are still waiting after `lastSeq`. */
  more: boolean;
}

/**
 * One mission's database. Writes are replicated writes (`new_edits: false`): the revision made on
 * the device is stored as is, with its history, and every branch is kept.
 * https://docs.couchdb.org/en/stable/api/database/bulk-api.html#replicator-mode
 */
export class MissionDb {
  constructor(
    readonly mission: string,
    readonly db: Db,
  ) {}

  /** Store revisions made elsewhere. Idempotent: a revision already present changes nothing. */
  async writeReplicated(docs: WireDoc[]): Promise<StoredResult[]> {
    if (docs.length === 0) return [];
    const res = await this.db.bulkDocs(
      docs as unknown as PouchDB.Core.PutDocument<Record<string, unknown>>[],
      {
        new_edits: false,
      },
    );
    // With new_edits:false PouchDB returns only errors (or nothing); successes are implicit.
    const errors = new Map<string, PouchDB.Core.Error>();
    for (const r of res as Array<PouchDB.Core.Response | PouchDB.Core.Error>) {
      if ('error' in r && r.error && r.id) errors.set(r.id, r as PouchDB.Core.Error);
    }
    return docs.map((d) => {
      const e = errors.get(d._id);
      return e
        ? {
            id: d._id,
            rev: d._rev,
            ok: false,
            error: String(e.name ?? e.error),
            reason: String(e.message ?? e.reason),
          }
        : { id: d._id, rev: d._rev, ok: true };
    });
  }

  /** Changes after `since` (winning revisions, with `_revisions`), oldest first. */
  async changesSince(since: string | null, limit: number, maxBytes = Infinity): Promise<ChangesPage> {
    // Ask for one more than wanted: its presence says more is waiting (PouchDB's `pending` is not
    // reported by every adapter), and the checkpoint is the seq of the last change returned.
    const changes = await this.db.changes({
      since: since === null ? 0 : sinceValue(since),
      limit: limit + 1,
      include_docs: false,
      return_docs: true,
    });
    let more = changes.results.length > limit;
    let results = changes.results.slice(0, limit);
    const docs: WireDoc[] = [];
    if (results.length > 0) {
      const got = await this.db.bulkGet({ docs: results.map((c) => ({ id: c.id })), revs: true });
      // A page also ends at a byte budget (always at least one document), so a page of large
      // documents stays a reasonable response; the checkpoint is then the last change included.
      let bytes = 0;
      for (let i = 0; i < got.results.length; i++) {
        const ok = got.results[i]!.docs.flatMap((d) => ('ok' in d ? [d.ok as unknown as WireDoc] : []));
        const size = maxBytes === Infinity ? 0 : ok.reduce((n, d) => n + JSON.stringify(d).length, 0);
        if (i > 0 && bytes + size > maxBytes) {
          results = results.slice(0, i);
          more = true;
          break;
        }
        bytes += size;
        docs.push(...ok);
      }
    }
    const lastSeq = more ? String(results[results.length - 1]?.seq ?? since ?? 0) : String(changes.last_seq);
    return { docs, lastSeq, more };
  }

  /** The winning revision of a document with its history, or undefined. */
  async get(id: string): Promise<WireDoc | undefined> {
    try {
      return (await this.db.get(id, { revs: true, conflicts: true })) as unknown as WireDoc;
    } catch (e) {
      if ((e as { status?: number }).status === 404) return undefined;
      throw e;
    }
  }

  async allDocs(): Promise<WireDoc[]> {
    const res = await this.db.allDocs({ include_docs: true });
    return res.rows.flatMap((r) => (r.doc ? [r.doc as unknown as WireDoc] : []));
  }

  async docCount(): Promise<number> {
    return (await this.db.info()).doc_count;
  }

  // The CouchDB replication door (docs/protocol.md, "CouchDB door"). Thin: the rules live in
  // couch-reads.ts, couch-writes.ts and change-waiter.ts.
  private editChain: Promise<unknown> = Promise.resolve();

  /** `GET /db/docid` with rev, revs, conflicts, latest, open_revs. Throws PouchDB's 404 when absent. */
  readDoc(id: string, opts: DocReadOptions): Promise<Record<string, unknown> | Record<string, unknown>[]> {
    return readDoc(this.db, id, opts);
  }
  bulkGet(docs: Array<{ id: string; rev?: string }>, opts: { revs: boolean; latest: boolean }) {
    return bulkGet(this.db, docs, opts);
  }
  revsDiff(request: Record<string, string[]>) {
    return revsDiff(this.db, request);
  }
  couchChanges(opts: CouchChangesOptions) {
    return changesPage(this.db, opts);
  }
  waitForChange(since: number | string, ms: number, signal: AbortSignal): Promise<boolean> {
    return waitForChange(this.db, since, ms, signal);
  }
  /** Interactive edits (`new_edits: true`), one call at a time per mission. */
  writeEdits(docs: EditDoc[], check: EditCheck): Promise<EditResult[]> {
    const run = this.editChain.then(() => applyEdits(this.db, docs, check, (d) => this.writeReplicated(d)));
    this.editChain = run.catch(() => undefined);
    return run;
  }
  getLocal(id: string): Promise<Record<string, unknown>> {
    return getLocal(this.db, id);
  }
  putLocal(id: string, doc: Record<string, unknown>) {
    return putLocal(this.db, id, doc);
  }
  async info(): Promise<{ docCount: number; updateSeq: number | string }> {
    const i = await this.db.info();
    return { docCount: i.doc_count, updateSeq: i.update_seq };
  }
}

function sinceValue(since: string): number | string {
  return /^[0-9]+$/.test(since) ? Number(since) : since;
}
