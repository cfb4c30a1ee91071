import { z } from 'zod';
import { FormKey, ULID_PATTERN } from './common.ts';

/**
 * A data officer's review of a submission (docs/decisions/060-cases.md): a field of the record,
 * changed by an edit pushed through a sync door like any other.
 */
export const ReviewState = z.enum(['submitted', 'approved', 'returned']);
export type ReviewState = z.infer<typeof ReviewState>;

export const Review = z.object({
  state: ReviewState,
  by: z.string().min(1).max(100),
  at: z.iso.datetime(),
  comment: z.string().max(2000).optional(),
});
export type Review = z.infer<typeof Review>;

/** The body of a `sub:<ULID>` document: one filled form. The answers are checked against the form. */
export const SubmissionBody = z.object({
  type: z.literal('submission'),
  mission: z.string(),
  form: FormKey,
  answers: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
  /** Who filled it: an interviewer sees the records tied to no case that they made (decision 135). */
  createdBy: z.string().min(1).max(100).optional(),
  device: z.string().min(1).max(64),
  // The case this form belongs to (a case's Screening, Assistance and follow-up forms).
  caseId: z
    .string()
    .regex(new RegExp(`^case:${ULID_PATTERN}$`), 'caseId must be case:<ULID>')
    .optional(),
  review: Review.optional(),
  /**
   * Set by edits of a saved record: who and when (bookkeeping the merge never disputes). Not checked
   * by the server before decision 082 (any value passed); typed like CaseBody's since.
   */
  updatedAt: z.iso.datetime().optional(),
  updatedBy: z.string().max(100).optional(),
});
export type SubmissionBody = z.infer<typeof SubmissionBody>;

/** The body of a `case:<ULID>` document lives in @tern/cases, with the case lifecycle. */
export { CaseBody } from '@tern/cases';
