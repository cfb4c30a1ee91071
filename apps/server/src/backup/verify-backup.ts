import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { DocLeaves } from '@tern/store';
import { MANIFEST, Manifest, sha256 } from './backup-format.ts';
import type { DatabaseEntry } from './backup-format.ts';

/** What is wrong with a backup, where: the file and, when it can be told, the line (from 1). */
export interface BackupProblem {
  file: string;
  line?: number;
  problem: string;
}

export type Verified = { ok: true; manifest: Manifest } | { ok: false; problems: BackupProblem[] };

/** At most this many problems are listed per file: one is enough to refuse, a few help to see why. */
const MAX_PER_FILE = 5;

export function describe(p: BackupProblem): string {
  return `${p.file}${p.line !== undefined ? ` line ${p.line}` : ''}: ${p.problem}`;
}

/** Recompute every digest and count, parse every line and check every history (decision 151). */
export async function verifyBackup(folder: string): Promise<Verified> {
  let raw: string;
  try {
    raw = await readFile(join(folder, MANIFEST), 'utf8');
  } catch (e) {
    return { ok: false, problems: [{ file: MANIFEST, problem: `cannot be read (${(e as Error).message})` }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    return { ok: false, problems: [{ file: MANIFEST, problem: `is not JSON (${(e as Error).message})` }] };
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return {
      ok: false,
      problems: [{ file: MANIFEST, problem: `${i.path.join('.') || 'manifest'}: ${i.message}` }],
    };
  }
  const manifest = parsed.data;
  const problems: BackupProblem[] = [];
  const listed = new Set(manifest.databases.map((d) => d.file));
  if (listed.size !== manifest.databases.length)
    problems.push({ file: MANIFEST, problem: 'names one file twice' });
  for (const extra of (await readdir(folder)).filter((f) => f !== MANIFEST && !listed.has(f)))
    problems.push({ file: extra, problem: 'is not named in the manifest' });
  for (const db of manifest.databases) problems.push(...(await verifyFile(folder, db)));
  return problems.length === 0 ? { ok: true, manifest } : { ok: false, problems };
}

async function verifyFile(folder: string, db: DatabaseEntry): Promise<BackupProblem[]> {
  const problems: BackupProblem[] = [];
  const at = (line: number | undefined, problem: string) => {
    if (problems.length < MAX_PER_FILE) problems.push({ file: db.file, ...(line ? { line } : {}), problem });
  };
  const hash = createHash('sha256');
  let bytes = 0;
  let lines = 0;
  const ids = new Set<string>();
  try {
    for await (const { line, text } of linesOf(join(folder, db.file), (chunk) => {
      hash.update(chunk);
      bytes += chunk.byteLength;
    })) {
      lines = line;
      if (!text.endsWith('\n')) {
        at(line, 'is cut short (no end of line): the file was truncated');
        continue;
      }
      const why = lineProblem(text, db.name, ids);
      if (why) at(line, why);
    }
  } catch (e) {
    return [
      {
        file: db.file,
        problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      },
    ];
  }
  if (lines !== db.lines) at(undefined, `has ${lines} lines, the manifest says ${db.lines}`);
  if (ids.size !== db.docs) at(undefined, `has ${ids.size} documents, the manifest says ${db.docs}`);
  if (bytes !== db.bytes) at(undefined, `has ${bytes} bytes, the manifest says ${db.bytes}`);
  const digest = hash.digest('hex');
  if (digest !== db.sha256) at(undefined, `sha-256 ${digest} is not the manifest's ${db.sha256}`);
  return problems;
}

/** The lines of a file with their end of line (the last one may lack it), numbered from 1. */
async function* linesOf(
  path: string,
  onChunk: (b: Uint8Array) => void,
): AsyncGenerator<{ line: number; text: string }> {
  let rest = '';
  let line = 0;
  const utf8 = new StringDecoder('utf8');
  for await (const chunk of createReadStream(path) as AsyncIterable<Uint8Array>) {
    onChunk(chunk);
    rest += utf8.write(chunk);
    let nl = rest.indexOf('\n');
    while (nl >= 0) {
      yield { line: ++line, text: rest.slice(0, nl + 1) };
      rest = rest.slice(nl + 1);
      nl = rest.indexOf('\n');
    }
  }
  rest += utf8.end();
  if (rest !== '') yield { line: ++line, text: rest };
}

/** Why one line is not a well-formed document of this database, or undefined. */
export function lineProblem(text: string, dbName: string, ids: Set<string>): string | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return `is not JSON (${(e as Error).message})`;
  }
  const doc = v as Partial<DocLeaves> & { sha256?: unknown };
  if (typeof doc !== 'object' || doc === null || typeof doc.id !== 'string' || !Array.isArray(doc.leaves))
    return 'is not {"id", "leaves", "sha256"}';
  if (doc.leaves.length === 0) return `${doc.id}: has no leaf`;
  if (doc.sha256 !== sha256(JSON.stringify(doc.leaves)))
    return `${doc.id}: its sha-256 does not match its leaves (the line was changed)`;
  for (const leaf of doc.leaves) {
    const why = historyProblem(leaf, doc.id);
    if (why) return `${doc.id}: ${why}`;
  }
  if (dbName.startsWith('mission-') && doc.id.startsWith('_')) return `${doc.id}: not a record id`;
  ids.add(doc.id);
  return undefined;
}

/** A leaf names its document, and its `_revisions` end at its `_rev` and count down from it. */
function historyProblem(leaf: unknown, id: string): string | undefined {
  const l = leaf as { _id?: unknown; _rev?: unknown; _revisions?: { start?: unknown; ids?: unknown } };
  if (typeof l !== 'object' || l === null) return 'a leaf is not an object';
  if (l._id !== id) return `a leaf names ${JSON.stringify(l._id)}`;
  const m = typeof l._rev === 'string' ? /^([1-9][0-9]*)-(.+)$/.exec(l._rev) : null;
  if (!m) return `leaf _rev ${JSON.stringify(l._rev)} is not <generation>-<hash>`;
  const r = l._revisions;
  const ids = r?.ids;
  if (!r || r.start !== Number(m[1]) || !Array.isArray(ids) || ids[0] !== m[2])
    return `leaf ${l._rev}: _revisions does not end at its _rev`;
  if (ids.length > Number(m[1]) || ids.some((x) => typeof x !== 'string' || x === ''))
    return `leaf ${l._rev}: _revisions is longer than its generation or names an empty revision`;
  return undefined;
}
