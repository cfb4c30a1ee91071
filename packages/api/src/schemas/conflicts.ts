import { z } from 'zod';

/** The admin's conflict screen (apps/server/src/routes/conflicts-route.ts). */

/** `GET /api/admin/conflicts?mission=&form=&minAgeDays=`. */
export const ConflictListQuery = z.object({
  mission: z.string().max(63).optional(),
  form: z.string().max(120).optional(),
  minAgeDays: z.coerce.number().min(0).max(3650).optional(),
});

export const ConflictSummary = z.object({
  mission: z.string(),
  docId: z.string(),
  form: z.string().nullable(),
  /** The case the record belongs to, by its code (issue 16: people, not ids). */
  caseCode: z.string().nullable().optional(),
  fields: z.array(z.string()),
  leaves: z.array(z.string()),
  openedAt: z.string(),
  ageDays: z.number(),
});
export type ConflictSummary = z.infer<typeof ConflictSummary>;
export const ConflictListResponse = z.object({ conflicts: z.array(ConflictSummary) });
export type ConflictListResponse = z.infer<typeof ConflictListResponse>;

const Body = z.record(z.string(), z.unknown());

/** `GET /api/admin/conflicts/:mission/:docId`: base, both branches, and the disputed fields. */
export const ConflictDetail = z.object({
  mission: z.string(),
  docId: z.string(),
  form: z.string().nullable(),
  /** The case code and the person's name (the detail is an audited read of the record). */
  caseCode: z.string().nullable().optional(),
  person: z.string().nullable().optional(),
  base: z.object({ rev: z.string(), body: Body }).nullable(),
  branches: z.array(
    z.object({
      rev: z.string(),
      body: Body,
      author: z.string().nullable(),
      device: z.string().nullable(),
      /** The device's number in the mission (what case codes carry), when it registered. */
      deviceNumber: z.number().nullable().optional(),
      time: z.string().nullable(),
    }),
  ),
  fields: z.array(
    z.object({ path: z.string(), base: z.unknown().optional(), values: z.tuple([z.unknown(), z.unknown()]) }),
  ),
  merged: Body,
});
export type ConflictDetail = z.infer<typeof ConflictDetail>;

/** The admin's decision for one disputed field: a side, or a typed value. */
export const Choice = z.union([
  z.object({ pick: z.union([z.literal(0), z.literal(1)]) }),
  z.object({ value: z.unknown() }),
]);
export type Choice = z.infer<typeof Choice>;

/** `POST /api/admin/conflicts/:mission/:docId/resolve`. */
export const ResolveRequest = z.object({
  /** The two leaf revs the admin looked at: if the document changed since, the resolution is refused. */
  revs: z.tuple([z.string(), z.string()]),
  choices: z.record(z.string().min(1).max(500), Choice),
});
export type ResolveRequest = z.infer<typeof ResolveRequest>;

export const ResolveResponse = z.object({
  docId: z.string(),
  rev: z.string(),
  closed: z.string(),
  stillOpen: z.boolean(),
});
export type ResolveResponse = z.infer<typeof ResolveResponse>;
