import { ApiError, Review, fetchJson } from '@tern/api';
import type { Revisions } from '@tern/sync';
import type { ReviewedVersion } from './review-baseline.ts';

/** How far back the record's history is searched for the last judged version (one request). */
export const HISTORY_DEPTH = 50;

/**
 * Where the version a reviewer compares against came from (decision 208):
 * `device` — reviewed on this device (decision 159); `server` — read from the record's history on the
 * server (the CouchDB door keeps every revision's body); `none` — no earlier version was ever approved
 * or returned (a first review: nothing to compare); `offline` — the record has earlier versions but
 * none is on this device and the server cannot be reached now; `failed` — the server answered with an
 * error (the reason is shown, nothing else changes).
 */
export type ReviewBaseline =
  | { from: 'device' | 'server'; version: ReviewedVersion }
  | { from: 'none' }
  | { from: 'offline' }
  | { from: 'failed'; error: ApiError };

/** The revision ids before the current one, newest first (`<generation>-<hash>`), at most `depth`. */
export function earlierRevs(revisions: Revisions, depth = HISTORY_DEPTH): string[] {
  return revisions.ids.slice(1, depth + 1).map((hash, i) => `${revisions.start - 1 - i}-${hash}`);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The last judged (approved or returned) version among `open_revs` entries listed newest first: its
 * answers and when it was judged. Entries the server does not hold (`missing`), deleted revisions and
 * bodies not shaped like a submission are passed over, never trusted.
 */
export function lastJudged(entries: unknown, revs: readonly string[]): ReviewedVersion | null {
  if (!Array.isArray(entries)) return null;
  const byRev = new Map<string, Record<string, unknown>>();
  for (const e of entries) {
    const doc = isObject(e) && isObject(e.ok) ? e.ok : null;
    if (doc && typeof doc._rev === 'string' && doc._deleted !== true) byRev.set(doc._rev, doc);
  }
  for (const rev of revs) {
    const doc = byRev.get(rev);
    if (!doc) continue;
    const review = Review.safeParse(doc.review);
    if (!review.success || review.data.state === 'submitted') continue;
    if (!isObject(doc.answers)) continue;
    return { answers: doc.answers, at: review.data.at };
  }
  return null;
}

/**
 * The record's last judged version from its history on the server: one `GET` of the CouchDB door
 * with `open_revs` listing the earlier revisions (the reviewer's session cookie; the door applies the
 * same view rules as a pull). Null when none of them was judged.
 */
export async function judgedOnServer(
  mission: string,
  id: string,
  revisions: Revisions,
  fetchImpl?: typeof fetch,
): Promise<ReviewedVersion | null> {
  const revs = earlierRevs(revisions);
  if (revs.length === 0) return null;
  const url =
    `/couch/${encodeURIComponent(mission)}/${encodeURIComponent(id)}` +
    `?open_revs=${encodeURIComponent(JSON.stringify(revs))}`;
  const entries = await fetchJson<unknown>(url, {
    headers: { accept: 'application/json' },
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  return lastJudged(entries, revs);
}

/**
 * The version to show a reviewer's differences against: this device's own (decision 159), else the
 * server's history (decision 208). `none` for a record with no earlier revision, without asking.
 */
export async function reviewBaseline(
  onDevice: ReviewedVersion | null,
  row: { mission: string; id: string; revisions: Revisions },
  fetchImpl?: typeof fetch,
): Promise<ReviewBaseline> {
  if (onDevice) return { from: 'device', version: onDevice };
  if (row.revisions.ids.length < 2) return { from: 'none' };
  try {
    const version = await judgedOnServer(row.mission, row.id, row.revisions, fetchImpl);
    return version ? { from: 'server', version } : { from: 'none' };
  } catch (err) {
    if (err instanceof ApiError && err.status !== 0) return { from: 'failed', error: err };
    return { from: 'offline' };
  }
}
