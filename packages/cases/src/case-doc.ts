import { z } from 'zod';
import { CASE_STATUSES } from './case-status.ts';

/**
 * A person's case (`case:<ULID>`). Personal data sits under `pii` so that it is easy to keep out of
 * logs, exports for researchers and anything unencrypted. Status changes are items with ids so that
 * two offline edits of the history merge item by item.
 * HTCDS v2.0: trafficking status (Possible / Actual / Not a victim), cas_ case fields.
 */
export const TraffickingStatus = z.enum(['possible', 'actual', 'not_victim']);

export const StatusChange = z.object({
  _id: z.string().min(10).max(40),
  from: z.enum(CASE_STATUSES).nullable(),
  to: z.enum(CASE_STATUSES),
  by: z.string().min(1).max(100),
  at: z.iso.datetime(),
  reason: z.string().max(2000).optional(),
});
export type StatusChange = z.infer<typeof StatusChange>;

/**
 * One assignment or transfer of a case by a data officer (decision 135): items with ids, like the
 * status history, so two offline edits merge item by item. `assignedTo` is the last item's `to`.
 */
export const Assignment = z.object({
  _id: z.string().min(10).max(40),
  from: z.string().max(100).nullable(),
  to: z.string().min(1).max(100),
  by: z.string().min(1).max(100),
  at: z.iso.datetime(),
});
export type Assignment = z.infer<typeof Assignment>;

export const CaseBody = z.object({
  type: z.literal('case'),
  mission: z.string().min(1),
  code: z.string().min(4).max(40),
  status: z.enum(CASE_STATUSES),
  decision: z
    .object({
      trafficking: TraffickingStatus,
      eligible: z.boolean(),
      reason: z.string().max(2000).optional(),
    })
    .optional(),
  assignedTo: z.string().max(100).optional(),
  /** Who else works on the case, chosen by a data officer (decision 135). */
  sharedWith: z.array(z.string().min(1).max(100)).max(50).optional(),
  assignments: z.array(Assignment).max(1000).optional(),
  pii: z.object({
    fullName: z.string().min(1).max(300),
    otherNames: z.string().max(300).optional(),
    birthDate: z.string().max(10).optional(),
    phone: z.string().max(50).optional(),
  }),
  history: z.array(StatusChange).max(1000),
  review: z
    .object({
      state: z.enum(['submitted', 'approved', 'returned']),
      by: z.string().optional(),
      at: z.string().optional(),
      comment: z.string().max(2000).optional(),
    })
    .optional(),
  createdAt: z.iso.datetime(),
  createdBy: z.string().min(1).max(100),
  updatedAt: z.iso.datetime().optional(),
  updatedBy: z.string().max(100).optional(),
  device: z.string().min(1).max(64),
});
export type CaseBody = z.infer<typeof CaseBody>;
