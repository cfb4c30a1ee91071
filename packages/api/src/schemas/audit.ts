import { z } from 'zod';

/** `GET /api/admin/audit`: newest first; page on with `cursor`. */
export const AuditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    cursor: z.string().startsWith('audit:').max(100).optional(),
    actor: z.string().min(1).max(100).optional(),
    mission: z.string().min(1).max(63).optional(),
    action: z.string().min(1).max(50).optional(),
  })
  .strict();

/** One entry: who, what, where, outcome; `details` holds ids, counts and reasons, never answers. */
export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  mission: z.string().nullable(),
  outcome: z.enum(['ok', 'denied', 'failed']),
  ip: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export const AuditPage = z.object({ entries: z.array(AuditEntry), cursor: z.string().nullable() });
