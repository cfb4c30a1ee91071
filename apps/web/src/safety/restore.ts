import type { TernDb } from '../device/db.ts';
import { docsOf } from '../device/doc-repository.ts';
import { rowFromBackup } from './backup.ts';
import type { BackupFile } from './backup.ts';
import { decideRestore } from './restore-rule.ts';
import type { RestoreDecision } from './restore-rule.ts';

export interface RestoreReport {
  added: number;
  replaced: number;
  /** Already here (same revision) or older than the device's. */
  skipped: number;
  /** Edited both here and in the backup: the device's kept, the file holds the other. */
  diverged: number;
  /** Of a mission this account holds no key for, or not opening with the mission key. */
  unreadable: number;
}

/**
 * Restore a backup into the device, row by row (decideRestore). A row is taken only when it opens
 * with the key of its scope that the logged-in account holds (a mission's key, or for a Migration
 * Profile edition its country's key: `keysByScope`, profiles/profile-scope.ts) — a damaged or foreign row is
 * counted, never stored. The rows stay sealed as they were; nothing is decrypted into storage.
 */
export async function restoreBackup(
  db: TernDb,
  keys: ReadonlyMap<string, CryptoKey>,
  file: BackupFile,
): Promise<RestoreReport> {
  const docs = docsOf(db);
  const report: RestoreReport = { added: 0, replaced: 0, skipped: 0, diverged: 0, unreadable: 0 };
  for (const r of file.docs) {
    const key = keys.get(r.mission);
    const row = rowFromBackup(r);
    if (!key || !(await docs.opens(key, row))) {
      report.unreadable += 1;
      continue;
    }
    // Set by the change below (inside the transaction); `as` keeps TypeScript from narrowing it to 'same'.
    let decision = 'same' as RestoreDecision;
    await docs.commit([
      {
        id: row.id,
        // Decided against the row as it is now, in the same transaction as the write.
        decide: (current) => {
          decision = decideRestore(current, row);
          return decision === 'add' || decision === 'replace' ? row : null;
        },
      },
    ]);
    if (decision === 'add') report.added += 1;
    else if (decision === 'replace') report.replaced += 1;
    else if (decision === 'diverged') report.diverged += 1;
    else report.skipped += 1;
  }
  return report;
}
