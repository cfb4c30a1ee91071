import type { FastifyInstance } from 'fastify';
import { CreateMissionRequest } from '@tern/api';
import type { ServerDeps } from '../deps.ts';
import { parseRequest } from '../validate-request.ts';

/** Missions: created and listed by admins. Device keys never leave through these routes. */
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
}
