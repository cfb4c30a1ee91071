import { ulid } from 'ulidx';
import { CaseBody, assignCase, changeStatus } from '@tern/cases';
import type { CaseStatus } from '@tern/cases';
import type { Body } from '@tern/sync';
import type { Review, ReviewState } from '@tern/api';
import { rememberReviewed } from './review-baseline.ts';
import type { DocRow, TernDb } from '../device/db.ts';
import { saveDoc } from '../device/save-doc.ts';
import type { OpenRow } from '../device/doc-repository.ts';
import { nextCaseCode } from './device-number.ts';

/** A case as the screens see it: the clear row fields and the decrypted body. In memory only. */
export interface OpenCase {
  id: string;
  rev: string;
  syncState: DocRow['syncState'];
  updatedAt: string;
  body: CaseBody;
}

export type Decision = NonNullable<CaseBody['decision']>;
/** A submission's review: the HTTP contract's shape (@tern/api), the one the server checks. */
export type { Review, ReviewState };

const open = (row: DocRow, body: CaseBody): OpenCase => ({
  id: row.id,
  rev: row.rev,
  syncState: row.syncState,
  updatedAt: row.updatedAt,
  body,
});

/** Save a case body as a new revision, sealed; the body is checked first as the server will check it. */
export async function saveCase(
  db: TernDb,
  key: CryptoKey,
  id: string,
  body: CaseBody,
): Promise<{ row: DocRow; open: OpenCase }> {
  const valid = CaseBody.parse(body);
  const row = await saveDoc(db, key, { mission: valid.mission, id, body: valid as unknown as Body });
  return { row, open: open(row, valid) };
}

/**
 * Open a new case in status `screening`, with the next case code of this device. Refuses (throws
 * NoDeviceNumberError) on a device that never got its number from the server.
 */
export async function createCase(
  db: TernDb,
  key: CryptoKey,
  args: {
    mission: string;
    device: string;
    user: string;
    pii: CaseBody['pii'];
    assignedTo?: string;
    now?: string;
  },
): Promise<{ row: DocRow; open: OpenCase }> {
  const code = await nextCaseCode(db, args.mission);
  const at = args.now ?? new Date().toISOString();
  const body: CaseBody = {
    type: 'case',
    mission: args.mission,
    code,
    status: 'screening',
    assignedTo: args.assignedTo ?? args.user,
    pii: args.pii,
    history: [{ _id: ulid(), from: null, to: 'screening', by: args.user, at }],
    createdAt: at,
    createdBy: args.user,
    device: args.device,
  };
  return saveCase(db, key, `case:${ulid()}`, body);
}

/** Change the status with who, when and why (changeStatus refuses moves the lifecycle forbids). */
export async function moveCase(
  db: TernDb,
  key: CryptoKey,
  c: OpenCase,
  to: CaseStatus,
  who: { by: string; reason?: string; at?: string },
) {
  const at = who.at ?? new Date().toISOString();
  const next = changeStatus(c.body, to, {
    by: who.by,
    at,
    id: ulid(),
    ...(who.reason?.trim() ? { reason: who.reason.trim() } : {}),
  });
  return saveCase(db, key, c.id, next);
}

/**
 * Record the screening decision (trafficking status, eligibility and why) and move the case to
 * eligible or not eligible accordingly, in one revision. A case already past screening only changes
 * its decision when the lifecycle allows the move (eligible ↔ not eligible).
 */
export async function recordDecision(
  db: TernDb,
  key: CryptoKey,
  c: OpenCase,
  decision: Decision,
  who: { by: string; at?: string },
) {
  const at = who.at ?? new Date().toISOString();
  const reason = decision.reason?.trim();
  const withDecision: CaseBody = {
    ...c.body,
    decision: {
      trafficking: decision.trafficking,
      eligible: decision.eligible,
      ...(reason ? { reason } : {}),
    },
  };
  const to: CaseStatus = decision.eligible ? 'eligible' : 'not_eligible';
  const next =
    c.body.status === to
      ? { ...withDecision, updatedAt: at, updatedBy: who.by }
      : changeStatus(withDecision, to, { by: who.by, at, id: ulid(), ...(reason ? { reason } : {}) });
  return saveCase(db, key, c.id, next);
}

/**
 * A data officer approves a submission or returns it to the interviewer with a comment; the
 * interviewer resubmits (`submitted`). It is an edit of the record (a new revision of its body),
 * pushed by the next sync; the server lets only data officers and admins approve or return.
 */
export async function reviewSubmission(
  db: TernDb,
  key: CryptoKey,
  sub: Pick<OpenRow, 'id' | 'mission' | 'body'>,
  review: { state: ReviewState; by: string; comment?: string; at?: string },
): Promise<{ row: DocRow; body: Body }> {
  const comment = review.comment?.trim();
  if (review.state === 'returned' && !comment)
    throw new Error('Say what needs to change: a returned record needs a comment');
  const at = review.at ?? new Date().toISOString();
  const body: Body = {
    ...sub.body,
    review: { state: review.state, by: review.by, at, ...(comment ? { comment } : {}) } satisfies Review,
  };
  const row = await saveDoc(db, key, { mission: sub.mission, id: sub.id, body });
  // The reviewer's device keeps the answers it judged, to show the next version's differences.
  if (review.state !== 'submitted')
    await rememberReviewed(db, key, sub.id, {
      answers: (sub.body.answers ?? {}) as Record<string, unknown>,
      at,
    });
  return { row, body };
}

/**
 * A data officer deletes a form (a duplicate, a record entered by mistake): a tombstone revision
 * `{mission, deletion: {by, at, reason}}` (the shape the server checks, @tern/api DeletionBody). The
 * earlier revisions stay at headquarters as history; every device drops the form at its next sync.
 */
export async function deleteSubmission(
  db: TernDb,
  key: CryptoKey,
  sub: Pick<OpenRow, 'id' | 'mission' | 'rev'>,
  d: { by: string; reason: string; at?: string },
): Promise<{ row: DocRow; body: Body }> {
  const reason = d.reason.trim();
  if (!reason) throw new Error('Say why the form is deleted: a deletion needs a reason');
  const body: Body = {
    mission: sub.mission,
    deletion: { by: d.by, at: d.at ?? new Date().toISOString(), reason },
  };
  const row = await saveDoc(db, key, {
    mission: sub.mission,
    id: sub.id,
    body,
    deleted: true,
    expectRev: sub.rev,
  });
  return { row, body };
}

/**
 * Assign or transfer the case to an interviewer (a data officer's act, decision 135): a new revision
 * with the assignment item, pushed at the next sync like any edit and audited there. The interviewer
 * who held it loses its personal data at their next sync (decision 136).
 */
export async function assignTo(
  db: TernDb,
  key: CryptoKey,
  c: OpenCase,
  to: string,
  who: { by: string; at?: string },
) {
  const next = assignCase(c.body, to, { by: who.by, at: who.at ?? new Date().toISOString(), id: ulid() });
  return saveCase(db, key, c.id, next);
}
