import { useEffect, useState, useSyncExternalStore } from 'react';
import type { TernDb } from '../device/db.ts';
import { deviceId } from '../device/device-id.ts';
import { caseIndex } from './case-index.ts';
import type { CaseIndex } from './case-index.ts';
import { registerDevice } from './device-number.ts';

/** The mission's case index, built once after unlock; re-renders the caller on every change. */
export function useCaseIndex(
  db: TernDb,
  key: CryptoKey,
  mission: string,
): { index: CaseIndex; ready: boolean } {
  const index = caseIndex(db, key, mission);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void index.ready().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [index]);
  useSyncExternalStore(
    (fn) => index.subscribe(fn),
    () => index.version,
  );
  return { index, ready };
}

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
