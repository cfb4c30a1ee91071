import { useEffect } from 'react';
import type { TernDb } from '../device/db.ts';
import { deviceId } from '../device/device-id.ts';
import { registerDevice } from './device-number.ts';

/**
 * Ask the server for this device's number in the mission as soon as the app is online (after the
 * login, which set the session cookie), and again whenever the connection comes back until it has one.
 */
export function useDeviceRegistration(db: TernDb, mission: string, online: boolean, account?: string): void {
  useEffect(() => {
    if (!online) return;
    void deviceId(db).then((device) => registerDevice(db, mission, device, fetch, account));
  }, [db, mission, online, account]);
}
