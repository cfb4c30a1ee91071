import type { FastifyInstance } from 'fastify';
import { CreateMissionRequest, MissionParams, UpdateMissionRequest } from '@tern/api';
import type { ServerDeps } from '../deps.ts';
import { TernError } from '../errors.ts';
import { parseRequest } from '../validate-request.ts';

/** Missions: created, renamed and listed by admins. Device keys never leave through these routes. */
export async function missionRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.get('/api/missions', async (req) => {
    await deps.authorize(req, 'mission.manage', null);
    const list = await deps.missions.list();
    return { missions: list.map((m) => ({ id: m.id, name: m.name, createdAt: m.createdAt })) };
  });

  app.post('/api/missions', { bodyLimit: 4096 }, async (req, reply) => {
    await deps.authorize(req, 'mission.manage', null);
    const body = parseRequest(CreateMissionRequest, req.body, 'New mission');
    const m = await deps.missions.create(body, req.principal!.username);
    await deps.audit.append(req, { action: 'mission.create', mission: m.id, outcome: 'ok' });
    return reply.status(201).send({ mission: { id: m.id, name: m.name, createdAt: m.createdAt } });
  });

  app.patch<{ Params: { mission: string } }>('/api/missions/:mission', { bodyLimit: 4096 }, async (req) => {
    await deps.authorize(req, 'mission.manage', null);
    const { mission } = parseRequest(MissionParams, req.params, 'Mission');
    const { name } = parseRequest(UpdateMissionRequest, req.body, 'Mission change');
    const before = await deps.missions.get(mission);
    const m = before ? await deps.missions.rename(mission, name) : undefined;
    if (!before || !m)
      throw new TernError('TERN_MISSION_NOT_FOUND', `Mission ${JSON.stringify(mission)} does not exist`);
    await deps.audit.append(req, {
      action: 'mission.rename',
      mission,
      outcome: 'ok',
      details: { from: before.name, to: name },
    });
    return { mission: { id: m.id, name: m.name, createdAt: m.createdAt } };
  });
}
