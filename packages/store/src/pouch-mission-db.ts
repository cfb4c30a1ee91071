import { bodyOf } from '@tern/sync';
import type { Body, Branch, WireDoc } from '@tern/sync';
import { waitForChange } from './change-waiter.ts';
import { bulkGet, changesPage, readDoc, revsDiff } from './couch-reads.ts';
import type { CouchChangesOptions, DocReadOptions } from './couch-reads.ts';
import { applyEdits, getLocal, putLocal } from './couch-writes.ts';
import type { EditCheck, EditDoc, EditResult } from './couch-writes.ts';
import type {
  ChangeList,
  ChangeListWithWinners,
  ChangesPage,
  MissionDb,
  StoredResult,
} from './mission-db.ts';
import type { Pouch } from './pouch.ts';
import { canReadTrees, historyIn, leafCount, revisionTrees } from './rev-trees.ts';
import { randomBytes } from 'node:crypto';
import { StoreError, isStoreError } from './errors.ts';
import { translated } from './pouch-errors.ts';
import { depthRefusal } from './storable.ts';

/** MissionDb over one PouchDB database (LevelDB or memory). The PouchDB handle never leaves it. */
export class PouchMissionDb implements MissionDb {
  constructor(
    readonly mission: string,
    private readonly db: Pouch,
    /** True behind a URL (a CouchDB cluster may answer opaque sequences); the embedded store: numbers. */
    readonly opaqueSequences = false,
  ) {}

  private what(op: string): string {
    return `mission ${this.mission}: ${op}`;
  }

  async writeReplicated(docs: WireDoc[]): Promise<StoredResult[]> {
    if (docs.length === 0) return [];
    // Refused before PouchDB sees them: its encoding would overflow the stack out of reach (storable.ts).
    const refused = new Map<WireDoc, string>();
    for (const d of docs) {
      const why = depthRefusal(d);
      if (why) refused.set(d, why);
    }
    const storable = docs.filter((d) => !refused.has(d));
    const errors = new Map<string, { name?: string; error?: unknown; message?: string; reason?: unknown }>();
    if (storable.length > 0) {
      const res = await translated(this.what('write'), () =>
        this.db.bulkDocs(storable as unknown as PouchDB.Core.PutDocument<Record<string, unknown>>[], {
          new_edits: false,
        }),
      );
      // With new_edits:false PouchDB returns only errors (or nothing); successes are implicit.
      for (const r of res as Array<PouchDB.Core.Response | PouchDB.Core.Error>) {
        if ('error' in r && r.error && r.id) errors.set(r.id, r as PouchDB.Core.Error);
      }
    }
    return docs.map((d): StoredResult => {
      const why = refused.get(d);
      if (why)
        return {
          id: d._id,
          rev: d._rev,
          ok: false,
          error: 'forbidden',
          reason: `TERN_STORE_DOC_TOO_DEEP: ${why}`,
          code: 'TERN_STORE_DOC_TOO_DEEP',
        };
      const e = errors.get(d._id);
      return e
        ? {
            id: d._id,
            rev: d._rev,
            ok: false,
            error: String(e.name ?? e.error),
            reason: String(e.message ?? e.reason),
            code: 'TERN_STORE_INVALID',
          }
        : { id: d._id, rev: d._rev, ok: true };
    });
  }

  /**
   * Asks for one more change than wanted: its presence says more is waiting (PouchDB's `pending` is not
   * reported by every adapter).
   */
  changeList(since: string | null, limit: number): Promise<ChangeList> {
    return translated(this.what('changes'), async () => {
      const changes = await this.db.changes({
        since: since === null ? 0 : sinceValue(since),
        limit: limit + 1,
        include_docs: false,
        return_docs: true,
      });
      const more = changes.results.length > limit;
      const list = changes.results.slice(0, limit).map((c) => ({ id: c.id, seq: String(c.seq) }));
      const lastSeq = more ? (list[list.length - 1]?.seq ?? since ?? '0') : String(changes.last_seq);
      return { changes: list, lastSeq, more };
    });
  }

  /**
   * The changes with their winners in one pass over the changes feed (decision 227): the feed reads
   * each change's metadata and winning body anyway, so it is asked for the bodies (`include_docs`,
   * tombstones included) and each history is made from the document's revision tree (one metadata
   * read, no body), instead of a second read of every body with `_bulk_get`. The same documents as
   * `winnersWithHistory` gives, about twice as fast on LevelDB. A store behind a URL (no tree reads)
   * takes the two reads.
   */
  changeListWithWinners(since: string | null, limit: number): Promise<ChangeListWithWinners> {
    if (!canReadTrees(this.db))
      return (async () => {
        const list = await this.changeList(since, limit);
        return { ...list, docs: await this.winnersWithHistory(list.changes.map((c) => c.id)) };
      })();
    return translated(this.what('changes'), async () => {
      const feed = await this.db.changes({
        since: since === null ? 0 : sinceValue(since),
        limit: limit + 1,
        include_docs: true,
        return_docs: true,
      });
      const more = feed.results.length > limit;
      const rows = feed.results.slice(0, limit);
      const changes = rows.map((c) => ({ id: c.id, seq: String(c.seq) }));
      const lastSeq = more ? (changes[changes.length - 1]?.seq ?? since ?? '0') : String(feed.last_seq);
      const trees = await revisionTrees(
        this.db,
        rows.map((c) => c.id),
      );
      const docs = rows.map((c, i): WireDoc | undefined => {
        const doc = c.doc as unknown as WireDoc | undefined;
        const history = doc && trees[i] ? historyIn(trees[i], doc._rev) : undefined;
        return doc && history ? { ...doc, _revisions: history } : undefined;
      });
      // A document written between the two reads (its tree read after the feed) is read again whole.
      const again = rows.flatMap((c, i) => (docs[i] === undefined ? [i] : []));
      if (again.length > 0) {
        const read = await this.winnersWithHistory(again.map((i) => rows[i]!.id));
        again.forEach((i, k) => (docs[i] = read[k]));
      }
      return { changes, lastSeq, more, docs };
    });
  }

  updateSeq(): Promise<string> {
    return translated(this.what('info'), async () => String((await this.db.info()).update_seq));
  }

  /** The revision trees of these ids only (metadata, no bodies), all read at once (rev-trees.ts). */
  branched(ids: string[]): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return Promise.resolve(new Set());
    return translated(this.what('read leaves'), async () => {
      const trees = await revisionTrees(this.db, unique);
      return new Set(unique.filter((_, i) => (trees[i] ? leafCount(trees[i]) : 0) > 1));
    });
  }

  /**
   * `_bulk_get` without a rev answers not-found for a deleted document, so the ids it misses are looked
   * up once more in `_all_docs` (which names a deleted winner's rev) and their tombstones read by rev:
   * a device must pull a deletion like any other change (issue 12).
   */
  winnersWithHistory(ids: string[]): Promise<Array<WireDoc | undefined>> {
    if (ids.length === 0) return Promise.resolve([]);
    return translated(this.what('read'), async () => {
      const got = await this.db.bulkGet({ docs: ids.map((id) => ({ id })), revs: true });
      const out = got.results.map(okDoc);
      const missing = ids.filter((_, i) => out[i] === undefined);
      if (missing.length === 0) return out;
      const rows = await this.db.allDocs({ keys: [...new Set(missing)] });
      const deleted = rows.rows.flatMap((r) =>
        'value' in r && r.value?.deleted ? [{ id: r.id, rev: r.value.rev }] : [],
      );
      if (deleted.length === 0) return out;
      const tombs = await this.db.bulkGet({ docs: deleted, revs: true });
      const byId = new Map(tombs.results.map((r) => [r.id, okDoc(r)]));
      return out.map((d, i) => d ?? byId.get(ids[i]!));
    });
  }

  existing(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return Promise.resolve(new Set());
    return translated(this.what('read'), async () => {
      // A stored document has a revision tree, deleted or not. Metadata only: allDocs with keys takes
      // a read lock, counts the documents and opens an iterator per key (5× the time for 100 ids).
      const trees = await revisionTrees(this.db, ids);
      return new Set(ids.filter((_, i) => trees[i] !== undefined));
    });
  }

  /** The page ends at a byte budget too; the checkpoint is then the last change included. */
  async changesSince(since: string | null, limit: number, maxBytes = Infinity): Promise<ChangesPage> {
    const list = await this.changeList(since, limit);
    const docs: WireDoc[] = [];
    let bytes = 0;
    let lastSeq = list.lastSeq;
    let more = list.more;
    const winners = await this.winnersWithHistory(list.changes.map((c) => c.id));
    for (let i = 0; i < winners.length; i++) {
      const doc = winners[i];
      const size = doc && maxBytes !== Infinity ? JSON.stringify(doc).length : 0;
      if (i > 0 && bytes + size > maxBytes) {
        lastSeq = list.changes[i - 1]!.seq;
        more = true;
        break;
      }
      bytes += size;
      if (doc) docs.push(doc);
    }
    return { docs, lastSeq, more };
  }

  get(id: string): Promise<WireDoc | undefined> {
    return absentAsUndefined(
      translated(
        this.what(`read ${id}`),
        async () => (await this.db.get(id, { revs: true, conflicts: true })) as unknown as WireDoc,
      ),
    );
  }

  allDocs(): Promise<WireDoc[]> {
    return translated(this.what('read all'), async () => {
      const res = await this.db.allDocs({ include_docs: true });
      return res.rows.flatMap((r) => (r.doc ? [r.doc as unknown as WireDoc] : []));
    });
  }

  async docCount(): Promise<number> {
    return (await this.info()).docCount;
  }

  async liveBranches(id: string): Promise<Branch[]> {
    // An unknown id has no leaves (PouchDB answers open_revs=all for it with a 404).
    const res = await absentAsUndefined(
      translated(
        this.what(`leaves of ${id}`),
        async () =>
          (await this.db.get(id, { open_revs: 'all', revs: true })) as unknown as Array<{ ok?: WireDoc }>,
      ),
    );
    return (res ?? []).flatMap((r) =>
      r.ok && !r.ok._deleted ? [{ rev: r.ok._rev, revisions: r.ok._revisions, body: bodyOf(r.ok) }] : [],
    );
  }

  async bodyAt(id: string, rev: string): Promise<Body | undefined> {
    const doc = await absentAsUndefined(
      translated(this.what(`read ${id}`), async () => (await this.db.get(id, { rev })) as unknown as WireDoc),
    );
    return doc && bodyOf(doc);
  }

  conflictedIds(): Promise<string[]> {
    return translated(this.what('read all'), async () => {
      const res = await this.db.allDocs({ include_docs: true, conflicts: true });
      return res.rows
        .filter((r) => ((r.doc as { _conflicts?: string[] } | undefined)?._conflicts?.length ?? 0) > 0)
        .map((r) => r.id);
    });
  }

  // The CouchDB replication door: the rules live in couch-reads.ts, couch-writes.ts, change-waiter.ts.
  private editChain: Promise<unknown> = Promise.resolve();

  readDoc(id: string, opts: DocReadOptions) {
    return translated(this.what(`read ${id}`), () => readDoc(this.db, id, opts));
  }
  bulkGet(docs: Array<{ id: string; rev?: string }>, opts: { revs: boolean; latest: boolean }) {
    return translated(this.what('bulk get'), () => bulkGet(this.db, docs, opts));
  }
  revsDiff(request: Record<string, string[]>) {
    return translated(this.what('revs diff'), () => revsDiff(this.db, request));
  }
  couchChanges(opts: CouchChangesOptions) {
    return translated(this.what('changes'), () => changesPage(this.db, opts));
  }
  waitForChange(since: number | string, ms: number, signal: AbortSignal): Promise<boolean> {
    return translated(this.what('wait for changes'), () => waitForChange(this.db, since, ms, signal));
  }
  writeEdits(docs: EditDoc[], check: EditCheck): Promise<EditResult[]> {
    const run = this.editChain.then(() =>
      translated(this.what('edit'), () => applyEdits(this.db, docs, check, (d) => this.writeReplicated(d))),
    );
    this.editChain = run.catch(() => undefined);
    return run;
  }
  getLocal(id: string) {
    return translated(this.what(`read _local/${id}`), () => getLocal(this.db, notServers(id)));
  }
  putLocal(id: string, doc: Record<string, unknown>) {
    return translated(this.what(`write _local/${id}`), () => putLocal(this.db, notServers(id), doc));
  }
  private epochMade: Promise<string> | undefined;
  epoch(): Promise<string> {
    this.epochMade ??= translated(this.what('epoch'), async () => {
      const doc = await getLocal(this.db, EPOCH_ID);
      if (typeof doc?.epoch === 'string') return doc.epoch;
      const epoch = randomBytes(12).toString('base64url');
      await putLocal(this.db, EPOCH_ID, { epoch, made: new Date().toISOString() });
      return epoch;
    });
    // A failed read is not remembered: the next call tries again.
    this.epochMade.catch(() => (this.epochMade = undefined));
    return this.epochMade;
  }
  info(): Promise<{ docCount: number; updateSeq: number | string }> {
    return translated(this.what('info'), async () => {
      const i = await this.db.info();
      return { docCount: i.doc_count, updateSeq: i.update_seq };
    });
  }
}

/** The server's own `_local` documents: not readable nor writable through the CouchDB door. */
const SERVER_LOCAL = 'tern-server:';
const EPOCH_ID = `${SERVER_LOCAL}epoch`;

function notServers(id: string): string {
  if (id.startsWith(SERVER_LOCAL))
    throw new StoreError(
      'TERN_STORE_INVALID',
      `_local/${id}: ids starting ${SERVER_LOCAL} are the server's own`,
    );
  return id;
}

/** TERN_STORE_NOT_FOUND as undefined: absence is an answer, not a failure. */
async function absentAsUndefined<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (isStoreError(e, 'TERN_STORE_NOT_FOUND')) return undefined;
    throw e;
  }
}

function sinceValue(since: string): number | string {
  return /^[0-9]+$/.test(since) ? Number(since) : since;
}

function okDoc(r: { docs: Array<{ ok: unknown } | { error: unknown }> }): WireDoc | undefined {
  const d = r.docs.find((x) => 'ok' in x);
  return d && 'ok' in d ? (d.ok as WireDoc) : undefined;
}
