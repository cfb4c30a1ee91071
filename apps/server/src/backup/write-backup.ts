import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join, resolve } from 'node:path';
import type { ServerStore } from '@tern/store';
import { BACKUP_FORMAT, MANIFEST, lineOf, ternVersion } from './backup-format.ts';
import type { DatabaseEntry, Manifest } from './backup-format.ts';

/** Sessions are left out: a backup is not a way to steal logins, and everyone logs in again. */
const SKIPPED: Record<string, (id: string) => boolean> = { system: (id) => id.startsWith('session:') };
export const LEFT_OUT = [
  'sessions (everyone logs in again after a restore)',
  '_local documents: device and replicator checkpoints, the epoch of each mission database',
  'the research analytics database and its secret (research/ under the data folder)',
];

/** The folder must be new or empty: a backup never mixes with another's files. */
export async function assertFreshFolder(folder: string, what: string): Promise<void> {
  const entries = await readdir(folder).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    throw e;
  });
  if (entries.length > 0)
    throw new Error(`${what} ${folder} is not empty (${entries.length} entries): give a new or empty folder`);
}

/**
 * Back up every database of `store` into `folder` while the server runs (decision 150). Written into a
 * sibling temporary folder and renamed at the end, so `folder` never holds half a backup.
 */
export async function writeBackup(
  store: ServerStore,
  folder: string,
  now = () => new Date(),
): Promise<Manifest> {
  const target = resolve(folder);
  await assertFreshFolder(target, 'Backup folder');
  const temp = join(dirname(target), `.${basename(target)}.partial-${randomBytes(4).toString('hex')}`);
  await mkdir(temp, { recursive: true });
  try {
    const createdAt = now().toISOString();
    const databases: DatabaseEntry[] = [];
    for (const name of await store.databases()) databases.push(await backUpOne(store, name, temp));
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      createdAt,
      finishedAt: now().toISOString(),
      ternVersion: ternVersion(),
      leftOut: LEFT_OUT,
      databases,
    };
    await writeFile(join(temp, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    await rm(target, { recursive: true, force: true }); // empty (checked above) or absent
    await rename(temp, target);
    return manifest;
  } catch (e) {
    await rm(temp, { recursive: true, force: true });
    throw e;
  }
}

async function backUpOne(store: ServerStore, name: string, folder: string): Promise<DatabaseEntry> {
  const file = `${name}.ndjson`;
  const out = createWriteStream(join(folder, file));
  const hash = createHash('sha256');
  let bytes = 0;
  let lines = 0;
  const ids = new Set<string>();
  const summary = await store.exportDatabase(
    name,
    async (doc) => {
      const line = lineOf(doc);
      hash.update(line);
      bytes += Buffer.byteLength(line);
      lines += 1;
      ids.add(doc.id);
      if (!out.write(line)) await once(out, 'drain');
    },
    SKIPPED[name],
  );
  out.end();
  await once(out, 'finish');
  return {
    name,
    file,
    docs: ids.size,
    lines,
    bytes,
    updateSeqAtStart: summary.updateSeqAtStart,
    sha256: hash.digest('hex'),
  };
}
