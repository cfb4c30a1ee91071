import type { TernDb } from '../device/db.ts';
import { docsOf } from '../device/doc-repository.ts';
import type { OpenRow } from '../device/doc-repository.ts';

/** One record decrypted for a screen (a review, a rejection's reason); null when it is gone. */
export async function openRecord(db: TernDb, key: CryptoKey, id: string): Promise<OpenRow | null> {
  return docsOf(db).openById(key, id);
}
