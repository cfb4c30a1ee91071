import { ulid } from 'ulidx';
import type { TernDb } from '../device/db.ts';
import { docsOf } from '../device/doc-repository.ts';
import type { OpenRow } from '../device/doc-repository.ts';
import { saveSubmission } from '../records/submissions.ts';
import type { SubmissionBody } from '../records/submissions.ts';

/**
 * Drafts: a form being filled, stored on the device as a `docs` row with syncState 'draft', sealed
 * like every record (a draft holds the same personal data). Sync pushes only 'pending' rows, so a
 * draft never leaves the device. A draft has no revision of its own ('0-draft', empty history): its
 * many autosaves are not edits anyone else should see. Saving turns the draft row itself into the
 * record's first revision (same id), so the device never holds both or neither.
 */
export const DRAFT_REV = '0-draft';

export interface DraftArgs {
  mission: string;
  /** `id@version` of the form. */
  form: string;
  answers: Record<string, unknown>;
  device: string;
  /** The draft's id; omitted for the first save of a new draft. */
  id?: string;
  /** The case the form is for, kept in the draft so that resuming it keeps the link. */
  caseId?: string;
}

export async function saveDraft(db: TernDb, key: CryptoKey, args: DraftArgs): Promise<{ id: string }> {
  const docs = docsOf(db);
  const existing = args.id ? await docs.get(args.id) : undefined;
  // A draft that became a record meanwhile (saved in another tab) is never overwritten by a late autosave.
  if (existing && existing.syncState !== 'draft') return { id: existing.id };
  const now = new Date().toISOString();
  const id = existing?.id ?? args.id ?? `sub:${ulid()}`;
  const body: SubmissionBody = {
    type: 'submission',
    mission: args.mission,
    form: args.form,
    answers: args.answers,
    createdAt: existing?.createdAt ?? now,
    device: args.device,
    ...(args.caseId ? { caseId: args.caseId } : {}),
  };
  const row = await docs.seal(
    key,
    {
      id,
      mission: args.mission,
      type: 'sub',
      rev: DRAFT_REV,
      revisions: { start: 0, ids: [] },
      deleted: false,
      syncState: 'draft',
      createdAt: body.createdAt,
      updatedAt: now,
    },
    body,
  );
  await docs.commit([{ id, decide: (current) => (current && current.syncState !== 'draft' ? null : row) }]);
  return { id };
}

/** The mission's drafts, newest first, decrypted in memory. */
export async function listDrafts(db: TernDb, key: CryptoKey, mission: string): Promise<OpenRow[]> {
  return docsOf(db).openAll(key, { mission, state: 'draft', newestFirst: true });
}

/** Delete a draft (Cancel → Discard); a row that is no longer a draft is left alone. */
export async function discardDraft(db: TernDb, id: string): Promise<void> {
  await docsOf(db).commit([{ id, decide: (row) => (row?.syncState === 'draft' ? 'delete' : null) }]);
}

/**
 * Save the final submission. `answers` must already be pruned (pruneIrrelevant): the server rejects
 * answers to questions that are not relevant. With a draft, the record takes the draft's id and
 * replaces its row in one write.
 */
export async function submitDraft(
  db: TernDb,
  key: CryptoKey,
  args: {
    mission: string;
    form: string;
    answers: Record<string, unknown>;
    device: string;
    draftId?: string;
    caseId?: string;
    createdBy?: string;
  },
): Promise<OpenRow> {
  return saveSubmission(db, key, {
    mission: args.mission,
    form: args.form,
    answers: args.answers,
    device: args.device,
    ...(args.draftId ? { id: args.draftId } : {}),
    ...(args.caseId ? { caseId: args.caseId } : {}),
    ...(args.createdBy ? { createdBy: args.createdBy } : {}),
  });
}
