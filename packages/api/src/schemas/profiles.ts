import { z } from 'zod';

/**
 * Migration Profiles on the server (issue 15, docs/profiles.md "On the server"). A country is an
 * ISO 3166-1 alpha-3 code in capitals; the server also checks that the code is assigned.
 */
export const CountryCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code in capitals, like KEN');

/** A role on one country's profile (decision 154). */
export const ProfileRoleName = z.enum(['team', 'reviewer', 'publisher']);

/** `PUT /api/users/:username/profile-grants` (admin): the account's roles per country, replaced whole. */
export const ProfileGrantRequest = z
  .object({
    grants: z.array(z.object({ country: CountryCode, role: ProfileRoleName }).strict()).max(200),
  })
  .strict();
export type ProfileGrantRequest = z.input<typeof ProfileGrantRequest>;

export const ProfileCountryParams = z.object({ country: CountryCode });
export const ProfileEditionParams = z
  .object({ country: CountryCode, edition: z.coerce.number().int().min(1).max(9999) })
  .strict();
/** `GET /api/profiles/:country/diff?from=1&to=2`. */
export const ProfileDiffQuery = z
  .object({
    from: z.coerce.number().int().min(1).max(9999),
    to: z.coerce.number().int().min(1).max(9999),
  })
  .strict();
/** `GET /profiles/:country?lang=fr&edition=1` (public). */
export const PublicProfileQuery = z
  .object({
    lang: z.enum(['en', 'fr', 'es', 'ar', 'ru']).optional(),
    edition: z.coerce.number().int().min(1).max(9999).optional(),
  })
  .strict();
