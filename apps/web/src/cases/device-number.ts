import { caseCode } from '@tern/cases';
import type { TernDb } from '../device/db.ts';

/**
 * The device's number in a mission (from `POST /api/missions/:mission/devices`) and its own case
 * counter, both kept in the `meta` table: neither is personal data. Together they make case codes that
 * never collide between the mission's devices, offline (packages/cases/src/case-code.ts).
 */
const numberKey = (mission: string) => `deviceNumber:${mission}`;
const counterKey = (mission: string) => `caseCounter:${mission}`;

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
 * Ask the server for this device's number in `mission` unless it is already known. Registering again
 * returns the same number, so a retry is harmless. Returns null when offline or refused (the app
 * tries again at the next online start); never throws.
 */
export async function registerDevice(
  db: TernDb,
  mission: string,
  device: string,
  fetcher: typeof fetch = fetch,
): Promise<number | null> {
  const known = await deviceNumber(db, mission);
  if (known !== null) return known;
  try {
    const res = await fetcher(`/api/missions/${encodeURIComponent(mission)}/devices`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: device }),
    });
    if (!res.ok) return null;
    const { number } = (await res.json()) as { number: number };
    if (!Number.isInteger(number) || number < 1) return null;
    await db.meta.put({ key: numberKey(mission), value: String(number) });
    return number;
  } catch {
    return null;
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
