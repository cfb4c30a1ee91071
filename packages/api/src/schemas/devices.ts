import { z } from 'zod';

/** `POST /api/missions/:mission/devices`: a device asks for its number in the mission (for case codes). */
export const RegisterDeviceRequest = z.object({
  deviceId: z.string().regex(/^dev-[0-9A-Z]{26}$/, 'deviceId must be dev-<ULID>'),
  /** The secret this device was given at its first registration: lets another account on it join. */
  deviceSecret: z.string().min(1).max(100).optional(),
});
export const RegisterDeviceResponse = z.object({
  deviceId: z.string(),
  number: z.number().int(),
  /** Handed out once, to the first account that registers the device (decision 093); keep it. */
  deviceSecret: z.string().optional(),
});
export type RegisterDeviceResponse = z.infer<typeof RegisterDeviceResponse>;

/** One device in the data officer's sync picture. */
export const DeviceStatus = z.object({
  deviceId: z.string(),
  number: z.number().int(),
  registeredBy: z.string(),
  /** Accounts bound to the device: only their syncs update its status. */
  accounts: z.array(z.string()),
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
