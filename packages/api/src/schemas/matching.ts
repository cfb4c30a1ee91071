import { z } from 'zod';
import { MissionId } from './common.ts';
import { MissionParams } from './missions.ts';

/** A case id as matching takes it: `case:` and a ULID-like key (never CouchDB's own `_…` ids). */
export const CaseId = z
  .string()
  .regex(/^case:[0-9A-Za-z]{1,64}$/, 'a case id is case: and 1–64 letters or digits');

export const CaseRef = z.object({ mission: MissionId, caseId: CaseId }).strict();

/** `GET /api/admin/matching/pairs`: undecided pairs (default), or every pair with its decision. */
export const MatchPairsQuery = z.object({ status: z.enum(['open', 'all']).optional() }).strict();

/** `POST /api/admin/matching/decisions`: a reviewer's decision on a pair of cases of two missions. */
export const MatchDecisionRequest = z
  .object({ a: CaseRef, b: CaseRef, decision: z.enum(['same', 'different', 'unsure']) })
  .strict();

/** `POST /api/admin/matching/links/:id/unlink`. */
export const LinkParams = z.object({ id: z.string().regex(/^[0-9a-f]{32}$/, 'a link id is 32 hex digits') });

/** `GET /api/missions/:mission/cases/:caseId/links`. */
export const CaseLinksParams = MissionParams.extend({ caseId: CaseId });

/** What a mission's case shows of a linked case in another mission: no personal data. */
export const LinkedCase = z.object({ mission: z.string(), code: z.string(), date: z.string() });
export const CaseLinksResponse = z.object({ links: z.array(LinkedCase) });
export type CaseLinksResponse = z.infer<typeof CaseLinksResponse>;

const Side = z.object({
  mission: z.string(),
  caseId: z.string(),
  code: z.string(),
  fullName: z.string(),
  birthDate: z.string().optional(),
  /** From the case's Screening Interview, as written (decision 205): what the reviewer compares. */
  placeOfBirth: z.string().optional(),
  parentsFamilyNames: z.array(z.string()).optional(),
  createdAt: z.string(),
});
export const MatchPair = z.object({
  id: z.string(),
  probability: z.number(),
  strong: z.boolean(),
  a: Side,
  b: Side,
  priorWeight: z.number(),
  fields: z.array(
    z.object({
      field: z.string(),
      level: z.string(),
      m: z.number().optional(),
      u: z.number().optional(),
      weight: z.number(),
    }),
  ),
  decision: z.enum(['same', 'different', 'unsure']).optional(),
  linked: z.boolean(),
});
export type MatchPair = z.infer<typeof MatchPair>;
export const MatchPairsResponse = z.object({ pairs: z.array(MatchPair) });
export type MatchPairsResponse = z.infer<typeof MatchPairsResponse>;
