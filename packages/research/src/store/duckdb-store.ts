import { existsSync, renameSync } from 'node:fs';
import { DuckDBInstance, listValue } from '@duckdb/node-api';
import type { DuckDBAppender, DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { DIMENSION_NAMES, isMulti } from '../dimensions.ts';
import { ResearchError } from '../errors.ts';
import type { CaseFragment, Fragment } from '../rows/fragments.ts';
import { rowFromFragments } from '../rows/research-row.ts';
import type { ResearchRow } from '../rows/research-row.ts';
import type {
  AnalyticsStatus,
  AnalyticsStore,
  Checkpoint,
  FeedBatch,
  FineCount,
  FineQuery,
  Recreation,
} from './analytics-store.ts';
import { append, appendRows } from './duckdb-rows.ts';
import { peoplePairs } from './people.ts';
import { SCHEMA, SCHEMA_VERSION, filterExpr, valueExpr } from './schema.ts';

export interface DuckDbStoreOptions {
  /** A file (made if missing) or `:memory:`. */
  path: string;
  /** `ResearchKeys.fingerprint`: a store made with another secret holds other record keys. */
  fingerprint: string;
  now?: () => Date;
  /**
   * Open an existing file read-only (an imported external source, ../ctdc/ctdc-sources.ts): nothing is
   * created, wiped or set aside; a missing, unreadable or mismatched file is an error instead.
   */
  readOnly?: boolean;
}

const inList = (values: readonly string[]) => listValue([...values]);

/**
 * Open the analytics store on DuckDB (decision 100). A file that is missing, unreadable (not a DuckDB
 * database, truncated, a checksum failure) or of another schema version or secret is made anew, empty:
 * the caller catches up from every mission's feed, and until it has, `status()` names the missions
 * behind and has no as-of time. An unreadable file is set aside (`<path>.corrupt-<time>`), not deleted.
 */
export async function openDuckDbStore(o: DuckDbStoreOptions): Promise<AnalyticsStore> {
  const now = o.now ?? (() => new Date());
  if (o.readOnly) return openReadOnly(o.path, o.fingerprint);
  const memory = o.path === ':memory:';
  let recreated: Recreation | null = null;
  if (!memory && !existsSync(o.path))
    recreated = {
      at: now().toISOString(),
      reason: 'there was no analytics store: it is built from the mission stores',
    };
  if (!memory && existsSync(o.path)) {
    try {
      const store = await DuckDbStore.open(o.path, null);
      const problem = await store.mismatch(o.fingerprint);
      if (problem === null) return store;
      await store.wipe(o.fingerprint);
      store.recreated = { at: now().toISOString(), reason: problem };
      return store;
    } catch (e) {
      const aside = `${o.path}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(o.path, aside);
      if (existsSync(`${o.path}.wal`)) renameSync(`${o.path}.wal`, `${aside}.wal`);
      recreated = {
        at: now().toISOString(),
        reason: `the analytics store could not be read (${(e as Error).message.split('\n')[0]}); set aside as ${aside}`,
      };
    }
  }
  try {
    const store = await DuckDbStore.open(o.path, recreated);
    await store.wipe(o.fingerprint);
    return store;
  } catch (e) {
    throw new ResearchError(
      'TERN_RESEARCH_STORE_FAILED',
      `Cannot create the analytics store at ${o.path}`,
      undefined,
      {
        cause: e,
      },
    );
  }
}

async function openReadOnly(path: string, fingerprint: string): Promise<AnalyticsStore> {
  let store: DuckDbStore | undefined;
  try {
    store = await DuckDbStore.open(path, null, true);
    const problem = await store.mismatch(fingerprint);
    if (problem !== null) throw new Error(problem);
    return store;
  } catch (e) {
    await store?.close();
    throw new ResearchError('TERN_RESEARCH_STORE_FAILED', `Cannot read the store at ${path}`, undefined, {
      cause: e,
    });
  }
}

class DuckDbStore implements AnalyticsStore {
  private queue: Promise<unknown> = Promise.resolve();
  /** Whether the file has the people table (every writable store does; see `mismatch`). */
  private hasPeople = true;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly db: DuckDBConnection,
    public recreated: Recreation | null,
  ) {}

  static async open(path: string, recreated: Recreation | null, readOnly = false): Promise<DuckDbStore> {
    if (readOnly && !existsSync(path)) throw new Error(`${path} does not exist`);
    const instance = await DuckDBInstance.create(path, readOnly ? { access_mode: 'READ_ONLY' } : {});
    try {
      const db = await instance.connect();
      if (!readOnly) for (const sql of SCHEMA) await db.run(sql);
      // A catch-up writes tens of megabytes of fragments: checkpoint (rewrite the tables from the
      // write-ahead log) every 256 MB of log rather than DuckDB's 16 MB, and at close.
      if (!readOnly) await db.run(`SET checkpoint_threshold = '256MB'`);
      return new DuckDbStore(instance, db, recreated);
    } catch (e) {
      instance.closeSync();
      throw e;
    }
  }

  /** Why this store cannot be used as it is, or null. Reads every table once, so damage shows now. */
  async mismatch(fingerprint: string): Promise<string | null> {
    const meta = new Map(
      (await this.query('SELECT key, value FROM meta')).map((r) => [String(r[0]), String(r[1])] as const),
    );
    for (const t of ['checkpoints', 'fragments', 'rows']) await this.query(`SELECT count(*) FROM ${t}`);
    // An imported source's file (opened read-only) made before people were counted has no such table.
    this.hasPeople =
      Number(
        (
          await this.query(`SELECT count(*) FROM information_schema.tables WHERE table_name = 'people'`)
        )[0]![0],
      ) > 0;
    if (meta.get('schema') !== SCHEMA_VERSION)
      return `the analytics store has schema ${meta.get('schema') ?? 'none'}, this server needs ${SCHEMA_VERSION}`;
    if (meta.get('fingerprint') !== fingerprint)
      return 'the research secret changed, so every record key did: the store is built again';
    return null;
  }

  async wipe(fingerprint: string): Promise<void> {
    await this.transaction(async () => {
      // People too: a store made with another secret holds other case refs (the server sets them again).
      for (const t of ['meta', 'checkpoints', 'fragments', 'rows', 'people'])
        await this.db.run(`DELETE FROM ${t}`);
      await this.db.run('INSERT INTO meta VALUES ($1, $2), ($3, $4)', [
        'schema',
        SCHEMA_VERSION,
        'fingerprint',
        fingerprint,
      ]);
    });
  }

  /** One operation at a time on the connection; a failure is the store's, as a ResearchError. */
  private serial<T>(what: string, op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op).catch((e: unknown) => {
      if (e instanceof ResearchError) throw e;
      throw new ResearchError('TERN_RESEARCH_STORE_FAILED', `Analytics store: ${what} failed`, undefined, {
        cause: e,
      });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async transaction(op: () => Promise<void>): Promise<void> {
    this.cached = null;
    await this.db.run('BEGIN TRANSACTION');
    try {
      await op();
      await this.db.run('COMMIT');
    } catch (e) {
      await this.db.run('ROLLBACK');
      throw e;
    }
  }

  private async query(sql: string, params?: DuckDBValue[]): Promise<unknown[][]> {
    return (await this.db.runAndReadAll(sql, params)).getRows() as unknown[][];
  }

  apply(batch: FeedBatch): Promise<void> {
    return this.serial(`applying a batch of ${batch.mission}`, () =>
      this.transaction(async () => {
        const IN = 'IN (SELECT unnest($1::VARCHAR[]))';
        const touched = [...batch.upserts.map((f) => f.docRef), ...batch.deletes];
        const cases = new Set(batch.upserts.map((f) => f.caseRef));
        // The old fragments of these documents go, and their cases are remade too: a document that
        // moved to another case (or stopped contributing) changes its old case.
        // Cases with a fragment stored before this batch: only they can have a row to replace.
        const stored = new Set<string>();
        if (touched.length > 0)
          for (const [ref] of await this.query(
            `DELETE FROM fragments WHERE doc_ref ${IN} RETURNING case_ref`,
            [inList(touched)],
          )) {
            cases.add(String(ref));
            stored.add(String(ref));
          }
        if (cases.size === 0) return this.moveCheckpoint(batch);
        // A case's row is made from all its fragments: those already stored (read before this batch's
        // are added, so only other documents' come back: in a catch-up, few) and this batch's.
        const byCase = new Map<string, Fragment[]>();
        const add = (f: Fragment) => {
          const list = byCase.get(f.caseRef);
          if (list) list.push(f);
          else byCase.set(f.caseRef, [f]);
        };
        for (const [ref, body] of await this.query(
          `SELECT case_ref, body FROM fragments WHERE case_ref ${IN}`,
          [inList([...cases])],
        )) {
          stored.add(String(ref));
          add(JSON.parse(String(body)) as Fragment);
        }
        for (const f of batch.upserts) add(f);
        if (batch.upserts.length > 0)
          await this.append('fragments', batch.upserts, (a, f) => {
            a.appendVarchar(f.docRef);
            a.appendVarchar(f.caseRef);
            a.appendVarchar(f.mission);
            a.appendVarchar(JSON.stringify(f));
          });
        if (stored.size > 0) await this.db.run(`DELETE FROM rows WHERE ref ${IN}`, [inList([...stored])]);
        const rows: ResearchRow[] = [];
        for (const fragments of byCase.values()) {
          const row = rowFromFragments(
            fragments.find((f): f is CaseFragment => f.kind === 'case'),
            fragments.filter((f) => f.kind !== 'case'),
          );
          if (row) rows.push(row);
        }
        if (rows.length > 0) await appendRows(this.db, rows);
        await this.moveCheckpoint(batch);
      }),
    );
  }

  private async moveCheckpoint(batch: FeedBatch): Promise<void> {
    await this.db.run('DELETE FROM checkpoints WHERE mission = $1', [batch.mission]);
    await this.db.run('INSERT INTO checkpoints VALUES ($1, $2, $3)', [
      batch.mission,
      batch.seq,
      batch.at.toISOString(),
    ]);
  }

  private append<T>(table: string, items: readonly T[], write: (a: DuckDBAppender, item: T) => void) {
    return append(this.db, table, items, write);
  }

  checkpoint(mission: string): Promise<Checkpoint | null> {
    return this.serial('reading a checkpoint', async () => {
      const [r] = await this.query('SELECT seq, as_of FROM checkpoints WHERE mission = $1', [mission]);
      return r ? { seq: String(r[0]), asOf: String(r[1]) } : null;
    });
  }

  status(missions?: readonly string[]): Promise<AnalyticsStatus> {
    return this.serial('reading its status', async () => {
      const { known, cases: byMission } = await this.summary();
      const asked = missions ?? [...known.keys()];
      const behind = asked.filter((m) => !known.has(m));
      const times = asked.flatMap((m) => (known.has(m) ? [known.get(m)!] : [])).sort();
      const cases = missions
        ? missions.reduce((n, m) => n + (byMission.get(m) ?? 0), 0)
        : [...byMission.values()].reduce((a, b) => a + b, 0);
      return {
        asOf: behind.length > 0 || times.length === 0 ? null : times[0]!,
        behind,
        cases,
        recreated: this.recreated,
      };
    });
  }

  /**
   * Checkpoints and cases per mission, kept in memory between writes: every table asks for the status,
   * and only `apply`, `reset` and `wipe` change it (one process holds the file: DuckDB locks it).
   */
  private cached: { known: Map<string, string>; cases: Map<string, number> } | null = null;
  private async summary() {
    if (this.cached) return this.cached;
    const known = new Map(
      (await this.query('SELECT mission, as_of FROM checkpoints')).map(
        (r) => [String(r[0]), String(r[1])] as const,
      ),
    );
    const cases = new Map(
      (await this.query('SELECT mission, count(*)::INTEGER FROM rows GROUP BY mission')).map(
        (r) => [String(r[0]), Number(r[1])] as const,
      ),
    );
    return (this.cached = { known, cases });
  }

  setPeople(groups: readonly (readonly string[])[]): Promise<void> {
    return this.serial('setting the people', () =>
      this.transaction(async () => {
        await this.db.run('DELETE FROM people');
        const pairs = peoplePairs(groups);
        if (pairs.length > 0)
          await this.append('people', pairs, (a, [c, p]) => {
            a.appendVarchar(c);
            a.appendVarchar(p);
          });
      }),
    );
  }

  fineCounts(q: FineQuery): Promise<FineCount[]> {
    return this.serial('counting', async () => {
      const params: DuckDBValue[] = [];
      const where = Object.entries(q.filters).map(([d, values]) => {
        params.push(inList(values as string[]));
        return filterExpr(d as keyof typeof q.filters, params.length);
      });
      const groups = q.dims.map(valueExpr);
      const passing = `SELECT * FROM rows${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
      // People: of each person's passing rows, the first by ref (decision 202).
      const from =
        q.unit === 'people' && this.hasPeople
          ? `(SELECT r.* FROM (${passing}) r LEFT JOIN people p ON p.case_ref = r.ref ` +
            `QUALIFY row_number() OVER (PARTITION BY COALESCE(p.person_ref, r.ref) ORDER BY r.ref) = 1)`
          : `(${passing})`; // no people table: every case is a person of its own
      const sql =
        `SELECT ${[...groups, 'count(*)::INTEGER', '(sum(record_key) % 4294967296)::BIGINT'].join(', ')} FROM ${from}` +
        (groups.length ? ` GROUP BY ${groups.map((_, i) => i + 1).join(', ')}` : '');
      const out: FineCount[] = [];
      for (const r of await this.query(sql, params)) {
        const n = Number(r[groups.length]);
        if (n > 0)
          out.push({
            values: r.slice(0, groups.length).map(String),
            n,
            keySum: Number(r[groups.length + 1]),
          });
      }
      return out;
    });
  }

  rows(missions: readonly string[]): Promise<ResearchRow[]> {
    return this.serial('reading rows', async () => {
      const out: ResearchRow[] = [];
      if (missions.length === 0) return out;
      const sql = `SELECT ref, record_key, ${DIMENSION_NAMES.map((d) => `"${d}"`).join(', ')} FROM rows WHERE mission IN (SELECT unnest($1::VARCHAR[])) ORDER BY ref`;
      for (const r of await this.query(sql, [inList(missions)])) {
        const row: Record<string, unknown> = { ref: String(r[0]), recordKey: Number(r[1]) };
        DIMENSION_NAMES.forEach((d, i) => {
          const v = r[i + 2];
          row[d] = isMulti(d) ? (v ? String(v).split(';') : []) : v === null ? null : String(v);
        });
        out.push(row as ResearchRow);
      }
      return out;
    });
  }

  reset(): Promise<void> {
    return this.serial('resetting', () =>
      this.transaction(async () => {
        for (const t of ['checkpoints', 'fragments', 'rows']) await this.db.run(`DELETE FROM ${t}`);
      }),
    );
  }

  close(): Promise<void> {
    return this.serial('closing', async () => {
      this.db.closeSync();
      this.instance.closeSync();
    });
  }
}
