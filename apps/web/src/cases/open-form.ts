import type { TernDb } from '../device/db.ts';
import { unseal, unsealText } from '../crypto/sealed.ts';
import type { OpenRow } from '../records/submissions.ts';

/** One record decrypted for a screen (a review, a rejection's reason); null when it is gone. */
export async function openRecord(db: TernDb, key: CryptoKey, id: string): Promise<OpenRow | null> {
  const row = await db.docs.get(id);
  if (!row) return null;
  const { sealed, rejection, ...clear } = row;
  return {
    ...clear,
    body: await unseal(key, row.id, row.rev, sealed),
    ...(rejection && {
      rejection: {
        code: rejection.code,
        ...(rejection.field !== undefined ? { field: rejection.field } : {}),
        reason: await unsealText(key, row.id, row.rev, rejection.reason),
      },
    }),
  };
}
