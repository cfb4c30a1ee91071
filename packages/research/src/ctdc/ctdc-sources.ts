import { createHmac, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { ResearchError } from '../errors.ts';
import { MIN_SECRET_BYTES } from '../rows/research-keys.ts';
import { createRowsFile } from '../store/duckdb-rows.ts';
import { openDuckDbStore } from '../store/duckdb-store.ts';
import type { AnalyticsStore } from '../store/analytics-store.ts';
import { parseCtdc } from './ctdc-import.ts';
import type { CtdcParseResult } from './ctdc-import.ts';

/** An imported dataset as a research source: `id` is `ctdc:<name>`, also the `mission` of its rows. */
export interface SourceInfo {
  id: string;
  label: string;
  rows: number;
  importedAt: string;
}

/** What the research routes need of the external sources (the server's `ResearchSources`). */
export interface ResearchSources {
  list(): SourceInfo[];
  /** The source's read-only store, or null when there is no such source. */
  open(id: string): Promise<AnalyticsStore | null>;
}

export interface ImportReport extends CtdcParseResult {
  id: string;
  label: string;
  /** True when the dataset was imported; false when nothing was (the previous version, if any, stays). */
  ok: boolean;
  /** Rows imported (0 when nothing was). */
  rows: number;
  importedAt: string | null;
  /** Why nothing was imported, in one sentence. */
  problem: string | null;
  seconds: number;
}

export interface CtdcSources extends ResearchSources {
  /** Import (or replace) a dataset from a CTDC 2020 CSV: all of it, or nothing (decision 106). */
  import(
    id: string,
    label: string,
    chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  ): Promise<ImportReport>;
  remove(id: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface CtdcSourcesOptions {
  /** Keys the record keys; by default a random secret kept in `<dir>/secret`, made on first use. */
  secret?: string | Uint8Array;
  /** Registration years accepted (default 1990 to this year). */
  years?: readonly [number, number];
  now?: () => Date;
}

interface Entry {
  name: string;
  label: string;
  rows: number;
  importedAt: string;
  file: string;
}

const NAME = /^[a-z0-9-]{1,40}$/;
/** Written into every source file: its record keys were fixed at import, no store secret applies. */
const FINGERPRINT = 'ctdc-source';
const MANIFEST = 'sources.json';

/** `ctdc:demo` or `demo` → `demo`, or a clear error. */
function nameOf(id: string): string {
  const name = id.startsWith('ctdc:') ? id.slice(5) : id;
  if (!NAME.test(name))
    throw new ResearchError(
      'TERN_RESEARCH_BAD_PARAMETER',
      `A source id is 1 to 40 lowercase letters, digits or '-' (optionally after 'ctdc:'), got ${JSON.stringify(id.slice(0, 60))}`,
    );
  return name;
}

/**
 * The imported CTDC datasets in `dir`: each its own DuckDB file (the analytics-store schema, rows
 * only, `mission = 'ctdc:<name>'`), so `researchTable(store, q, { missions: ['ctdc:<name>'] }, p)`
 * works on it unchanged; `sources.json` says which file is each source's current version. An import
 * writes a fresh file and only then points the manifest at it (a write to a temporary file and a
 * rename, atomic on one file system): a failed, rejected or interrupted import leaves the previous
 * version served as it was.
 */
export async function openCtdcSources(dir: string, o: CtdcSourcesOptions = {}): Promise<CtdcSources> {
  mkdirSync(dir, { recursive: true });
  const now = o.now ?? (() => new Date());
  const secret = o.secret === undefined ? sourceSecret(dir) : o.secret;
  if ((typeof secret === 'string' ? Buffer.byteLength(secret) : secret.length) < MIN_SECRET_BYTES)
    throw new ResearchError(
      'TERN_RESEARCH_BAD_PARAMETER',
      `The sources' secret must be at least ${MIN_SECRET_BYTES} bytes`,
    );
  removeStaleParts(dir, now());
  const open = new Map<string, { file: string; store: Promise<AnalyticsStore> }>();
  const busy = new Map<string, Promise<unknown>>();

  const read = (): Entry[] => {
    const path = join(dir, MANIFEST);
    if (!existsSync(path)) return [];
    return (JSON.parse(readFileSync(path, 'utf8')) as { sources: Entry[] }).sources;
  };
  const write = (entries: Entry[]) => {
    const tmp = join(dir, `${MANIFEST}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify({ version: 1, sources: entries }, null, 2));
    renameSync(tmp, join(dir, MANIFEST));
  };
  const forget = async (name: string) => {
    const was = open.get(name);
    open.delete(name);
    if (was) await (await was.store.catch(() => null))?.close();
  };
  const removeFile = (file: string) => {
    for (const f of [file, `${file}.wal`]) rmSync(join(dir, f), { force: true });
  };
  /** One change at a time per source in this process. */
  const exclusive = <T>(name: string, op: () => Promise<T>): Promise<T> => {
    const run = (busy.get(name) ?? Promise.resolve()).then(op, op);
    busy.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  };

  return {
    list: () =>
      read().map((e) => ({ id: `ctdc:${e.name}`, label: e.label, rows: e.rows, importedAt: e.importedAt })),

    async open(id) {
      const name = nameOf(id);
      const entry = read().find((e) => e.name === name);
      if (!entry) return null;
      const cached = open.get(name);
      if (cached?.file === entry.file) return cached.store;
      if (cached) void forget(name);
      const store: Promise<AnalyticsStore> = openDuckDbStore({
        path: join(dir, entry.file),
        fingerprint: FINGERPRINT,
        readOnly: true,
      }).catch((e: unknown) => {
        if (open.get(name)?.store === store) open.delete(name);
        throw new ResearchError(
          'TERN_RESEARCH_STORE_FAILED',
          `The imported source ctdc:${name} cannot be read (${entry.file}); import it again`,
          { source: `ctdc:${name}` },
          { cause: e },
        );
      });
      open.set(name, { file: entry.file, store });
      return store;
    },

    import(id, label, chunks) {
      const name = nameOf(id);
      const clean = label.trim();
      if (clean.length < 1 || clean.length > 100)
        throw new ResearchError('TERN_RESEARCH_BAD_PARAMETER', 'A source label is 1 to 100 characters');
      return exclusive(name, async () => {
        const started = performance.now();
        const at = now();
        const file = `${name}-${at.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}.duckdb`;
        const part = `${file}.part`;
        const rowsFile = await createRowsFile(join(dir, part), FINGERPRINT);
        let parsed: CtdcParseResult;
        try {
          parsed = await parseCtdc(chunks, {
            mission: `ctdc:${name}`,
            recordKey: (n) => recordKey(secret, name, n),
            sink: (rows) => rowsFile.add(rows),
            years: o.years,
          });
        } catch (e) {
          await rowsFile.abandon();
          removeFile(part);
          throw new ResearchError(
            'TERN_RESEARCH_STORE_FAILED',
            `Importing ctdc:${name} failed; nothing was imported`,
            undefined,
            { cause: e },
          );
        }
        const problem = parsed.fatal
          ? `line ${parsed.fatal.line}: ${parsed.fatal.reason}`
          : parsed.rejectedTotal > 0
            ? `${parsed.rejectedTotal} of ${parsed.read} rows rejected`
            : parsed.accepted === 0
              ? 'the file has a header and no rows'
              : null;
        const report = (ok: boolean): ImportReport => ({
          ...parsed,
          id: `ctdc:${name}`,
          label: clean,
          ok,
          rows: ok ? parsed.accepted : 0,
          importedAt: ok ? at.toISOString() : null,
          problem,
          seconds: (performance.now() - started) / 1000,
        });
        if (problem !== null) {
          await rowsFile.abandon();
          removeFile(part);
          return report(false);
        }
        try {
          await rowsFile.finish(`ctdc:${name}`, String(parsed.accepted), at);
          renameSync(join(dir, part), join(dir, file));
        } catch (e) {
          removeFile(part);
          throw new ResearchError(
            'TERN_RESEARCH_STORE_FAILED',
            `Writing ctdc:${name} failed; nothing was imported`,
            undefined,
            { cause: e },
          );
        }
        const entries = read();
        const old = entries.find((e) => e.name === name);
        write([
          ...entries.filter((e) => e.name !== name),
          { name, label: clean, rows: parsed.accepted, importedAt: at.toISOString(), file },
        ]);
        // The previous version's file goes once nothing here reads it; a store already handed out
        // finishes the query it is running (its operations are queued) and is then closed.
        await forget(name);
        if (old) removeFile(old.file);
        return report(true);
      });
    },

    remove(id) {
      const name = nameOf(id);
      return exclusive(name, async () => {
        const entries = read();
        const old = entries.find((e) => e.name === name);
        if (!old) return false;
        write(entries.filter((e) => e.name !== name));
        await forget(name);
        removeFile(old.file);
        return true;
      });
    },

    async close() {
      await Promise.all([...open.keys()].map(forget));
    },
  };
}

/** The record key of the n-th row of a source: fixed per row, unguessable without the secret. */
function recordKey(secret: string | Uint8Array, name: string, n: number): number {
  return createHmac('sha256', secret)
    .update(`ctdc-record-key\u0000${name}\u0000${n}`)
    .digest()
    .readUInt32BE(0);
}

/** The directory's own secret, made once (32 random bytes, readable by the server's user only). */
function sourceSecret(dir: string): Uint8Array {
  const path = join(dir, 'secret');
  try {
    writeFileSync(path, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return new Uint8Array(Buffer.from(readFileSync(path, 'utf8').trim(), 'hex'));
}

/** Files of imports that died half-way (a crash, a kill) an hour or more ago. */
function removeStaleParts(dir: string, now: Date): void {
  for (const f of readdirSync(dir))
    if (/\.part(\.wal)?$/.test(f) && now.getTime() - statSync(join(dir, f)).mtimeMs > 3_600_000)
      rmSync(join(dir, f), { force: true });
}
