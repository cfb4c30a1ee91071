import { z } from 'zod';

const IsoInstant = z
  .string()
  .max(40)
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/,
    'use a date (2026-12-01) or a UTC time (2026-12-01T08:00:00Z)',
  )
  .refine((s) => {
    // Date.parse rolls 2026-02-31 over to March: a real date reads back the same.
    const d = new Date(s);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s.slice(0, 10);
  }, 'not a real date')
  .transform((s) => (s.length === 10 ? s : new Date(s).toISOString()));

/** `GET /api/admin/audit`: newest first; page on with `cursor`. */
export const AuditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    cursor: z.string().startsWith('audit:').max(100).optional(),
    actor: z.string().min(1).max(100).optional(),
    mission: z.string().min(1).max(63).optional(),
    action: z.string().min(1).max(50).optional(),
    /** Entries at or after this instant (ISO 8601, e.g. `2026-12-01` or `2026-12-01T08:00:00Z`). */
    from: IsoInstant.optional(),
    /** Entries before this instant; a bare date means up to the end of that day (UTC). */
    to: IsoInstant.optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

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
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = z.object({ entries: z.array(AuditEntry), cursor: z.string().nullable() });
