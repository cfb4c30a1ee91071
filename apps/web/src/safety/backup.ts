import type { DocRow, TernDb } from '../device/db.ts';
import { docsOf } from '../device/doc-repository.ts';
import { fromB64, toB64 } from '../crypto/key-wrap.ts';
import type { Sealed } from '../crypto/sealed.ts';

/**
 * An encrypted backup of the device's records, for a user who must log out (or hand the device over)
 * before the records could sync. Bodies stay sealed exactly as in IndexedDB, and the keyring entry
 * rides along, so the file opens only with the user's password (with the same PBKDF2 salt and count)
 * — or with the mission key on the server. Restoring it: safety/restore.ts.
 *
 * Version 2 also encodes a rejection's sealed reason as base64 (version 1 wrote its ArrayBuffer as
 * `{}`, so a version-1 file's rejection reasons are gone; its rows restore without them).
 */
export const BACKUP_FORMAT = 'tern-encrypted-backup';
export const BACKUP_VERSION = 2;

interface SealedB64 {
  iv: string;
  data: string;
}
export type BackupRow = Omit<DocRow, 'sealed' | 'rejection'> & {
  sealed: SealedB64;
  rejection?: { code: string; field?: string; reason: SealedB64 };
};
export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  username: string;
  keyring?: unknown;
  docs: BackupRow[];
}

const sealedToB64 = (s: Sealed): SealedB64 => ({ iv: toB64(s.iv), data: toB64(s.data) });
const sealedFromB64 = (s: SealedB64): Sealed => ({ iv: fromB64(s.iv), data: fromB64(s.data).buffer });

export async function encryptedBackup(db: TernDb, username: string): Promise<Blob> {
  const keyring = await db.keyring.get(username);
  // Rows as stored: still sealed, never opened for the backup.
  const rows = await docsOf(db).find();
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    username,
    keyring: keyring && {
      salt: toB64(keyring.salt),
      iterations: keyring.iterations,
      keys: Object.fromEntries(
        Object.entries(keyring.keys).map(([m, w]) => [m, { iv: toB64(w.iv), wrapped: toB64(w.wrapped) }]),
      ),
    },
    docs: rows.map(({ sealed, rejection, ...clear }) => ({
      ...clear,
      sealed: sealedToB64(sealed),
      ...(rejection && { rejection: { ...rejection, reason: sealedToB64(rejection.reason) } }),
    })),
  };
  return new Blob([JSON.stringify(file)], { type: 'application/json' });
}

export class BackupFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFileError';
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isSealedB64 = (v: unknown): v is SealedB64 =>
  isObj(v) && typeof v.iv === 'string' && typeof v.data === 'string';

/**
 * Read a backup file's text. The file comes from outside the app (a USB stick, an e-mail): every
 * field used is checked; a row that does not have the shape of a device row is refused whole.
 */
export function parseBackup(text: string): BackupFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupFileError('not JSON');
  }
  if (!isObj(raw) || raw.format !== BACKUP_FORMAT) throw new BackupFileError('not a Tern backup');
  if (typeof raw.version !== 'number' || raw.version > BACKUP_VERSION)
    throw new BackupFileError(`backup version ${String(raw.version)} is newer than this app`);
  if (!Array.isArray(raw.docs)) throw new BackupFileError('no records');
  const docs = raw.docs.map((d: unknown, i): BackupRow => {
    const ok =
      isObj(d) &&
      typeof d.id === 'string' &&
      typeof d.mission === 'string' &&
      typeof d.type === 'string' &&
      typeof d.rev === 'string' &&
      isObj(d.revisions) &&
      typeof d.revisions.start === 'number' &&
      Array.isArray(d.revisions.ids) &&
      d.revisions.ids.every((h) => typeof h === 'string') &&
      ['draft', 'pending', 'synced', 'rejected', 'conflict'].includes(d.syncState as string) &&
      typeof d.createdAt === 'string' &&
      typeof d.updatedAt === 'string' &&
      isSealedB64(d.sealed);
    if (!ok) throw new BackupFileError(`record ${i + 1} is damaged`);
    const row = d as unknown as BackupRow;
    const rej = (d as { rejection?: unknown }).rejection;
    const { rejection: _r, ...rest } = row;
    // Version 1 lost the reason's bytes: keep the row, drop what cannot be read.
    return isObj(rej) && typeof rej.code === 'string' && isSealedB64(rej.reason)
      ? { ...rest, deleted: Boolean(row.deleted), rejection: rej as BackupRow['rejection'] & object }
      : { ...rest, deleted: Boolean(row.deleted) };
  });
  return {
    format: BACKUP_FORMAT,
    version: raw.version,
    createdAt: String(raw.createdAt ?? ''),
    username: String(raw.username ?? ''),
    docs,
  };
}

/** A backup row as the device stores it. */
export function rowFromBackup(r: BackupRow): DocRow {
  const { sealed, rejection, ...clear } = r;
  return {
    ...clear,
    sealed: sealedFromB64(sealed),
    ...(rejection && { rejection: { ...rejection, reason: sealedFromB64(rejection.reason) } }),
  };
}

export const backupFileName = (username: string) =>
  `tern-backup-${username}-${new Date().toISOString().slice(0, 10)}.json`;
