import type { MissionDb, ServerStore } from '@tern/store';
import type { ProfileBody } from '@tern/profiles';
import { bodyOf } from '@tern/sync';
import { PROFILE_ID, profileOf } from './profile-admission.ts';

/** One edition as listed: its number, status, last change and whether it has an open conflict. */
export interface EditionSummary {
  number: number;
  status: ProfileBody['edition']['status'];
  updatedAt: string;
  publishedAt?: string;
  conflict: boolean;
}

/** Editions are few (one a year or so): a country's are read whole, newest last. */
export async function editionsOf(
  db: MissionDb,
): Promise<Array<{ rev: string; doc: ProfileBody; conflicted: boolean }>> {
  const out: Array<{ rev: string; doc: ProfileBody; conflicted: boolean }> = [];
  const conflicted = new Set(await db.conflictedIds());
  for (const w of await db.allDocs()) {
    if (w._deleted || !PROFILE_ID.test(w._id)) continue;
    const doc = profileOf(bodyOf(w));
    if (doc) out.push({ rev: w._rev, doc, conflicted: conflicted.has(w._id) });
  }
  return out.sort((a, b) => a.doc.edition.number - b.doc.edition.number);
}

export const summaryOf = (e: { doc: ProfileBody; conflicted: boolean }): EditionSummary => ({
  number: e.doc.edition.number,
  status: e.doc.edition.status,
  updatedAt: e.doc.updatedAt ?? e.doc.createdAt,
  ...(e.doc.edition.publishedAt ? { publishedAt: e.doc.edition.publishedAt } : {}),
  conflict: e.conflicted,
});

/** The countries that have a profile database on this server (for admins' list). */
export async function storedCountries(store: ServerStore): Promise<string[]> {
  return (await store.databases())
    .map((n) => /^profile-([a-z]{3})$/.exec(n)?.[1]?.toUpperCase())
    .filter((c): c is string => c !== undefined);
}

/** One edition's winning revision as a profile, or undefined. */
export async function editionAt(
  db: MissionDb,
  country: string,
  n: number,
): Promise<{ rev: string; doc: ProfileBody; conflicted: boolean } | undefined> {
  const w = await db.get(`profile:${country}:${n}`);
  if (!w || w._deleted) return undefined;
  const doc = profileOf(bodyOf(w));
  return doc
    ? { rev: w._rev, doc, conflicted: Array.isArray(w._conflicts) && w._conflicts.length > 0 }
    : undefined;
}
