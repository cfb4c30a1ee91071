import type { FastifyInstance } from 'fastify';
import { ProfileDiffQuery, ProfileEditionParams, ProfilePreviewQuery } from '@tern/api';
import {
  countryName,
  diffEditions,
  diffLines,
  gapMatrix,
  overduePlans,
  reportHtml,
  reportModel,
  unplannedGaps,
} from '@tern/profiles';
import type { ServerDeps } from '../../deps.ts';
import { TernError } from '../../errors.ts';
import { scopeOf } from '../../auth/permissions.ts';
import { grantedCountries } from '../../profiles/profile-grants.ts';
import { readAccess, rolesOn } from '../../profiles/profile-access.ts';
import { editionAt, editionsOf, storedCountries, summaryOf } from '../../profiles/profile-editions.ts';
import { openConflict } from '../../profiles/profile-merge.ts';
import { publicPagePolicy } from '../../profiles/public-page.ts';
import { parseRequest } from '../../validate-request.ts';

const noEdition = (country: string, n: number) =>
  new TernError(
    'TERN_NOT_FOUND',
    `${country} has no edition ${n} of its Migration Profile (not yet synced, or never made)`,
  );

/**
 * What the profile UI reads (decision 155): the countries and editions the caller may see, one edition
 * with its open conflict, the diff between two editions, the data-gap matrix. Every read asks
 * `profile.read` for the country; the list shows only countries where it is allowed.
 */
export async function profileReadRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.get('/api/profiles', async (req) => {
    if (!req.principal || scopeOf(req.principal.role, 'profile.read') === 'none')
      await deps.authorize(req, 'profile.read', null);
    const who = req.principal!;
    const all = scopeOf(who.role, 'profile.read') === 'all';
    const countries = all ? await storedCountries(deps.store) : grantedCountries(who, 'profile.read');
    const out = [];
    for (const country of countries) {
      const editions = await editionsOf(deps.store.profile(country));
      out.push({
        country,
        name: countryName(country, 'en'),
        roles: rolesOn(req, country),
        editions: editions.map(summaryOf),
      });
    }
    return { countries: out };
  });

  app.get<{ Params: { country: string; edition: string } }>(
    '/api/profiles/:country/editions/:edition',
    async (req) => {
      const { country, roles } = await readAccess(deps, req);
      const { edition } = parseRequest(ProfileEditionParams, req.params, 'Edition');
      const db = deps.store.profile(country);
      const found = await editionAt(db, country, edition);
      if (!found) throw noEdition(country, edition);
      const conflict = found.conflicted ? await openConflict(db, `profile:${country}:${edition}`) : null;
      return { rev: found.rev, roles, edition: found.doc, conflict };
    },
  );

  app.get<{ Params: { country: string; edition: string } }>(
    '/api/profiles/:country/editions/:edition/gaps',
    async (req) => {
      const { country } = await readAccess(deps, req);
      const { edition } = parseRequest(ProfileEditionParams, req.params, 'Edition');
      const found = await editionAt(deps.store.profile(country), country, edition);
      if (!found) throw noEdition(country, edition);
      const now = new Date(deps.now());
      const matrix = gapMatrix(found.doc, { now });
      return {
        matrix,
        unplanned: unplannedGaps(matrix),
        overdue: overduePlans(found.doc.gapPlans, now.toISOString().slice(0, 10)),
      };
    },
  );

  // The report of any edition as it stands on the server, for the people who may read the profile
  // (decision 214): a draft or an edition in review is marked as a draft on every page, never cached,
  // never indexed, and only ever here, behind login (the public page serves published editions only).
  app.get<{ Params: { country: string; edition: string } }>(
    '/api/profiles/:country/editions/:edition/preview',
    async (req, reply) => {
      const { country } = await readAccess(deps, req);
      const { edition } = parseRequest(ProfileEditionParams, req.params, 'Edition');
      const { lang = 'en' } = parseRequest(ProfilePreviewQuery, req.query, 'Query');
      const found = await editionAt(deps.store.profile(country), country, edition);
      if (!found) throw noEdition(country, edition);
      const html = reportHtml(reportModel(found.doc, lang, { preview: true, now: new Date(deps.now()) }));
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('x-robots-tag', 'noindex, nofollow')
        .header('content-security-policy', publicPagePolicy(html))
        .send(html);
    },
  );

  app.get<{ Params: { country: string } }>('/api/profiles/:country/diff', async (req) => {
    const { country } = await readAccess(deps, req);
    const { from, to } = parseRequest(ProfileDiffQuery, req.query, 'Diff');
    const db = deps.store.profile(country);
    const [a, b] = [await editionAt(db, country, from), await editionAt(db, country, to)];
    if (!a) throw noEdition(country, from);
    if (!b) throw noEdition(country, to);
    const diff = diffEditions(a.doc, b.doc);
    return { from, to, diff, lines: diffLines(diff, a.doc.languages[0] ?? 'en') };
  });
}
