import { pathToFileURL } from 'node:url';
import type { TernStore } from '@tern/store';
import { openStore } from '../open-store.ts';
import { writeBackup } from '../backup/write-backup.ts';

// Usage: TERN_DATA_DIR=… npm run backup -- <new or empty folder>
// The embedded LevelDB store allows one process: with the server running, send it SIGUSR2 instead
// (it writes a backup under TERN_BACKUP_DIR, docs/operator-guide.md "Backups"). A store behind
// TERN_STORE_URL is backed up by this command while the servers run.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: backup.ts <new or empty folder>   (data folder from TERN_DATA_DIR)');
    process.exit(2);
  }
  const { readConfig } = await import('../config.ts');
  let store: TernStore | undefined;
  try {
    store = openStore(readConfig());
    const m = await writeBackup(store, folder);
    const docs = m.databases.reduce((n, d) => n + d.docs, 0);
    console.log(`backup: ${m.databases.length} databases, ${docs} documents written to ${folder}`);
  } catch (e) {
    console.error(`backup: ${(e as Error).message}`);
    process.exitCode = 1;
  } finally {
    await store?.close();
  }
}
