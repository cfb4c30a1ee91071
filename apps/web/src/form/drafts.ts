import { ulid } from 'ulidx';
import type { DocRow, TernDb } from '../db.ts';
import { saveSubmission } from '../records.ts';
import type { SubmissionBody } from '../records.ts';

/**
 * Drafts: a form being filled, stored on the device as a `docs` row in the shape records.ts uses, with
 * syncState 'draft'. Sync pushes only 'pending' rows, so a draft never leaves the device. A draft has
 * no revision of its own ('0-draft', empty history): its many autosaves are not edits anyone else
 * should see, and the saved record starts its history fresh (saveSubmission, revision 1).
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
}

export async function saveDraft(db: TernDb, args: DraftArgs): Promise<DocRow> {
  return db.transaction('rw', db.docs, async () => {
    const existing = args.id ? await db.docs.get(args.id) : undefined;
    // A draft that became a record meanwhile (saved in another tab) is never overwritten by a late autosave.
    if (existing && existing.syncState !== 'draft') return existing;
    const now = new Date().toISOString();
    const body: SubmissionBody = {
      type: 'submission',
      mission: args.mission,
      form: args.form,
      answers: args.answers,
      createdAt: (existing?.body.createdAt as string | undefined) ?? now,
      device: args.device,
    };
    const row: DocRow = {
      id: existing?.id ?? args.id ?? `sub:${ulid()}`,
      mission: args.mission,
      type: 'sub',
      rev: DRAFT_REV,
      revisions: { start: 0, ids: [] },
      deleted: false,
      body,
      syncState: 'draft',
      updatedAt: now,
    };
    await db.docs.put(row);
    return row;
  });
}

export async function listDrafts(db: TernDb, mission: string): Promise<DocRow[]> {
  const rows = await db.docs.where('[mission+syncState]').equals([mission, 'draft']).toArray();
  return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function loadDraft(db: TernDb, id: string): Promise<DocRow | null> {
  const row = await db.docs.get(id);
  return row && row.syncState === 'draft' ? row : null;
}

/** Delete a draft (Cancel → Discard); a row that is no longer a draft is left alone. */
export async function discardDraft(db: TernDb, id: string): Promise<void> {
  await db.transaction('rw', db.docs, async () => {
    const row = await db.docs.get(id);
    if (row?.syncState === 'draft') await db.docs.delete(id);
  });
}

/**
 * Save the final submission and drop its draft in one transaction, so the device never holds both
 * or neither. `answers` must already be pruned (pruneIrrelevant): the server rejects answers to
 * questions that are not relevant.
 */
export async function submitDraft(
  db: TernDb,
  args: { mission: string; form: string; answers: Record<string, unknown>; device: string; draftId?: string },
): Promise<DocRow> {
  return db.transaction('rw', db.docs, async () => {
    if (args.draftId) await discardDraft(db, args.draftId);
    return saveSubmission(db, {
      mission: args.mission,
      form: args.form,
      answers: args.answers,
      device: args.device,
    });
  });
}
