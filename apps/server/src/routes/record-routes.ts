import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MissionParams, NoQuery, RecordParams } from '@tern/api';
import { TernError } from '../errors.ts';
import type { Action } from '../auth/authorize.ts';
import type { ServerDeps } from '../deps.ts';
import { parseRequest } from '../validate-request.ts';

/**
 * Reading a mission's records on the server: one record (audited as a read), and counts only (aggregates: researchers too).
 */
export async function recordRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  /** Authorise first, so a mission's existence is not revealed to someone who may not use it. */
  const open = async (req: FastifyRequest, action: Action, mission: string) => {
    await deps.authorize(req, action, mission);
    if (!deps.missionExists(mission))
      throw new TernError('TERN_MISSION_NOT_FOUND', `Mission ${JSON.stringify(mission)} does not exist`);
    return deps.store.mission(mission);
  };

  app.get('/api/missions/:mission/records/:id', async (req) => {
    const p = parseRequest(RecordParams, req.params, 'Record');
    parseRequest(NoQuery, req.query, 'Query');
    const db = await open(req, 'case.read', p.mission);
    const doc = await db.get(p.id);
    await deps.audit.append(req, {
      action: 'case.read',
      mission: p.mission,
      outcome: doc ? 'ok' : 'failed',
      details: { id: p.id },
    });
    if (!doc)
      throw new TernError('TERN_NOT_FOUND', `No record ${JSON.stringify(p.id)} in mission ${p.mission}`);
    return doc;
  });

  app.get('/api/missions/:mission/summary', async (req) => {
    const p = parseRequest(MissionParams, req.params, 'Summary');
    parseRequest(NoQuery, req.query, 'Query');
    const db = await open(req, 'aggregate.read', p.mission);
    // Counts only: no id, no answer. Richer anonymised aggregates belong to packages/research.
    const docs = await db.allDocs();
    const byType: Record<string, number> = {};
    for (const d of docs) {
      const t = String(d.type ?? 'unknown');
      byType[t] = (byType[t] ?? 0) + 1;
    }
    return { mission: p.mission, records: docs.length, byType };
  });
}
