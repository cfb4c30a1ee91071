import { z } from 'zod';
import { MissionId } from './common.ts';
import { Choice } from './conflicts.ts';
import { DemographyId } from './demography.ts';

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

const FigureYear = z.number().int().min(1900).max(2100);

/**
 * `POST /api/profiles/:country/figures` (decision 212): Tern's own figures for a section, computed on
 * the server. `trafficking`: cases of Tern missions whose country of exploitation is the profile's,
 * by registration year, through the research disclosure control (k, perturbation); `missions` limits
 * them to missions of the caller. `projection`: the total population of one region of a stored
 * projection run, by year, for one scenario.
 */
export const ProfileFigureRequest = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('trafficking'),
      from: FigureYear,
      to: FigureYear,
      missions: z.array(MissionId).min(1).max(50).optional(),
    })
    .strict()
    .refine((q) => q.from <= q.to && q.to - q.from <= 30, {
      message: 'from must not be after to, and a query covers at most 31 years',
      path: ['to'],
    }),
  z
    .object({
      kind: z.literal('projection'),
      run: DemographyId,
      scenario: z.string().trim().min(1).max(60),
      region: z.string().min(1).max(40),
    })
    .strict(),
]);
export type ProfileFigureRequest = z.input<typeof ProfileFigureRequest>;

/**
 * `POST /api/admin/profile-conflicts/:country/:edition/resolve` (decision 213): the two leaf revs the
 * admin looked at, and either a choice for every disputed field (a side, or a typed value) or one
 * branch kept whole (`keep`, the only way when the two branches are in different workflow steps).
 */
export const ProfileResolveRequest = z
  .object({
    revs: z.tuple([z.string().min(1).max(200), z.string().min(1).max(200)]),
    keep: z.union([z.literal(0), z.literal(1)]).optional(),
    choices: z.record(z.string().min(1).max(500), Choice).optional(),
  })
  .strict()
  .refine((r) => (r.keep === undefined) !== (r.choices === undefined), {
    message: 'give either choices for the disputed fields or keep (0 or 1), not both',
  });
export type ProfileResolveRequest = z.input<typeof ProfileResolveRequest>;

/** `GET /api/profiles/:country/editions/:edition/preview?lang=fr` (decision 214). */
export const ProfilePreviewQuery = z
  .object({ lang: z.enum(['en', 'fr', 'es', 'ar', 'ru']).optional() })
  .strict();
