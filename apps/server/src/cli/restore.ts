import { pathToFileURL } from 'node:url';
import { TernStore } from '@tern/store';
import { restoreBackup, restoreIntoStore } from '../backup/restore-backup.ts';
import { openStore } from '../open-store.ts';

// Usage (server stopped): TERN_DATA_DIR=<new or empty folder> npm run restore -- <backup folder>
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: restore.ts <backup folder>   (into the new or empty folder TERN_DATA_DIR)');
    process.exit(2);
  }
  const { readConfig } = await import('../config.ts');
  const config = readConfig();
  const dataDir = config.dataDir;
  try {
    if (config.storeUrl) {
      // Behind TERN_STORE_URL (decision 171): into a store that holds no Tern database yet.
      const store = openStore(config);
      try {
        const r = await restoreIntoStore(folder, store, store.where());
        console.log(`restore: ${r.databases} databases, ${r.docs} documents restored into ${store.where()}`);
      } finally {
        await store.close();
      }
    } else {
      const r = await restoreBackup(
        folder,
        dataDir,
        (dir) => new TernStore({ kind: 'leveldb', dataDir: dir }),
      );
      console.log(`restore: ${r.databases} databases, ${r.docs} documents restored into ${dataDir}`);
    }
  } catch (e) {
    console.error(`restore: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
