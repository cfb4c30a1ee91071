import type { FastifyInstance } from 'fastify';
import { ProfileFigureRequest } from '@tern/api';
import { Projections } from '../../demography/projections.ts';
import { TernError } from '../../errors.ts';
import { researchErrorHandler } from '../../research/research-errors.ts';
import { countryParam } from '../../profiles/profile-access.ts';
import { projectionFigures, sealFigures, traffickingFigures } from '../../profiles/tern-figures.ts';
import type { ResearchDeps } from '../research/research-request.ts';
import { parseRequest } from '../../validate-request.ts';

/**
 * Tern's own figures for a profile section (decision 212): `POST /api/profiles/:country/figures`
 * computes counter-trafficking aggregates (through the research disclosure control) or a projection's
 * population for the country's team, sealed, for the device to add to its draft. Asks `profile.edit`
 * on the country (a projection also `demography.read`), spends one research query of the caller's
 * day for trafficking figures, and is audited (the query, never a count).
 */
export async function profileFiguresRoute(app: FastifyInstance, deps: ResearchDeps): Promise<void> {
  app.setErrorHandler(researchErrorHandler);
  const projections = new Projections(deps.store.system(), deps.now);

  app.post<{ Params: { country: string } }>('/api/profiles/:country/figures', async (req) => {
    const raw = (req.params as { country?: unknown }).country;
    await deps.authorize(req, 'profile.edit', typeof raw === 'string' ? raw : null);
    const country = countryParam(req.params);
    const q = parseRequest(ProfileFigureRequest, req.body, 'Figures');
    const who = req.principal!;
    const at = new Date(deps.now()).toISOString();
    let pull;
    if (q.kind === 'trafficking') {
      const existingMissions = (await deps.missions.list()).map((m) => m.id);
      deps.research.budget.take(who.username);
      pull = await traffickingFigures(
        {
          country,
          who,
          existingMissions,
          store: (await deps.research.feeder()).store,
          params: deps.research.params,
          at,
        },
        q,
      );
    } else {
      await deps.authorize(req, 'demography.read', null);
      const run = await projections.getRun(q.run);
      if (!run)
        throw new TernError(
          'TERN_NOT_FOUND',
          `No projection run ${JSON.stringify(q.run)} (deleted, or never stored)`,
        );
      pull = projectionFigures({ who, at }, run, q);
    }
    const figures = sealFigures(deps.profileFigureSeal, country, pull.figures);
    await deps.audit.append(req, {
      action: 'profile.figures',
      mission: null,
      outcome: 'ok',
      details: {
        country,
        kind: q.kind,
        query: pull.query,
        figures: figures.length,
        withheld: pull.withheld.length,
      },
    });
    return { country, kind: q.kind, query: pull.query, pulledAt: at, figures, withheld: pull.withheld };
  });
}
