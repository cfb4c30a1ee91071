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
  lastSyncAt?: string;
  lastSyncBy?: string;
  lastPushed?: number;
  lastRejected?: number;
  /** Records the device still held unsynced after its last sync (it reports this itself). */
  waiting?: number;
}

const COUNTER = 'device-counter';
const idOf = (deviceId: string) => `device:${deviceId}`;
const stale = (e: unknown) => isStoreError(e, 'TERN_STORE_CONFLICT');

function getOr<T>(ops: Ops, id: string): Promise<T | undefined> {
  return ops.get<T & StoredDoc>(id);
}

/**
 * Give a device its number in the mission, once: registering again returns the same number. Numbers
 * come from a counter document updated with optimistic concurrency (a 409 means another device took
 * the number: read again and retry), so two devices never share a number and case codes never collide.
 */
export async function registerDevice(ops: Ops, deviceId: string, by: string): Promise<DeviceRecord> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const existing = await getOr<DeviceRecord>(ops, idOf(deviceId));
    if (existing) return existing;
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
    const rec: DeviceRecord = {
      _id: idOf(deviceId),
      type: 'device',
      deviceId,
      number,
      registeredAt: new Date().toISOString(),
      registeredBy: by,
    };
    try {
      await ops.put({ ...rec });
      return rec;
    } catch (e) {
      if (!stale(e)) throw e; // registered concurrently by the same device: the loop returns it
    }
  }
  throw new Error(`Could not register device ${deviceId}: too much contention`);
}

/** Note a finished sync round trip. Best effort: a lost update only makes the picture a little stale. */
export async function noteSync(
  ops: Ops,
  deviceId: string,
  s: { by: string; pushed: number; rejected: number; waiting?: number },
) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const rec = await getOr<DeviceRecord>(ops, idOf(deviceId));
    if (!rec) return; // unregistered devices (e.g. tools) are not tracked
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
      return;
    } catch (e) {
      if (!stale(e)) throw e;
    }
  }
}

export async function listDevices(ops: Ops): Promise<DeviceRecord[]> {
  const list = await ops.list<DeviceRecord & StoredDoc>('device:');
  return list.sort((a, b) => a.number - b.number);
}
