import { ulid } from 'ulidx';
import type { TernDb } from '../device/db.ts';
import { docsOf } from '../device/doc-repository.ts';
import type { OpenRow } from '../device/doc-repository.ts';
import { saveDoc } from '../device/save-doc.ts';

export interface SubmissionBody extends Record<string, unknown> {
  type: 'submission';
  mission: string;
  form: string;
  answers: Record<string, unknown>;
  createdAt: string;
  device: string;
  /** Set by edits of a saved record: who and when (bookkeeping the server merge never disputes). */
  updatedAt?: string;
  updatedBy?: string;
  /** The case this form belongs to (`case:<ULID>`), if any. */
  caseId?: string;
}

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
  },
): Promise<OpenRow> {
  const docs = docsOf(db);
  const existing = args.id ? await docs.get(args.id) : undefined;
  const createdAt = existing?.createdAt ?? new Date().toISOString();
  // An edit changes the answers; what else the record carries (its case, a data officer's review)
  // stays as it was unless the caller sets it.
  const previous = existing && existing.syncState !== 'draft' ? await docs.openBody(key, existing) : {};
  const caseId = args.caseId ?? (typeof previous.caseId === 'string' ? previous.caseId : undefined);
  const body: SubmissionBody = {
    type: 'submission',
    mission: args.mission,
    form: args.form,
    answers: args.answers,
    createdAt,
    device: args.device,
    ...(previous.review !== undefined ? { review: previous.review } : {}),
    ...(args.edit ? { updatedAt: new Date().toISOString(), updatedBy: args.edit.by } : {}),
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
