import type { FastifyInstance } from 'fastify';
import { RegisterDeviceRequest } from '@tern/api';
import type { ServerDeps } from '../deps.ts';
import { listDevices, registerDevice } from '../devices/device-registry.ts';
import { TernError } from '../errors.ts';

/** Devices of a mission: registration (a number for case codes) and the mission's sync picture. */
export async function devicesRoute(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.post<{ Params: { mission: string } }>('/api/missions/:mission/devices', async (req) => {
    const { mission } = req.params;
    await deps.authorize(req, 'sync.push', mission);
    if (!deps.missionExists(mission))
      throw new TernError('TERN_MISSION_NOT_FOUND', `Mission ${JSON.stringify(mission)} does not exist`);
    const parsed = RegisterDeviceRequest.safeParse(req.body);
    if (!parsed.success)
      throw new TernError('TERN_BAD_REQUEST', `Device registration: ${parsed.error.issues[0]!.message}`);
    const by = req.principal?.username ?? 'anonymous';
    const rec = await registerDevice(deps.store.ops(mission), parsed.data.deviceId, by);
    return { deviceId: rec.deviceId, number: rec.number };
  });

  app.get<{ Params: { mission: string } }>('/api/missions/:mission/devices', async (req) => {
    const { mission } = req.params;
    await deps.authorize(req, 'export', mission);
    if (!deps.missionExists(mission))
      throw new TernError('TERN_MISSION_NOT_FOUND', `Mission ${JSON.stringify(mission)} does not exist`);
    const devices = await listDevices(deps.store.ops(mission));
    return {
      devices: devices.map((d) => ({
        deviceId: d.deviceId,
        number: d.number,
        registeredBy: d.registeredBy,
        lastSyncAt: d.lastSyncAt ?? null,
        lastSyncBy: d.lastSyncBy ?? null,
        waiting: d.waiting ?? null,
        lastRejected: d.lastRejected ?? 0,
      })),
    };
  });
}
