import { z } from 'zod';

/** `POST /api/missions/:mission/devices`: a device asks for its number in the mission (for case codes). */
export const RegisterDeviceRequest = z.object({
  deviceId: z.string().regex(/^dev-[0-9A-Z]{26}$/, 'deviceId must be dev-<ULID>'),
  /** The secret this device was given at its first registration: lets another account on it join. */
  deviceSecret: z.string().min(1).max(100).optional(),
  /** The name the user chose for this device, asked once (decision 165); a default otherwise. */
  name: z.lazy(() => DeviceName).optional(),
});
export const RegisterDeviceResponse = z.object({
  deviceId: z.string(),
  number: z.number().int(),
  /** Handed out once, to the first account that registers the device (decision 093); keep it. */
  deviceSecret: z.string().optional(),
});
export type RegisterDeviceResponse = z.infer<typeof RegisterDeviceResponse>;

/** A device's name as people call it ("Chromium on Android", "Office tablet 2"). */
export const DeviceName = z
  .string()
  .trim()
  .min(1, 'a device name cannot be empty')
  .max(60, 'a device name has at most 60 characters');

/** One device in the data officer's sync picture. */
export const DeviceStatus = z.object({
  deviceId: z.string(),
  number: z.number().int(),
  /** Null for a device registered before names (it shows as its number). */
  name: z.string().nullable().default(null),
  /** A retired device's syncs are refused with TERN_DEVICE_RETIRED (decision 165). */
  retired: z.boolean().default(false),
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

/** `PATCH /api/missions/:mission/devices/:device`: rename, or retire (for good: no way back). */
export const UpdateDeviceRequest = z
  .object({ name: DeviceName.optional(), retired: z.literal(true).optional() })
  .strict()
  .refine((b) => b.name !== undefined || b.retired !== undefined, 'give a name, or retired: true');
export const DeviceParams = z.object({
  mission: z.string().min(1).max(63),
  device: z.string().regex(/^dev-[0-9A-Z]{26}$/, 'device must be dev-<ULID>'),
});
export const DeviceResponse = z.object({ device: DeviceStatus });
