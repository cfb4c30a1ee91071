import { pathToFileURL } from 'node:url';
import { TernStore } from '@tern/store';
import { restoreBackup } from '../backup/restore-backup.ts';

// Usage (server stopped): TERN_DATA_DIR=<new or empty folder> npm run restore -- <backup folder>
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: restore.ts <backup folder>   (into the new or empty folder TERN_DATA_DIR)');
    process.exit(2);
  }
  const { readConfig } = await import('../config.ts');
  const dataDir = readConfig().dataDir;
  try {
    const r = await restoreBackup(folder, dataDir, (dir) => new TernStore({ kind: 'leveldb', dataDir: dir }));
    console.log(`restore: ${r.databases} databases, ${r.docs} documents restored into ${dataDir}`);
  } catch (e) {
    console.error(`restore: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
