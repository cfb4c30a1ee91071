import type { FastifyInstance } from 'fastify';
import { DeviceParams, RegisterDeviceRequest, UpdateDeviceRequest } from '@tern/api';
import type { ServerDeps } from '../deps.ts';
import { accountsOf, changeDevice, claimDevice, listDevices } from '../devices/device-registry.ts';
import type { DeviceRecord } from '../devices/device-registry.ts';
import { retiredDeviceError } from '../auth/authorize.ts';
import { TernError } from '../errors.ts';
import { parseRequest } from '../validate-request.ts';

/** How a device shows in the mission's lists: never its secret hash. */
const shown = (d: DeviceRecord) => ({
  deviceId: d.deviceId,
  number: d.number,
  name: d.name ?? null,
  retired: d.retiredAt !== undefined,
  registeredBy: d.registeredBy,
  accounts: accountsOf(d),
  lastSyncAt: d.lastSyncAt ?? null,
  lastSyncBy: d.lastSyncBy ?? null,
  waiting: d.waiting ?? null,
  lastRejected: d.lastRejected ?? 0,
});

export const retiredError = retiredDeviceError;

/**
 * Devices of a mission: registration (a number for case codes, and the name its user chose), the
 * mission's sync picture, and renaming or retiring a device (decision 165).
 */
export async function devicesRoute(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const requireMission = (mission: string) => {
    if (!deps.missionExists(mission))
      throw new TernError('TERN_MISSION_NOT_FOUND', `Mission ${JSON.stringify(mission)} does not exist`);
  };

  app.post<{ Params: { mission: string } }>('/api/missions/:mission/devices', async (req) => {
    const { mission } = req.params;
    await deps.authorize(req, 'sync.push', mission);
    requireMission(mission);
    const parsed = RegisterDeviceRequest.safeParse(req.body);
    if (!parsed.success)
      throw new TernError('TERN_BAD_REQUEST', `Device registration: ${parsed.error.issues[0]!.message}`);
    const { deviceId, deviceSecret, name } = parsed.data;
    // Without a session (tests under allowAll only) both doors name the device itself as `by`.
    const by = req.principal?.username ?? deviceId;
    const r = await claimDevice(deps.store.ops(mission), deviceId, by, deviceSecret, name);
    const retired = r.record.retiredAt !== undefined;
    await deps.audit.append(req, {
      action: 'device.register',
      mission,
      outcome: r.outcome === 'not-yours' || retired ? 'denied' : 'ok',
      details: { device: deviceId, outcome: retired ? 'retired' : r.outcome },
    });
    if (r.outcome === 'not-yours')
      throw new TernError(
        'TERN_DEVICE_NOT_YOURS',
        `Device ${deviceId} is registered to other accounts of mission ${mission}; only an account that logs in on that device can join it`,
      );
    if (retired) throw retiredError(deviceId, mission);
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
    requireMission(mission);
    const devices = await listDevices(deps.store.ops(mission));
    return { devices: devices.map(shown) };
  });

  // Who manages the mission's accounts manages its devices: admins, and the mission's data officers.
  app.patch<{ Params: { mission: string; device: string } }>(
    '/api/missions/:mission/devices/:device',
    { bodyLimit: 4096 },
    async (req) => {
      await deps.authorize(req, 'user.manage', req.params.mission);
      const { mission, device } = parseRequest(DeviceParams, req.params, 'Device');
      requireMission(mission);
      const change = parseRequest(UpdateDeviceRequest, req.body, 'Device change');
      const updated = await changeDevice(deps.store.ops(mission), device, change, req.principal!.username);
      if (!updated)
        throw new TernError('TERN_NOT_FOUND', `Mission ${mission} has no device ${JSON.stringify(device)}`);
      // A lost or stolen tablet keeps no live session at either door: every session its logins
      // opened ends now, in every mission, and says why (decision 221). Later logins naming it are
      // refused in this mission.
      const ended = change.retired ? await deps.sessions.endDeviceSessions(device, mission) : 0;
      await deps.audit.append(req, {
        action: change.retired ? 'device.retire' : 'device.rename',
        mission,
        outcome: 'ok',
        details: {
          device,
          ...(change.name !== undefined ? { name: change.name } : {}),
          ...(change.retired ? { sessionsEnded: ended } : {}),
        },
      });
      return { device: shown(updated) };
    },
  );
}
