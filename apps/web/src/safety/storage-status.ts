/**
 * The browser's promise about this device's data (StorageManager). Without persistence the browser
 * may evict the whole origin — every unsynced record — when the disk runs low; with it, only the
 * user can clear it. Chromium grants `persist()` without asking when the site is installed or used
 * a lot, Firefox asks the user; either way the answer is shown, never assumed.
 */
export interface StorageStatus {
  /** true: granted; false: refused (so far); null: this browser has no StorageManager. */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

let asked: Promise<boolean | null> | null = null;

/** Ask once per app start (asking again gives the same answer until the browser changes its mind). */
export function requestPersistence(): Promise<boolean | null> {
  asked ??= (async () => {
    const sm = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!sm?.persist) return null;
    try {
      return (await sm.persisted()) || (await sm.persist());
    } catch {
      return false;
    }
  })();
  return asked;
}

export async function storageStatus(): Promise<StorageStatus> {
  const persisted = await requestPersistence();
  const est = await navigator.storage?.estimate?.().catch(() => undefined);
  return { persisted, usage: est?.usage ?? null, quota: est?.quota ?? null };
}

/** Below this share of the quota left, the panel opens by itself. */
export const LOW_SPACE_SHARE = 0.1;

/**
 * Whether "Device storage" needs the user's eyes now: records that exist only here on a browser that
 * may evict them, or little room left. Otherwise the panel stays one closed line, so the notice does
 * not sit above every list on every start (issue 16: "a quieter storage notice").
 */
export function storageNeedsAttention(status: StorageStatus, unsynced: number): boolean {
  const atRisk = status.persisted !== true && unsynced > 0;
  const lowSpace =
    status.usage !== null && status.quota !== null && status.quota > 0
      ? (status.quota - status.usage) / status.quota < LOW_SPACE_SHARE
      : false;
  return atRisk || lowSpace;
}
