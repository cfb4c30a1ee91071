import { z } from 'zod';

/** `POST /api/missions/:mission/devices`: a device asks for its number in the mission (for case codes). */
export const RegisterDeviceRequest = z.object({
  deviceId: z.string().regex(/^dev-[0-9A-Z]{26}$/, 'deviceId must be dev-<ULID>'),
});
export const RegisterDeviceResponse = z.object({ deviceId: z.string(), number: z.number().int() });
export type RegisterDeviceResponse = z.infer<typeof RegisterDeviceResponse>;

/** One device in the data officer's sync picture. */
export const DeviceStatus = z.object({
  deviceId: z.string(),
  number: z.number().int(),
  registeredBy: z.string(),
  lastSyncAt: z.string().nullable(),
  lastSyncBy: z.string().nullable(),
  /** Records the device said it still held unsynced after its last sync. */
  waiting: z.number().int().nullable(),
  lastRejected: z.number().int(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;

/** `GET /api/missions/:mission/devices`. */
export const DeviceListResponse = z.object({ devices: z.array(DeviceStatus) });
export type DeviceListResponse = z.infer<typeof DeviceListResponse>;
