import { createReadStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { basename, dirname, join, resolve } from 'node:path';
import type { DocLeaves, ServerStore } from '@tern/store';
import { assertFreshFolder } from './write-backup.ts';
import { describe, verifyBackup } from './verify-backup.ts';

const BATCH = 200;

export interface Restored {
  databases: number;
  docs: number;
}

/**
 * Restore a verified backup into a fresh data folder (decision 151): every database is written into a
 * sibling temporary folder, which is renamed to `dataDir` only when all of it is in, so a failed restore
 * leaves nothing half-restored. `open` makes the store on a folder (the embedded LevelDB store).
 */
export async function restoreBackup(
  folder: string,
  dataDir: string,
  open: (dir: string) => ServerStore,
): Promise<Restored> {
  const target = resolve(dataDir);
  await assertFreshFolder(target, 'Data folder');
  const verified = await verifyBackup(folder);
  if (!verified.ok)
    throw new Error(
      `The backup is damaged; nothing was restored:\n${verified.problems.map(describe).join('\n')}`,
    );
  const temp = join(dirname(target), `.${basename(target)}.restoring-${randomBytes(4).toString('hex')}`);
  const store = open(temp);
  try {
    const docs = await importAll(folder, verified.manifest.databases, store);
    await store.close();
    await rm(target, { recursive: true, force: true }); // empty (checked above) or absent
    await rename(temp, target);
    return { databases: verified.manifest.databases.length, docs };
  } catch (e) {
    await store.close().catch(() => undefined);
    await rm(temp, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Restore a verified backup into a store behind TERN_STORE_URL (decision 171): only into a store that
 * holds no Tern database yet (a new prefix or a new cluster), for the same reason as a fresh folder.
 * A CouchDB store cannot be swapped in by a rename: a failed restore leaves the databases it wrote,
 * and says to delete them (they carry the prefix) before trying again.
 */
export async function restoreIntoStore(folder: string, store: ServerStore, where: string): Promise<Restored> {
  const existing = await store.databases();
  if (existing.length > 0)
    throw new Error(
      `${where} already holds ${existing.length} Tern databases (${existing.slice(0, 3).join(', ')}…): restore into an empty store or another TERN_STORE_PREFIX`,
    );
  const verified = await verifyBackup(folder);
  if (!verified.ok)
    throw new Error(
      `The backup is damaged; nothing was restored:\n${verified.problems.map(describe).join('\n')}`,
    );
  try {
    const docs = await importAll(folder, verified.manifest.databases, store);
    return { databases: verified.manifest.databases.length, docs };
  } catch (e) {
    throw new Error(
      `${(e as Error).message}\nThe restore stopped half way: delete the databases it made in ${where} before trying again`,
      { cause: e },
    );
  }
}

/** Write every database of the backup into the store, in batches; the documents written. */
async function importAll(
  folder: string,
  databases: Array<{ name: string; file: string; docs: number }>,
  store: ServerStore,
): Promise<number> {
  let docs = 0;
  for (const db of databases) {
    let batch: DocLeaves[] = [];
    const flush = async () => {
      const refused = await store.importDatabase(db.name, batch);
      if (refused.length > 0)
        throw new Error(`${db.file}: the store refused ${refused.slice(0, 3).join('; ')}`);
      batch = [];
    };
    const lines = createInterface({ input: createReadStream(join(folder, db.file)), crlfDelay: Infinity });
    for await (const line of lines) {
      const { id, leaves } = JSON.parse(line) as DocLeaves;
      batch.push({ id, leaves });
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    docs += db.docs;
  }
  return docs;
}
