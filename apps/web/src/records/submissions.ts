import { ulid } from 'ulidx';
import type { Body } from '@tern/sync';
import type { DocRow, Rejection, TernDb } from '../device/db.ts';
import { unseal, unsealText } from '../crypto/sealed.ts';
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

/** A record as the screens see it: the row with its body decrypted. Lives in memory only. */
export type OpenRow = Omit<DocRow, 'sealed' | 'rejection'> & { body: Body; rejection?: Rejection };

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
  const existing = args.id ? await db.docs.get(args.id) : undefined;
  const createdAt = existing?.createdAt ?? new Date().toISOString();
  // An edit changes the answers; what else the record carries (its case, a data officer's review)
  // stays as it was unless the caller sets it.
  const previous =
    existing && existing.syncState !== 'draft'
      ? await unseal(key, existing.id, existing.rev, existing.sealed)
      : {};
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

export async function listRecords(db: TernDb, key: CryptoKey, mission: string): Promise<OpenRow[]> {
  const rows = await db.docs
    .where('[mission+updatedAt]')
    .between([mission, ''], [mission, '\uffff'])
    .reverse()
    .toArray();
  return Promise.all(
    rows
      .filter((r) => !r.deleted)
      .map(async ({ sealed, rejection, ...clear }): Promise<OpenRow> => ({
        ...clear,
        body: await unseal(key, clear.id, clear.rev, sealed),
        ...(rejection && {
          rejection: {
            code: rejection.code,
            ...(rejection.field !== undefined ? { field: rejection.field } : {}),
            reason: await unsealText(key, clear.id, clear.rev, rejection.reason),
          },
        }),
      })),
  );
}

/** Records that exist only on this device: not yet accepted by the server. */
export async function unsyncedCount(db: TernDb, mission?: string): Promise<number> {
  return db.docs
    .filter(
      (r) =>
        (mission === undefined || r.mission === mission) &&
        r.syncState !== 'synced' &&
        r.syncState !== 'conflict',
    )
    .count();
}

/** A stable id for this browser profile, stored with the data it describes. */
export async function deviceId(db: TernDb): Promise<string> {
  // Get-or-create in one transaction: screens ask for it at the same time on first start, and two
  // ids for one device would register one and sync as the other.
  return db.transaction('rw', db.meta, async () => {
    const got = await db.meta.get('device');
    if (got) return got.value;
    const id = `dev-${ulid()}`;
    await db.meta.add({ key: 'device', value: id });
    return id;
  });
}
