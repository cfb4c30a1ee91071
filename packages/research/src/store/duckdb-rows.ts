import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { DIMENSION_NAMES } from '../dimensions.ts';
import type { ResearchRow } from '../rows/research-row.ts';
import { SCHEMA, SCHEMA_VERSION } from './schema.ts';

/** Append items to a table through DuckDB's appender: one call per value, no SQL per row. */
export async function append<T>(
  db: DuckDBConnection,
  table: string,
  items: readonly T[],
  write: (a: DuckDBAppender, item: T) => void,
): Promise<void> {
  const a = await db.createAppender(table);
  try {
    for (const item of items) {
      write(a, item);
      a.endRow();
    }
  } finally {
    a.closeSync();
  }
}

/** Rows as the `rows` table holds them (schema.ts): a multi dimension's codes joined with ';'. */
export function appendRows(db: DuckDBConnection, rows: readonly ResearchRow[]): Promise<void> {
  return append(db, 'rows', rows, (a, r) => {
    a.appendVarchar(r.ref);
    a.appendUBigInt(BigInt(r.recordKey));
    for (const d of DIMENSION_NAMES) {
      const v = r[d];
      if (Array.isArray(v)) a.appendVarchar(v.join(';'));
      else if (v === null) a.appendNull();
      else a.appendVarchar(v);
    }
  });
}

export interface RowsFile {
  /** Append one batch of rows. */
  add(rows: readonly ResearchRow[]): Promise<void>;
  /** Record the checkpoint of `mission` as of `at`, flush everything to the file and close it. */
  finish(mission: string, seq: string, at: Date): Promise<void>;
  /** Close without finishing (the caller deletes the file). */
  abandon(): Promise<void>;
}

/**
 * A new analytics-store file written in bulk, for a source that is made once and then only read (an
 * imported CTDC dataset): the same schema as the DuckDB store, rows through the appender, no
 * fragments. `path` must not exist: a file is only ever complete or absent, never half-written in
 * place (the caller renames it into place once `finish` returns).
 */
export async function createRowsFile(path: string, fingerprint: string): Promise<RowsFile> {
  const instance = await DuckDBInstance.create(path);
  const db = await instance.connect();
  const close = () => {
    db.closeSync();
    instance.closeSync();
  };
  try {
    for (const sql of SCHEMA) await db.run(sql);
    await db.run('INSERT INTO meta VALUES ($1, $2), ($3, $4)', [
      'schema',
      SCHEMA_VERSION,
      'fingerprint',
      fingerprint,
    ]);
  } catch (e) {
    close();
    throw e;
  }
  return {
    add: (rows) => appendRows(db, rows),
    async finish(mission, seq, at) {
      await db.run('INSERT INTO checkpoints VALUES ($1, $2, $3)', [mission, seq, at.toISOString()]);
      await db.run('CHECKPOINT');
      close();
    },
    async abandon() {
      close();
    },
  };
}
