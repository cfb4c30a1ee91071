import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDuckDbStore, rebuildAnalytics, researchKeys } from '@tern/research';
import type { CatchUpResult } from '@tern/research';
import type { ServerStore } from '@tern/store';
import { Missions } from '../auth/missions.ts';
import { researchSecret } from '../research/research-secret.ts';

/**
 * Rebuild the analytics store from every mission's records: empty it, then read each mission's
 * changes feed from the start (decision 100: the store holds nothing that is not in the missions).
 * The server does the same by itself when it finds the store missing, corrupt or made with another
 * secret; this is for an operator who wants it done now, with the server stopped.
 */
export async function researchRebuild(
  store: ServerStore,
  o: { dbPath: string; secret: string },
): Promise<CatchUpResult[]> {
  const keys = researchKeys(o.secret);
  mkdirSync(dirname(o.dbPath), { recursive: true });
  const analytics = await openDuckDbStore({ path: o.dbPath, fingerprint: keys.fingerprint });
  try {
    const missions = (await new Missions(store.system(), Date.now).list()).map((m) => m.id).sort();
    return await rebuildAnalytics(
      analytics,
      missions.map((m) => store.mission(m)),
      keys,
    );
  } finally {
    await analytics.close();
  }
}

// Usage (server stopped: LevelDB and the DuckDB file allow one process each):
//   TERN_DATA_DIR=… node --import tsx apps/server/src/cli/research-rebuild.ts
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { readConfig } = await import('../config.ts');
  const config = readConfig();
  const { openStore } = await import('../open-store.ts');
  const store = openStore(config);
  const started = Date.now();
  try {
    const secret = researchSecret(
      { fromEnv: config.research.secret, file: config.research.secretFile },
      (m) => console.log(m),
    );
    const results = await researchRebuild(store, { dbPath: config.research.dbPath, secret });
    for (const r of results) console.log(`${r.mission}: ${r.changes} changes read in ${r.batches} batches`);
    console.log(
      `analytics store rebuilt at ${config.research.dbPath}: ${results.length} missions in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (e) {
    console.error(`research-rebuild: ${(e as Error).message}`);
    process.exitCode = 1;
  } finally {
    await store.close();
  }
}
