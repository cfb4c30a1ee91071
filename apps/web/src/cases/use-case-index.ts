import { useEffect, useState, useSyncExternalStore } from 'react';
import type { TernDb } from '../device/db.ts';
import { caseIndex } from './case-index.ts';
import type { CaseIndex } from './case-index.ts';

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

export { useDeviceRegistration } from './use-device-registration.ts';
