import type { FastifyInstance } from 'fastify';
import { RegisterDeviceRequest } from '@tern/api';
import type { ServerDeps } from '../deps.ts';
import { accountsOf, claimDevice, listDevices } from '../devices/device-registry.ts';
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
    const { deviceId, deviceSecret } = parsed.data;
    // Without a session (tests under allowAll only) both doors name the device itself as `by`.
    const by = req.principal?.username ?? deviceId;
    const r = await claimDevice(deps.store.ops(mission), deviceId, by, deviceSecret);
    await deps.audit.append(req, {
      action: 'device.register',
      mission,
      outcome: r.outcome === 'not-yours' ? 'denied' : 'ok',
      details: { device: deviceId, outcome: r.outcome },
    });
    if (r.outcome === 'not-yours')
      throw new TernError(
        'TERN_DEVICE_NOT_YOURS',
        `Device ${deviceId} is registered to other accounts of mission ${mission}; only an account that logs in on that device can join it`,
      );
    return {
      deviceId: r.record.deviceId,
      number: r.record.number,
      // Handed out once; the device keeps it to let the next account on it join (decision 093).
      ...('secret' in r && r.secret ? { deviceSecret: r.secret } : {}),
    };
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
        accounts: accountsOf(d),
        lastSyncAt: d.lastSyncAt ?? null,
        lastSyncBy: d.lastSyncBy ?? null,
        waiting: d.waiting ?? null,
        lastRejected: d.lastRejected ?? 0,
      })),
    };
  });
}
