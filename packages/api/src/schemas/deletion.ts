import { z } from 'zod';

/**
 * Deleting a record is a data officer's act with a reason, kept as history (the server's
 * ingest/delete-rule.ts decides who). Its tombstone says so: `{mission, deletion: {by, at, reason}}`.
 * An empty tombstone `{}` only closes a losing branch (what the automatic merge and a conflict
 * resolution write). Decision 090.
 */
export const Deletion = z
  .object({
    by: z.string().min(1).max(100),
    at: z.iso.datetime(),
    reason: z.string().trim().min(1, 'a deletion needs a reason').max(2000),
  })
  .strict();
export type Deletion = z.infer<typeof Deletion>;

export const DeletionBody = z.object({ mission: z.string(), deletion: Deletion }).strict();
export const TombstoneBody = z.union([z.object({}).strict(), DeletionBody]);
export type TombstoneBody = z.infer<typeof TombstoneBody>;
