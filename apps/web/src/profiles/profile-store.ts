import { fetchRemote, syncOnce } from '@tern/sync';
import type { Body, SyncSummary } from '@tern/sync';
import { parseProfile, profileDocId } from '@tern/profiles';
import type { ProfileBody } from '@tern/profiles';
import type { TernDb } from '../device/db.ts';
import { docsOf } from '../device/doc-repository.ts';
import { DexieSyncStorage } from '../device/local-store.ts';
import { saveDoc } from '../device/save-doc.ts';
import { profileScope } from './profile-scope.ts';

/**
 * A country's profile editions on this device (decision 186): rows of the device's document store
 * under the scope `profile-<ISO3>`, sealed with the country's key like a mission's records with the
 * mission's, synced through the country's compact door. Records of missions never see them (their
 * lists ask for their mission), and logging out counts their unsynced edits like any other.
 */
export { profileScope } from './profile-scope.ts';

export interface LocalEdition {
  id: string;
  rev: string;
  doc: ProfileBody;
  /** Not yet on the server. */
  pending: boolean;
  /** The server refused the last push of this edition: its code and reason. */
  rejection?: { code: string; reason: string };
  /** The server holds two versions of this edition (same text changed on two devices). */
  conflicted: boolean;
}

export async function localEditions(db: TernDb, key: CryptoKey, country: string): Promise<LocalEdition[]> {
  const rows = await docsOf(db).openAll(key, { mission: profileScope(country), live: true });
  return rows
    .filter((r) => r.type === 'profile')
    .map((r) => ({
      id: r.id,
      rev: r.rev,
      doc: parseProfile(r.body),
      pending: r.syncState === 'pending',
      ...(r.rejection ? { rejection: { code: r.rejection.code, reason: r.rejection.reason } } : {}),
      conflicted: r.review !== undefined,
    }))
    .sort((a, b) => a.doc.edition.number - b.doc.edition.number);
}

/** Store an edit of an edition on the device (checked first: an invalid document is never stored). */
export async function saveEdition(
  db: TernDb,
  key: CryptoKey,
  doc: ProfileBody,
  expectRev: string | undefined,
): Promise<void> {
  const checked = parseProfile(doc);
  await saveDoc(db, key, {
    mission: profileScope(checked.country),
    id: profileDocId(checked.country, checked.edition.number),
    body: checked as unknown as Body,
    ...(expectRev !== undefined ? { expectRev } : {}),
  });
}

/** Push this device's edits of the country and pull everyone else's. */
export function syncCountry(
  db: TernDb,
  key: CryptoKey,
  country: string,
  device: string,
): Promise<SyncSummary> {
  return syncOnce(
    new DexieSyncStorage(db, profileScope(country), key),
    fetchRemote(`/api/profiles/${encodeURIComponent(country)}/sync`),
    { device, retry: { retries: navigator.onLine ? 2 : 0, baseMs: 500, maxMs: 4000 } },
  );
}
