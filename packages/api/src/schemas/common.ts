import { z } from 'zod';

/** Shapes shared by several routes. */

/** A mission id in a URL or body (the store's own rule is stricter: @tern/store mission-id.ts). */
export const MissionId = z.string().min(1).max(63);

/** `<form id>@<version>`, e.g. `screening@3`. */
export const FormKey = z.string().regex(/^[a-z0-9][a-z0-9_-]*@[^@\s]+$/, 'form must be id@version');

/** Crockford base32 ULID, as made on the device. */
export const ULID_PATTERN = '[0-9A-HJKMNP-TV-Z]{26}';

/** Every refusal of the JSON API (the CouchDB door has CouchDB's shape instead: docs/errors.md). */
export const ErrorBody = z.object({
  code: z.string(),
  /** The catalogue title of the code. */
  error: z.string().optional(),
  /** What and why, for a person; never the value of personal data. */
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** `{ok: true}`: logout, password change. */
export const OkResponse = z.object({ ok: z.literal(true) });

/** A route that takes no query string. */
export const NoQuery = z.object({}).strict();
