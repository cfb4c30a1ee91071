import type { FastifyInstance, FastifyReply } from 'fastify';
import { PublicProfileQuery } from '@tern/api';
import { figuresCsv, figuresXlsx, reportHtml, reportModel } from '@tern/profiles';
import type { ProfileBody } from '@tern/profiles';
import type { ServerDeps } from '../../deps.ts';
import { TernError } from '../../errors.ts';
import { countryParam } from '../../profiles/profile-access.ts';
import { editionsOf } from '../../profiles/profile-editions.ts';
import { publicPage, publicPagePolicy } from '../../profiles/public-page.ts';
import { parseRequest } from '../../validate-request.ts';

/** Requests per client address and minute on the public pages: a government site, not an API for scrapers. */
export const PUBLIC_RATE = { max: 120, timeWindow: 60_000 };
/** Published editions never change: shared caches may keep a page five minutes (a new edition shows then). */
const CACHE = 'public, max-age=300';

/**
 * The public Migration Profile (issue 15, decision 156), no login: the latest **published** edition of
 * a country as the package's report page (`?lang=` en, fr, es, ar, ru; Arabic right to left), older
 * published editions by `?edition=`, and the figures with their sources as CSV and XLSX. Drafts,
 * reviews and comments never leave through here: only published editions are read, and the report
 * model carries no comments.
 */
export async function publicProfileRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const config = { rateLimit: PUBLIC_RATE };

  const published = async (params: unknown, query: unknown) => {
    const country = countryParam(params);
    const q = parseRequest(PublicProfileQuery, query, 'Query');
    const all = (await editionsOf(deps.store.profile(country)))
      .map((e) => e.doc)
      .filter((d) => d.edition.status === 'published');
    const shown: ProfileBody | undefined =
      q.edition === undefined ? all.at(-1) : all.find((d) => d.edition.number === q.edition);
    if (!shown)
      throw new TernError(
        'TERN_NOT_FOUND',
        q.edition === undefined
          ? `${country} has no published Migration Profile on this server`
          : `${country} has no published edition ${q.edition} of its Migration Profile`,
      );
    return { country, shown, all, lang: q.lang ?? 'en' };
  };
  const file = (reply: FastifyReply, type: string, name: string) =>
    reply
      .type(type)
      .header('cache-control', CACHE)
      .header('content-disposition', `attachment; filename="${name}"`);

  app.get<{ Params: { country: string } }>('/profiles/:country', { config }, async (req, reply) => {
    const p = await published(req.params, req.query);
    const report = reportHtml(reportModel(p.shown, p.lang, { now: new Date(deps.now()) }));
    const html = publicPage(report, { country: p.country, shown: p.shown, published: p.all, lang: p.lang });
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', CACHE)
      .header('content-security-policy', publicPagePolicy(html))
      .send(html);
  });

  app.get<{ Params: { country: string } }>(
    '/profiles/:country/figures.csv',
    { config },
    async (req, reply) => {
      const p = await published(req.params, req.query);
      const name = `${p.country}-migration-profile-${p.shown.edition.number}-figures.csv`;
      return file(reply, 'text/csv; charset=utf-8', name).send(figuresCsv(p.shown));
    },
  );

  app.get<{ Params: { country: string } }>(
    '/profiles/:country/figures.xlsx',
    { config },
    async (req, reply) => {
      const p = await published(req.params, req.query);
      const name = `${p.country}-migration-profile-${p.shown.edition.number}-figures.xlsx`;
      return file(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name).send(
        Buffer.from(figuresXlsx(p.shown)),
      );
    },
  );
}
