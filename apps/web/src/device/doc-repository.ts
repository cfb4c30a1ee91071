import type { Body } from '@tern/sync';
import { seal, sealText, unseal, unsealText } from '../crypto/sealed.ts';
import type { Sealed } from '../crypto/sealed.ts';
import type { DocRow, MetaRow, Rejection, SyncState, TernDb } from './db.ts';
import { RecordChangedError } from './record-changed-error.ts';

/** A record as the screens see it: the row with its body decrypted. Lives in memory only. */
export type OpenRow = Omit<DocRow, 'sealed' | 'rejection'> & { body: Body; rejection?: Rejection };

/** A row before its body is sealed: every field that is kept in clear. */
export type ClearRow = Omit<DocRow, 'sealed'>;

/**
 * Which rows to read. `mission` alone walks the [mission+updatedAt] index (oldest first, or newest
 * first); `mission` + `state` the [mission+syncState] index; `type` alone the type index.
 */
export interface DocQuery {
  mission?: string;
  state?: SyncState;
  type?: string;
  /** Leave out deleted records (tombstones stay on the device until the server has them). */
  live?: boolean;
  newestFirst?: boolean;
  limit?: number;
  where?: (row: DocRow) => boolean;
}

/**
 * What one change does to one stored row: the row to store, `'delete'`, or null to leave it. It is
 * decided inside the write transaction, against the row as it is at that moment, and it must be
 * synchronous: anything that awaits (WebCrypto above all) is done before `commit`.
 */
export type Outcome = DocRow | 'delete' | null;
export interface Change {
  id: string;
  decide(current: DocRow | undefined): Outcome;
}

/**
 * The one way the app reaches the `docs` table (Dexie's DBCore idea: everything above IndexedDB talks
 * to one interface). It owns three rules that every feature used to keep on its own:
 * 1. A body is sealed (AES-GCM, crypto/sealed.ts) before it comes near IndexedDB, and a body leaves
 *    only through `open*`, into memory: rows never hold clear text.
 * 2. Sealing happens before a transaction opens. WebCrypto's promises are not IndexedDB's, so
 *    awaiting one inside a Dexie transaction lets the transaction commit early; `commit` refuses a
 *    change that tries to await.
 * 3. A write is decided against the stored row inside its transaction: `put` stores only over the
 *    revision the caller edited (else RecordChangedError, and the stored row is left as it was).
 */
export class DocRepository {
  constructor(private readonly db: TernDb) {}

  get(id: string): Promise<DocRow | undefined> {
    return this.db.docs.get(id);
  }

  async find(q: DocQuery = {}): Promise<DocRow[]> {
    if (!q.newestFirst || this.byUpdatedAt(q)) return this.collection(q, true).toArray();
    // An order the index cannot give: sort in memory, then cut.
    const rows = (await this.collection(q, false).toArray()).sort(newestFirst);
    return q.limit === undefined ? rows : rows.slice(0, q.limit);
  }

  count(q: DocQuery = {}): Promise<number> {
    return this.collection(q, false).count();
  }

  openBody(key: CryptoKey, row: DocRow): Promise<Body> {
    return unseal(key, row.id, row.rev, row.sealed);
  }

  /** Whether the row opens with `key` (bound to its id and revision): a foreign or damaged row does not. */
  opens(key: CryptoKey, row: DocRow): Promise<boolean> {
    return this.openBody(key, row).then(
      () => true,
      () => false,
    );
  }

  /** Decrypt a row for a screen: its body and a rejection's reason. */
  async open(key: CryptoKey, row: DocRow): Promise<OpenRow> {
    const { sealed, rejection, ...clear } = row;
    return {
      ...clear,
      body: await unseal(key, row.id, row.rev, sealed),
      ...(rejection && {
        rejection: {
          code: rejection.code,
          ...(rejection.field !== undefined ? { field: rejection.field } : {}),
          reason: await unsealText(key, row.id, row.rev, rejection.reason),
        },
      }),
    };
  }

  async openById(key: CryptoKey, id: string): Promise<OpenRow | null> {
    const row = await this.get(id);
    return row ? this.open(key, row) : null;
  }

  async openAll(key: CryptoKey, q: DocQuery): Promise<OpenRow[]> {
    // In parallel: WebCrypto queues the work; awaiting each in turn would serialise it.
    return Promise.all((await this.find(q)).map((r) => this.open(key, r)));
  }

  /** Seal a body under the mission key, bound to the row's id and revision. */
  async seal(key: CryptoKey, row: ClearRow, body: Body, iv?: Uint8Array<ArrayBuffer>): Promise<DocRow> {
    return { ...row, sealed: await seal(key, row.id, row.rev, body, iv) };
  }

  /** Seal a short text bound to a revision (a rejection's reason may quote an answer). */
  sealText(key: CryptoKey, id: string, rev: string, text: string): Promise<Sealed> {
    return sealText(key, id, rev, text);
  }

  /**
   * Store a sealed row over the revision the caller edited (`expectRev`; null: there was none). A
   * sync or another tab that moved the record on meanwhile makes it refuse: nothing is overwritten.
   */
  async put(row: DocRow, expectRev: string | null): Promise<void> {
    await this.commit([
      {
        id: row.id,
        decide: (current) => {
          if ((current?.rev ?? null) !== expectRev) throw new RecordChangedError(row.id);
          return row;
        },
      },
    ]);
  }

  /**
   * Apply changes in one transaction, each decided against the row as stored; `meta` rows are written
   * in the same transaction (a sync checkpoint never advances past documents that are not stored).
   * A change that throws aborts the whole transaction.
   */
  async commit(changes: Change[], meta: MetaRow[] = []): Promise<void> {
    const tables = meta.length > 0 ? [this.db.docs, this.db.meta] : [this.db.docs];
    await this.db.transaction('rw', tables, async () => {
      // One read and one write for the whole set (a pulled page is a thousand rows: row-by-row
      // get and put took seconds on a phone). A later change of the same id sees the earlier's outcome.
      const stored = await this.storedRows(changes.map((c) => c.id));
      const next = new Map<string, DocRow | 'delete'>();
      changes.forEach((change) => {
        const before = next.get(change.id);
        const current =
          before === undefined ? stored.get(change.id) : before === 'delete' ? undefined : before;
        const outcome: unknown = change.decide(current);
        if (typeof (outcome as { then?: unknown } | null)?.then === 'function')
          throw new TypeError(`a change of ${change.id} awaited inside the transaction: seal before commit`);
        if (outcome === 'delete') next.set(change.id, 'delete');
        else if (outcome) next.set(change.id, outcome as DocRow);
      });
      const puts: DocRow[] = [];
      const deletes: string[] = [];
      for (const [id, o] of next) {
        if (o === 'delete') deletes.push(id);
        else puts.push(o);
      }
      if (deletes.length > 0) await this.db.docs.bulkDelete(deletes);
      if (puts.length > 0) await this.db.docs.bulkPut(puts);
      for (const m of meta) await this.db.meta.put(m);
    });
  }

  /**
   * The stored rows of these ids, inside the caller's transaction. A large set first asks which ids the
   * table holds, with one key-only read over the ids' range (IndexedDB `getAllKeys`), and reads only
   * those rows: a first pull writes thousands of records the device does not hold, and a read per id
   * was a tenth of its time (docs/benchmarks.md, issue 18).
   */
  private async storedRows(ids: string[]): Promise<Map<string, DocRow>> {
    let wanted = ids;
    if (ids.length > KEYS_FIRST) {
      let lo = ids[0]!;
      let hi = ids[0]!;
      for (const id of ids) {
        if (id < lo) lo = id;
        if (id > hi) hi = id;
      }
      const held = new Set(await this.db.docs.where(':id').between(lo, hi, true, true).primaryKeys());
      wanted = ids.filter((id) => held.has(id));
    }
    const rows = await this.db.docs.bulkGet(wanted);
    const out = new Map<string, DocRow>();
    rows.forEach((row, i) => {
      if (row) out.set(wanted[i]!, row);
    });
    return out;
  }

  private byUpdatedAt(q: DocQuery): boolean {
    return q.mission !== undefined && q.state === undefined;
  }

  private collection(q: DocQuery, withLimit: boolean) {
    const { docs } = this.db;
    const byState = q.mission !== undefined && q.state !== undefined;
    const byType = !byState && q.mission === undefined && q.type !== undefined;
    let c = byState
      ? docs.where('[mission+syncState]').equals([q.mission!, q.state!])
      : q.mission !== undefined
        ? docs.where('[mission+updatedAt]').between([q.mission, ''], [q.mission, '\uffff'])
        : byType
          ? docs.where('type').equals(q.type!)
          : docs.toCollection();
    if (q.newestFirst && this.byUpdatedAt(q)) c = c.reverse();
    // Only what the index did not already select (a filter turns an index count into a cursor walk).
    const checks: Array<(r: DocRow) => boolean> = [];
    if (q.state !== undefined && !byState) checks.push((r) => r.syncState === q.state);
    if (q.type !== undefined && !byType) checks.push((r) => r.type === q.type);
    if (q.live) checks.push((r) => !r.deleted);
    if (q.where) checks.push(q.where);
    if (checks.length > 0) c = c.filter((r) => checks.every((check) => check(r)));
    return withLimit && q.limit !== undefined ? c.limit(q.limit) : c;
  }
}

/** Above this many changes, `commit` reads the held keys first instead of one row per id. */
const KEYS_FIRST = 64;

const newestFirst = (a: DocRow, b: DocRow) => b.updatedAt.localeCompare(a.updatedAt);

const repositories = new WeakMap<TernDb, DocRepository>();

/** The repository of a device database (one per database). */
export function docsOf(db: TernDb): DocRepository {
  let repo = repositories.get(db);
  if (!repo) {
    repo = new DocRepository(db);
    repositories.set(db, repo);
  }
  return repo;
}
