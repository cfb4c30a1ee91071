import fc from 'fast-check';
import { bodyFrom, missionArb, p, queryFrom, schemaBody, syncBody, withParams } from './generator-parts.ts';
import { CALLERS } from './request-recipe.ts';
import type { Part } from './generator-parts.ts';
import * as S from './route-schemas.ts';

/** Countries of the profile routes: KEN and UGA (the world's), anything else in capitals, junk. */
const countryArb = fc.oneof(
  { arbitrary: fc.constantFrom('KEN', 'UGA'), weight: 6 },
  {
    arbitrary: fc.constantFrom('XXX', 'ken', 'KE', '__proto__', '..', '%2e', 'KENY', 'A'.repeat(300)),
    weight: 2,
  },
  { arbitrary: fc.stringMatching(/^[A-Z]{3}$/), weight: 1 },
);
const editionArb = fc.oneof(
  fc.constantFrom('1', '2'),
  fc.constantFrom('0', '-1', '1.5', '1e3', '99999', 'x', '__proto__', '9'.repeat(40)),
);

/** Migration Profiles (issue 15): grants, the country sync door, REST reads, the public profile. */
export const PROFILE_GENERATORS: Record<string, fc.Arbitrary<Part>> = {
  'GET /api/users/:username/profile-grants': withParams({
    username: fc.oneof(fc.constantFrom(...CALLERS, 'nobody', '__proto__'), fc.string({ maxLength: 70 })),
  }),
  'PUT /api/users/:username/profile-grants': withParams(
    { username: fc.oneof(fc.constantFrom(...CALLERS, 'nobody'), fc.string({ maxLength: 70 })) },
    queryFrom(),
    schemaBody(S.ProfileGrantRequest),
  ),
  // Pushed documents are the suite's record recipes (another kind of document: refused one by one);
  // apps/server/test/profiles/ pushes real profile editions, forged and hostile ones included.
  'POST /api/profiles/:country/sync': withParams({ country: countryArb }, queryFrom(), syncBody()),
  'GET /api/profiles': p(),
  'GET /api/profiles/:country/editions/:edition': withParams({ country: countryArb, edition: editionArb }),
  'GET /api/profiles/:country/editions/:edition/gaps': withParams({
    country: countryArb,
    edition: editionArb,
  }),
  'GET /api/profiles/:country/editions/:edition/preview': withParams(
    { country: countryArb, edition: editionArb },
    queryFrom(S.ProfilePreviewQuery),
  ),
  'GET /api/profiles/:country/diff': withParams({ country: countryArb }, queryFrom(S.ProfileDiffQuery)),
  'POST /api/profiles/:country/figures': withParams(
    { country: countryArb },
    queryFrom(),
    bodyFrom(
      fc.oneof(
        fc.record({
          kind: fc.constant('trafficking'),
          from: fc.integer({ min: 1890, max: 2110 }),
          to: fc.integer({ min: 1890, max: 2110 }),
          missions: fc.option(fc.array(missionArb, { maxLength: 4 }), { nil: undefined }),
        }),
        fc.record({
          kind: fc.constant('projection'),
          run: fc.oneof(fc.stringMatching(/^[0-9a-z]{9}[0-9a-f]{16}$/), fc.string({ maxLength: 40 })),
          scenario: fc.constantFrom('baseline', '', '__proto__', 'x'.repeat(80)),
          region: fc.constantFrom('KEN', 'Nairobi', '', 'constructor'),
        }),
      ),
    ),
  ),
  'GET /api/admin/profile-conflicts': p(),
  'GET /api/admin/profile-conflicts/:country/:edition': withParams({
    country: countryArb,
    edition: editionArb,
  }),
  'POST /api/admin/profile-conflicts/:country/:edition/resolve': withParams(
    { country: countryArb, edition: editionArb },
    queryFrom(),
    bodyFrom(
      fc.record({
        revs: fc.tuple(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 })),
        keep: fc.option(fc.constantFrom(0, 1, 2, -1), { nil: undefined }),
        choices: fc.option(
          fc.dictionary(
            fc.constantFrom(
              'sections.migration-trends.paragraphs[p1].text.en',
              'edition.status',
              'country',
              '__proto__',
              'values[x].value',
            ),
            fc.oneof(fc.record({ pick: fc.constantFrom(0, 1, 2) }), fc.record({ value: fc.jsonValue() })),
          ),
          { nil: undefined },
        ),
      }),
    ),
  ),
  'GET /profiles/:country': withParams({ country: countryArb }, queryFrom(S.PublicProfileQuery)),
  'GET /profiles/:country/figures.csv': withParams({ country: countryArb }, queryFrom(S.PublicProfileQuery)),
  'GET /profiles/:country/figures.xlsx': withParams({ country: countryArb }, queryFrom(S.PublicProfileQuery)),
};
