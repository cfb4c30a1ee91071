import { z } from 'zod/mini';
import { en } from 'zod/locales';
import { CASE_STATUSES } from './case-status.ts';

/**
 * A person's case (`case:<ULID>`). Personal data sits under `pii` so that it is easy to keep out of
 * logs, exports for researchers and anything unencrypted. Status changes are items with ids so that
 * two offline edits of the history merge item by item.
 * HTCDS v2.0: trafficking status (Possible / Actual / Not a victim), cas_ case fields.
 */
// zod's mini API (decision 222): the interview route reads cases, and the classic API would bring its
// JSON-schema generator along. Same checks, same messages on the server (which loads zod's locale).
const str = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
const upTo = (max: number) => z.string().check(z.maxLength(max));
const opt = z.optional;
// The mini API carries no messages of its own: without this, a device that never loaded the classic
// API would say "Invalid input" where the server says what was expected (≈ 1 KiB gzip).
z.config(en());

export const TraffickingStatus = z.enum(['possible', 'actual', 'not_victim']);

export const StatusChange = z.object({
  _id: str(10, 40),
  from: z.nullable(z.enum(CASE_STATUSES)),
  to: z.enum(CASE_STATUSES),
  by: str(1, 100),
  at: z.iso.datetime(),
  reason: opt(upTo(2000)),
});
export type StatusChange = z.infer<typeof StatusChange>;

/**
 * One assignment or transfer of a case by a data officer (decision 135): items with ids, like the
 * status history, so two offline edits merge item by item. `assignedTo` is the last item's `to`.
 */
export const Assignment = z.object({
  _id: str(10, 40),
  from: z.nullable(upTo(100)),
  to: str(1, 100),
  by: str(1, 100),
  at: z.iso.datetime(),
});
export type Assignment = z.infer<typeof Assignment>;

export const CaseBody = z.object({
  type: z.literal('case'),
  mission: z.string().check(z.minLength(1)),
  code: str(4, 40),
  status: z.enum(CASE_STATUSES),
  decision: opt(
    z.object({
      trafficking: TraffickingStatus,
      eligible: z.boolean(),
      reason: opt(upTo(2000)),
    }),
  ),
  assignedTo: opt(upTo(100)),
  /** Who else works on the case, chosen by a data officer (decision 135). */
  sharedWith: opt(z.array(str(1, 100)).check(z.maxLength(50))),
  assignments: opt(z.array(Assignment).check(z.maxLength(1000))),
  pii: z.object({
    fullName: str(1, 300),
    otherNames: opt(upTo(300)),
    birthDate: opt(upTo(10)),
    phone: opt(upTo(50)),
  }),
  history: z.array(StatusChange).check(z.maxLength(1000)),
  review: opt(
    z.object({
      state: z.enum(['submitted', 'approved', 'returned']),
      by: opt(z.string()),
      at: opt(z.string()),
      comment: opt(upTo(2000)),
    }),
  ),
  createdAt: z.iso.datetime(),
  createdBy: str(1, 100),
  updatedAt: opt(z.iso.datetime()),
  updatedBy: opt(upTo(100)),
  device: str(1, 64),
});
export type CaseBody = z.infer<typeof CaseBody>;
