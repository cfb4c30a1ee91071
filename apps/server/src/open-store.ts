import { TernStore } from '@tern/store';
import type { ServerConfig } from './config.ts';

/**
 * The server's store as configured: behind `TERN_STORE_URL` when it is set (decision 171), otherwise
 * the embedded LevelDB store in the data folder. `where()` names it for logs, never with a password.
 */
export function openStore(config: Pick<ServerConfig, 'dataDir' | 'storeUrl'>): TernStore {
  return config.storeUrl
    ? new TernStore({ kind: 'url', ...config.storeUrl })
    : new TernStore({ kind: 'leveldb', dataDir: config.dataDir });
}
