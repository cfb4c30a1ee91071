import type { TernDb } from '../device/db.ts';
import { download } from '../app/download.ts';
import { keysByScope } from '../profiles/profile-scope.ts';
import { backupFileName, encryptedBackup } from './backup.ts';

/**
 * The backup and restore code, loaded when a backup is asked for or a file is chosen (decision 216):
 * the storage panel and the logout guard are on every interviewer's first screen, their actions rarely.
 * Precached with every other chunk, so it works offline.
 */
export { BackupFileError, parseBackup } from './backup.ts';
export { restoreBackup } from './restore.ts';
export { keysByScope };

/** Make the device's encrypted backup and hand it to the browser as a download. */
export async function downloadBackup(db: TernDb, username: string): Promise<void> {
  download(await encryptedBackup(db, username), backupFileName(username));
}
