import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ResearchFlowsRequest, ResearchSeriesRequest, ResearchTableRequest } from '@tern/api';
import {
  DIMENSIONS,
  DIMENSION_NAMES,
  MAX_TABLE_DIMS,
  researchFlows,
  researchSeries,
  researchTable,
} from '@tern/research';
import type { PublishedTable } from '@tern/research';
import { parseRequest } from '../../validate-request.ts';
import { researchErrorHandler } from '../../research/research-errors.ts';
import {
  admitResearcher,
  auditResearch,
  catchUpBehind,
  queryForAudit,
  researchContext,
} from './research-request.ts';
import type { ResearchContext, ResearchDeps } from './research-request.ts';
import { researchExportRoutes } from './research-export-routes.ts';

/** Research bodies are small: dimension names and filter values (the contract caps both). */
export const RESEARCH_BODY_LIMIT = 256 * 1024;

/**
 * The research API (docs/protocol.md, "Research"; the contract in @tern/api schemas/research.ts):
 * tables, series and flows through the disclosure control of @tern/research, only ever published
 * cells. Every answer carries the store's as-of time, the missions still behind and whether the store
 * was made anew. Errors of @tern/research become HTTP here (research-errors.ts).
 */
export async function researchRoutes(app: FastifyInstance, deps: ResearchDeps): Promise<void> {
  app.setErrorHandler(researchErrorHandler);

  /** Run one query: context, answer, audit (answered or refused), budget counted once. */
  const query = async <B extends { source: string }>(
    req: FastifyRequest,
    route: string,
    parse: () => B,
    run: (ctx: ResearchContext, body: B) => Promise<PublishedTable>,
  ) => {
    let source = 'missions';
    try {
      await admitResearcher(deps, req);
      const body = parse();
      source = body.source;
      const ctx = await researchContext(deps, req, source);
      const table = await run(ctx, body);
      catchUpBehind(deps, table);
      await auditResearch(deps, req, 'research.query', {
        route,
        source,
        missions: table.missions,
        ...queryForAudit(table),
        cells: table.cells.length,
      });
      return { ...table, source };
    } catch (e) {
      await auditResearch(deps, req, 'research.query', { route, source }, e);
      throw e;
    }
  };

  app.get('/api/research/meta', async (req) => {
    try {
      await admitResearcher(deps, req);
      const { store, scope } = await researchContext(deps, req, 'missions');
      const p = deps.research.params;
      // The values offered for filters are those of published one-way tables: a category with fewer
      // than k cases is not named (naming it would say that it exists).
      const dimensions = [];
      for (const name of DIMENSION_NAMES) {
        const t = await researchTable(store, { dims: [name] }, scope, p);
        dimensions.push({
          name,
          kind: DIMENSIONS[name].kind,
          values: t.cells.map((c) => c.values[0]!).slice(0, 500),
        });
      }
      const status = await store.status(scope.missions);
      catchUpBehind(deps, status);
      const imported = await deps.research.sources.list();
      await auditResearch(deps, req, 'research.query', { route: 'meta', missions: scope.missions });
      return {
        asOf: status.asOf,
        behind: status.behind,
        recreated: status.recreated,
        dimensions,
        missions: scope.missions,
        sources: [{ id: 'missions', label: 'Missions', rows: null, importedAt: null }, ...imported],
        k: p.k,
        maxDims: MAX_TABLE_DIMS,
      };
    } catch (e) {
      await auditResearch(deps, req, 'research.query', { route: 'meta' }, e);
      throw e;
    }
  });

  app.post('/api/research/table', { bodyLimit: RESEARCH_BODY_LIMIT }, async (req) => {
    return query(
      req,
      'table',
      () => parseRequest(ResearchTableRequest, req.body, 'Research table'),
      ({ store, scope }, body) => researchTable(store, body, scope, deps.research.params),
    );
  });

  app.post('/api/research/series', { bodyLimit: RESEARCH_BODY_LIMIT }, async (req) => {
    return query(
      req,
      'series',
      () => parseRequest(ResearchSeriesRequest, req.body, 'Research series'),
      ({ store, scope }, body) => researchSeries(store, body, scope, deps.research.params),
    );
  });

  app.post('/api/research/flows', { bodyLimit: RESEARCH_BODY_LIMIT }, async (req) => {
    return query(
      req,
      'flows',
      () => parseRequest(ResearchFlowsRequest, req.body, 'Research flows'),
      ({ store, scope }, body) => researchFlows(store, body, scope, deps.research.params),
    );
  });

  await researchExportRoutes(app, deps);
}
