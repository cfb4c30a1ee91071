import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isStoreError } from '@tern/store';
import type { DocStore, StoredDoc } from '@tern/store';

type Ops = DocStore;

/** One device of a mission: its number (for case codes) and its last sync, for the data officer's view. */
export interface DeviceRecord {
  _id: string;
  _rev?: string;
  type: 'device';
  deviceId: string;
  number: number;
  registeredAt: string;
  registeredBy: string;
  /** The name its user chose at first sync (decision 165); absent on records made before names. */
  name?: string;
  /** Set once, never unset: the device's syncs are refused from then on (TERN_DEVICE_RETIRED). */
  retiredAt?: string;
  retiredBy?: string;
  /**
   * Accounts bound to the device: the one that registered it and those that joined on it with the
   * device's secret (a shared field tablet). Absent on records made before binding: [registeredBy].
   */
  accounts?: string[];
  /** SHA-256 (hex) of the secret handed to the device once, at registration; never shown. */
  secretHash?: string;
  lastSyncAt?: string;
  lastSyncBy?: string;
  lastPushed?: number;
  lastRejected?: number;
  /** Records the device still held unsynced after its last sync (it reports this itself). */
  waiting?: number;
}

/**
 * What a registration did. `registered` and (for an old record without one) `known` hand out the
 * device secret: the device keeps it and sends it when another account on it registers (`joined`).
 * `not-yours`: the device is bound to other accounts and no valid secret was given.
 */
export type Registration =
  | { outcome: 'registered'; record: DeviceRecord; secret: string }
  | { outcome: 'known'; record: DeviceRecord; secret?: string }
  | { outcome: 'joined'; record: DeviceRecord }
  | { outcome: 'not-yours'; record: DeviceRecord };

/** What `noteSync` did, so the caller can audit it. The push itself is never refused for this. */
export type SyncNote = 'noted' | 'unregistered' | 'not-yours';

const COUNTER = 'device-counter';
const idOf = (deviceId: string) => `device:${deviceId}`;
const stale = (e: unknown) => isStoreError(e, 'TERN_STORE_CONFLICT');
const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

export const accountsOf = (r: DeviceRecord): string[] => r.accounts ?? [r.registeredBy];

function getOr<T>(ops: Ops, id: string): Promise<T | undefined> {
  return ops.get<T & StoredDoc>(id);
}

function secretMatches(rec: DeviceRecord, secret: string | undefined): boolean {
  if (!rec.secretHash || !secret) return false;
  const a = new Uint8Array(Buffer.from(hashOf(secret), 'hex'));
  const b = new Uint8Array(Buffer.from(rec.secretHash, 'hex'));
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Give a device its number in the mission, once: registering again returns the same number. Numbers
 * come from a counter document updated with optimistic concurrency (a 409 means another device took
 * the number: read again and retry), so two devices never share a number and case codes never collide.
 */
async function createOrGet(
  ops: Ops,
  deviceId: string,
  by: string,
  name?: string,
): Promise<{ record: DeviceRecord; secret?: string }> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const existing = await getOr<DeviceRecord>(ops, idOf(deviceId));
    if (existing) return { record: existing };
    const counter = (await getOr<{ _id: string; _rev?: string; last: number }>(ops, COUNTER)) ?? {
      _id: COUNTER,
      last: 0,
    };
    const number = counter.last + 1;
    try {
      await ops.put({ ...counter, last: number });
    } catch (e) {
      if (stale(e)) continue;
      throw e;
    }
    const secret = randomBytes(32).toString('base64url');
    const rec: DeviceRecord = {
      _id: idOf(deviceId),
      type: 'device',
      deviceId,
      number,
      registeredAt: new Date().toISOString(),
      registeredBy: by,
      ...(name !== undefined ? { name } : {}),
      accounts: [by],
      secretHash: hashOf(secret),
    };
    try {
      await ops.put({ ...rec });
      return { record: rec, secret };
    } catch (e) {
      if (!stale(e)) throw e; // registered concurrently by the same device: the loop returns it
    }
  }
  throw new Error(`Could not register device ${deviceId}: too much contention`);
}

/** The device's record, made on first use (the demo seed; no binding is checked). */
export async function registerDevice(ops: Ops, deviceId: string, by: string): Promise<DeviceRecord> {
  return (await createOrGet(ops, deviceId, by)).record;
}

/**
 * Registration from an account (`POST /api/missions/:m/devices`): bind the device to the account
 * that registers it first; another account joins only with the device's secret, which only the
 * device holds (docs/decisions/093-server-hardening.md).
 */
export async function claimDevice(
  ops: Ops,
  deviceId: string,
  by: string,
  secret?: string,
  name?: string,
): Promise<Registration> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const made = await createOrGet(ops, deviceId, by, name);
    if (made.secret) return { outcome: 'registered', record: made.record, secret: made.secret };
    const rec = made.record;
    const bound = accountsOf(rec).includes(by);
    // A bound account names its own device (first sync, or a new name its user chose); nobody else does.
    const naming = bound && name !== undefined && name !== rec.name;
    if (bound && rec.secretHash && !naming) return { outcome: 'known', record: rec };
    if (!bound && !secretMatches(rec, secret)) return { outcome: 'not-yours', record: rec };
    // A bound account of a record older than binding gets a secret now; a proven account joins.
    const fresh = bound && !rec.secretHash ? randomBytes(32).toString('base64url') : undefined;
    const next: DeviceRecord = {
      ...rec,
      ...(naming ? { name } : {}),
      accounts: bound ? accountsOf(rec) : [...accountsOf(rec), by],
      ...(fresh ? { secretHash: hashOf(fresh) } : {}),
    };
    try {
      await ops.put({ ...next });
      if (fresh) return { outcome: 'known', record: next, secret: fresh };
      return bound ? { outcome: 'known', record: next } : { outcome: 'joined', record: next };
    } catch (e) {
      if (!stale(e)) throw e;
    }
  }
  throw new Error(`Could not register device ${deviceId}: too much contention`);
}

/**
 * Note a finished sync round trip on the device's record, only when `by` is bound to the device:
 * otherwise any member could report "0 waiting" for someone else's tablet (issue 11, item 6).
 * Best effort: a lost update only makes the picture a little stale.
 */
export async function noteSync(
  ops: Ops,
  deviceId: string,
  s: { by: string; pushed: number; rejected: number; waiting?: number },
): Promise<SyncNote> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const rec = await getOr<DeviceRecord>(ops, idOf(deviceId));
    if (!rec) return 'unregistered'; // tools and relays that never asked for a number
    if (!accountsOf(rec).includes(s.by)) return 'not-yours';
    const next: DeviceRecord = {
      ...rec,
      lastSyncAt: new Date().toISOString(),
      lastSyncBy: s.by,
      lastPushed: s.pushed,
      lastRejected: s.rejected,
      ...(s.waiting !== undefined ? { waiting: s.waiting } : {}),
    };
    try {
      await ops.put({ ...next });
      return 'noted';
    } catch (e) {
      if (!stale(e)) throw e;
    }
  }
  // Three 409s in a row: another sync by this device wrote the record just now, which is as fresh.
  return 'noted';
}

export async function listDevices(ops: Ops): Promise<DeviceRecord[]> {
  const list = await ops.list<DeviceRecord & StoredDoc>('device:');
  return list.sort((a, b) => a.number - b.number);
}

export function getDevice(ops: Ops, deviceId: string): Promise<DeviceRecord | undefined> {
  return getOr<DeviceRecord>(ops, idOf(deviceId));
}

/**
 * Rename or retire a device (decision 165). Retiring is for good: a lost or handed-back tablet must
 * not come back by a later edit. Returns undefined when the mission has no such device.
 */
export async function changeDevice(
  ops: Ops,
  deviceId: string,
  change: { name?: string; retired?: true },
  by: string,
): Promise<DeviceRecord | undefined> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const rec = await getOr<DeviceRecord>(ops, idOf(deviceId));
    if (!rec) return undefined;
    const next: DeviceRecord = {
      ...rec,
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.retired && !rec.retiredAt ? { retiredAt: new Date().toISOString(), retiredBy: by } : {}),
    };
    try {
      await ops.put({ ...next });
      return next;
    } catch (e) {
      if (!stale(e)) throw e;
    }
  }
  throw new Error(`Could not change device ${deviceId}: too much contention`);
}
