import type { FastifyInstance } from 'fastify';
import {
  DEMOGRAPHY_MAX_DATASET_BYTES,
  DEMOGRAPHY_MAX_RUN_BYTES,
  DatasetCreateRequest,
  DemographyIdParams,
  RunCreateRequest,
} from '@tern/api';
import type { DatasetSummary, RunSummary } from '@tern/api';
import type { ServerDeps } from '../deps.ts';
import { TernError } from '../errors.ts';
import { parseRequest } from '../validate-request.ts';
import { checkDataset } from '../demography/check-dataset.ts';
import { checkRun } from '../demography/check-run.ts';
import { demographyErrorHandler } from '../demography/demography-errors.ts';
import { Projections } from '../demography/projections.ts';

const notFound = (what: string, id: string) =>
  new TernError('TERN_NOT_FOUND', `No projection ${what} ${JSON.stringify(id)} (deleted, or never stored)`);

/**
 * Population projections shared as documents (issue 14, decision 127): data sets checked by
 * @tern/demography's import before anything is stored, and projection runs (spec and results).
 * Reading asks `demography.read`, creating and deleting `demography.write`; creations and deletions
 * are audited.
 */
export async function demographyRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.setErrorHandler(demographyErrorHandler);
  const store = new Projections(deps.store.system(), deps.now);
  const who = (req: { principal?: { username: string } | null }) => req.principal!.username;

  app.get('/api/demography/datasets', async (req) => {
    await deps.authorize(req, 'demography.read', null);
    return { datasets: await store.listDatasets() };
  });

  app.get<{ Params: { id: string } }>('/api/demography/datasets/:id', async (req) => {
    await deps.authorize(req, 'demography.read', null);
    const { id } = parseRequest(DemographyIdParams, req.params, 'Data set');
    const dataset = await store.getDataset(id);
    if (!dataset) throw notFound('data set', id);
    return dataset;
  });

  // base64 makes a workbook a third larger; JSON escaping can double a CSV's quotes.
  app.post(
    '/api/demography/datasets',
    { bodyLimit: 2 * DEMOGRAPHY_MAX_DATASET_BYTES + 64 * 1024 },
    async (req, reply) => {
      await deps.authorize(req, 'demography.write', null);
      const body = parseRequest(DatasetCreateRequest, req.body, 'Data set');
      const facts = checkDataset(body);
      const summary: DatasetSummary = {
        id: store.newId(),
        name: body.name,
        years: body.years,
        ...facts,
        createdAt: new Date(deps.now()).toISOString(),
        createdBy: who(req),
      };
      await store.createDataset(summary, body.csv ? { csv: body.csv } : { xlsx: body.xlsx! });
      await deps.audit.append(req, {
        action: 'demography.write',
        mission: null,
        outcome: 'ok',
        details: { created: 'dataset', id: summary.id, regions: summary.states.length },
      });
      return reply.status(201).send(summary);
    },
  );

  app.get('/api/demography/runs', async (req) => {
    await deps.authorize(req, 'demography.read', null);
    return { runs: await store.listRuns() };
  });

  app.get<{ Params: { id: string } }>('/api/demography/runs/:id', async (req) => {
    await deps.authorize(req, 'demography.read', null);
    const { id } = parseRequest(DemographyIdParams, req.params, 'Run');
    const run = await store.getRun(id);
    if (!run) throw notFound('run', id);
    return run;
  });

  app.post('/api/demography/runs', { bodyLimit: DEMOGRAPHY_MAX_RUN_BYTES }, async (req, reply) => {
    await deps.authorize(req, 'demography.write', null);
    const body = parseRequest(RunCreateRequest, req.body, 'Run');
    const dataset = await store.datasetSummary(body.spec.dataset);
    if (!dataset) throw notFound('data set', body.spec.dataset);
    checkRun(body, dataset);
    const summary: RunSummary = {
      id: store.newId(),
      name: body.name,
      spec: body.spec,
      datasetName: dataset.name,
      createdAt: new Date(deps.now()).toISOString(),
      createdBy: who(req),
    };
    await store.createRun(summary, body.results);
    await deps.audit.append(req, {
      action: 'demography.write',
      mission: null,
      outcome: 'ok',
      details: { created: 'run', id: summary.id, dataset: dataset.id },
    });
    return reply.status(201).send(summary);
  });

  for (const kind of ['dataset', 'run'] as const)
    app.delete<{ Params: { id: string } }>(`/api/demography/${kind}s/:id`, async (req, reply) => {
      await deps.authorize(req, 'demography.write', null);
      const { id } = parseRequest(DemographyIdParams, req.params, kind === 'dataset' ? 'Data set' : 'Run');
      if (!(await store.remove(kind, id))) throw notFound(kind === 'dataset' ? 'data set' : 'run', id);
      await deps.audit.append(req, {
        action: 'demography.write',
        mission: null,
        outcome: 'ok',
        details: { deleted: kind, id },
      });
      return reply.status(204).send();
    });
}
