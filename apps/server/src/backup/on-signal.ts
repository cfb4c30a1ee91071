import { join } from 'node:path';
import type { ServerStore } from '@tern/store';
import { writeBackup } from './write-backup.ts';

interface Log {
  info(o: object, msg: string): void;
  warn(o: object, msg: string): void;
  error(o: object, msg: string): void;
}

/** A backup of the running server into `<backupDir>/tern-backup-<UTC time>`; returns the folder. */
export async function backupInto(
  store: ServerStore,
  backupDir: string,
  now = () => new Date(),
): Promise<string> {
  const folder = join(backupDir, `tern-backup-${now().toISOString().replace(/[:.]/g, '-')}`);
  await writeBackup(store, folder, now);
  return folder;
}

/**
 * The online backup of the embedded store (decision 150): LevelDB admits one process, so the running
 * server makes it when the operator sends `SIGUSR2` (a timer or `systemctl kill -s USR2 tern`). One at
 * a time; the outcome is logged. Returns the handler, for tests and for `process.on`.
 */
export function backupOnSignal(store: ServerStore, backupDir: string | null, log: Log): () => Promise<void> {
  let running = false;
  return async () => {
    if (!backupDir) {
      log.warn({}, 'backup asked for (SIGUSR2) but TERN_BACKUP_DIR is not set: no backup made');
      return;
    }
    if (running) {
      log.warn({}, 'backup asked for (SIGUSR2) while one is running: ignored');
      return;
    }
    running = true;
    const started = Date.now();
    try {
      const folder = await backupInto(store, backupDir);
      log.info({ folder, ms: Date.now() - started }, 'backup written');
    } catch (err) {
      log.error({ err }, `backup failed: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
}
