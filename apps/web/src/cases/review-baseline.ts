import { fromB64, toB64 } from '../crypto/key-wrap.ts';
import { sealText, unsealText } from '../crypto/sealed.ts';
import type { TernDb } from '../device/db.ts';

/**
 * The answers a reviewer last approved or returned, kept on the reviewer's device so that the next
 * version can be shown with its differences (decision 159). A device holds one revision of a record
 * only; without this, a corrected form would replace the returned one and the officer could not see
 * what changed. Sealed under the mission key like the record (answers are personal data), bound to
 * the record id, in the meta table (`reviewed:<id>`).
 */
export interface ReviewedVersion {
  answers: Record<string, unknown>;
  /** When it was reviewed. */
  at: string;
}

const KEY = (id: string) => `reviewed:${id}`;

export async function rememberReviewed(
  db: TernDb,
  key: CryptoKey,
  id: string,
  version: ReviewedVersion,
): Promise<void> {
  const sealed = await sealText(key, KEY(id), 'baseline', JSON.stringify(version));
  await db.meta.put({
    key: KEY(id),
    value: JSON.stringify({ iv: toB64(sealed.iv), data: toB64(sealed.data) }),
  });
}

/** The version last reviewed on this device, or null (never reviewed here, or unreadable). */
export async function reviewedVersion(
  db: TernDb,
  key: CryptoKey,
  id: string,
): Promise<ReviewedVersion | null> {
  const row = await db.meta.get(KEY(id));
  if (!row) return null;
  try {
    const { iv, data } = JSON.parse(row.value) as { iv: string; data: string };
    const text = await unsealText(key, KEY(id), 'baseline', { iv: fromB64(iv), data: fromB64(data).buffer });
    return JSON.parse(text) as ReviewedVersion;
  } catch {
    // Another key (the mission's key was replaced) or a damaged row: no previous version to compare.
    return null;
  }
}

/** Forget a record's reviewed version (the record was deleted). */
export async function forgetReviewed(db: TernDb, id: string): Promise<void> {
  await db.meta.delete(KEY(id));
}
