import { caseCode } from '@tern/cases';
import type { TernDb } from '../device/db.ts';

/**
 * The device's number in a mission (from `POST /api/missions/:mission/devices`) and its own case
 * counter, both kept in the `meta` table: neither is personal data. Together they make case codes that
 * never collide between the mission's devices, offline (packages/cases/src/case-code.ts).
 */
const numberKey = (mission: string) => `deviceNumber:${mission}`;
const counterKey = (mission: string) => `caseCounter:${mission}`;
/**
 * The secret the server gave this device at its first registration in the mission (decision 093).
 * Another account that logs in on the same tablet sends it to join the device, so that its syncs
 * update the device's status too. Not personal data; it only proves "I am on that tablet".
 */
const secretKey = (mission: string) => `deviceSecret:${mission}`;
const joinedKey = (mission: string, account: string) => `deviceJoined:${mission}:${account}`;

export class NoDeviceNumberError extends Error {
  readonly code = 'TERN_NO_DEVICE_NUMBER';
  constructor(mission: string) {
    super(
      `This device has no number in mission ${mission} yet, so it cannot make case codes. Connect to the network and log in once; the number is kept for offline use.`,
    );
    this.name = 'NoDeviceNumberError';
  }
}

export async function deviceNumber(db: TernDb, mission: string): Promise<number | null> {
  const got = await db.meta.get(numberKey(mission));
  return got ? Number(got.value) : null;
}

/**
 * Ask the server for this device's number in `mission` unless it is already known (and, given the
 * account logged in, unless that account has joined the device already). Registering again returns
 * the same number, so a retry is harmless. The first registration hands out the device secret, kept
 * here and sent by the next account on this tablet. Returns the number, or null when offline or
 * refused and no number is known (the app tries again at the next online start); never throws.
 */
export async function registerDevice(
  db: TernDb,
  mission: string,
  device: string,
  fetcher: typeof fetch = fetch,
  account?: string,
): Promise<number | null> {
  const known = await deviceNumber(db, mission);
  const joined = account === undefined || (await db.meta.get(joinedKey(mission, account))) !== undefined;
  if (known !== null && joined) return known;
  try {
    const secret = (await db.meta.get(secretKey(mission)))?.value;
    const res = await fetcher(`/api/missions/${encodeURIComponent(mission)}/devices`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: device, ...(secret ? { deviceSecret: secret } : {}) }),
    });
    if (!res.ok) return known;
    const got = (await res.json()) as { number: number; deviceSecret?: string };
    if (!Number.isInteger(got.number) || got.number < 1) return known;
    await db.meta.put({ key: numberKey(mission), value: String(got.number) });
    if (got.deviceSecret) await db.meta.put({ key: secretKey(mission), value: got.deviceSecret });
    if (account !== undefined) await db.meta.put({ key: joinedKey(mission, account), value: '1' });
    return got.number;
  } catch {
    return known;
  }
}

/** The mission's code inside case codes: `demo` → `DEMO` (2-8 letters or digits). */
export function missionCode(mission: string): string {
  const code = mission
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 8);
  return code.length >= 2 ? code : code.padEnd(2, 'X');
}

/**
 * The next case code of this device in `mission`. The counter moves in one IndexedDB transaction, so
 * two cases created at once on the same device get different codes.
 */
export async function nextCaseCode(db: TernDb, mission: string): Promise<string> {
  const number = await deviceNumber(db, mission);
  if (number === null) throw new NoDeviceNumberError(mission);
  const counter = await db.transaction('rw', db.meta, async () => {
    const n = Number((await db.meta.get(counterKey(mission)))?.value ?? '0') + 1;
    await db.meta.put({ key: counterKey(mission), value: String(n) });
    return n;
  });
  return caseCode(missionCode(mission), number, counter);
}
