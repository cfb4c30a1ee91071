import { ulid } from 'ulidx';
import type { Review, SubmissionBody } from '@tern/api';
import type { TernDb } from '../device/db.ts';
import { docsOf } from '../device/doc-repository.ts';
import type { OpenRow } from '../device/doc-repository.ts';
import { saveDoc } from '../device/save-doc.ts';

/** The body of a `sub:<ULID>` record: the shared contract's (packages/api), checked by the server too. */
export type { SubmissionBody };

/**
 * Save a submission as a new revision, sealed under the mission's data key. Ids are ULIDs made on the
 * device, so a record created offline never collides with another device's and a retried push never
 * duplicates.
 */
export async function saveSubmission(
  db: TernDb,
  key: CryptoKey,
  args: {
    mission: string;
    form: string;
    answers: Record<string, unknown>;
    device: string;
    id?: string;
    /** Editing a saved record: the revision it was opened at, and who edits. */
    edit?: { rev: string; by: string };
    caseId?: string;
    /** Who fills a new record (kept as it was on an edit). */
    createdBy?: string;
  },
): Promise<OpenRow> {
  const docs = docsOf(db);
  const existing = args.id ? await docs.get(args.id) : undefined;
  const createdAt = existing?.createdAt ?? new Date().toISOString();
  // An edit changes the answers; what else the record carries (its case, a data officer's review)
  // stays as it was unless the caller sets it.
  const previous = existing && existing.syncState !== 'draft' ? await docs.openBody(key, existing) : {};
  const caseId = args.caseId ?? (typeof previous.caseId === 'string' ? previous.caseId : undefined);
  // Who filled it stays who filled it; an edit of an older record without it does not claim it.
  const createdBy =
    typeof previous.createdBy === 'string' ? previous.createdBy : args.edit ? undefined : args.createdBy;
  const now = new Date().toISOString();
  // An approved form that is edited goes back to review: the officer approved the answers as they
  // were (the server refuses an edit that keeps "approved", TERN_APPROVED_EDIT; decision 090).
  const review =
    args.edit && (previous.review as { state?: unknown } | undefined)?.state === 'approved'
      ? ({ state: 'submitted', by: args.edit.by, at: now } satisfies Review)
      : (previous.review as Review | undefined);
  const body: SubmissionBody = {
    type: 'submission',
    mission: args.mission,
    form: args.form,
    answers: args.answers,
    createdAt,
    ...(createdBy ? { createdBy } : {}),
    device: args.device,
    ...(review !== undefined ? { review } : {}),
    ...(args.edit ? { updatedAt: now, updatedBy: args.edit.by } : {}),
    ...(caseId ? { caseId } : {}),
  };
  const id = existing?.id ?? `sub:${ulid()}`;
  const row = await saveDoc(db, key, {
    mission: args.mission,
    id,
    body,
    ...(args.edit ? { expectRev: args.edit.rev } : {}),
  });
  const { sealed: _s, rejection: _r, ...clear } = row;
  return { ...clear, body };
}

/** The mission's records (drafts included), most recently changed first, decrypted in memory. */
export async function listRecords(db: TernDb, key: CryptoKey, mission: string): Promise<OpenRow[]> {
  return docsOf(db).openAll(key, { mission, live: true, newestFirst: true });
}

/** Records that exist only on this device: not yet accepted by the server. */
export async function unsyncedCount(db: TernDb, mission?: string): Promise<number> {
  return docsOf(db).count({
    ...(mission !== undefined ? { mission } : {}),
    where: (r) => r.syncState !== 'synced' && r.syncState !== 'conflict',
  });
}
