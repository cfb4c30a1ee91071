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
  let docs = 0;
  try {
    for (const db of verified.manifest.databases) {
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
