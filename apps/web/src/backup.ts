import type { TernDb } from './db.ts';
import { toB64 } from './crypto/key-wrap.ts';

/**
 * An encrypted backup of the device's records, for a user who must log out (or hand the device over)
 * before the records could sync. Bodies stay sealed exactly as in IndexedDB, and the keyring entry
 * rides along, so the file opens only with the user's password (with the same PBKDF2 salt and count)
 * — or with the mission key on the server.
 */
export async function encryptedBackup(db: TernDb, username: string): Promise<Blob> {
  const keyring = await db.keyring.get(username);
  const rows = await db.docs.toArray();
  const file = {
    format: 'tern-encrypted-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    username,
    keyring: keyring && {
      salt: toB64(keyring.salt),
      iterations: keyring.iterations,
      keys: Object.fromEntries(
        Object.entries(keyring.keys).map(([m, w]) => [m, { iv: toB64(w.iv), wrapped: toB64(w.wrapped) }]),
      ),
    },
    docs: rows.map(({ sealed, ...clear }) => ({
      ...clear,
      sealed: { iv: toB64(sealed.iv), data: toB64(sealed.data) },
    })),
  };
  return new Blob([JSON.stringify(file)], { type: 'application/json' });
}

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
