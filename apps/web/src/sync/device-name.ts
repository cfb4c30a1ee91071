import { fetchJson } from '@tern/api';
import type { TernDb } from '../device/db.ts';

/**
 * The name of this device in a mission, chosen by its user once, at its first sync (decision 165).
 * Kept in `meta` (not personal data); sent with a registration call, which names a device the account
 * is bound to when it has no name yet. Admins and data officers rename it later.
 */
const namedKey = (mission: string) => `deviceNamed:${mission}`;

export async function isNamed(db: TernDb, mission: string): Promise<boolean> {
  return (await db.meta.get(namedKey(mission))) !== undefined;
}

/** Send the chosen name; remembered only once the server took it (a failure asks again next time). */
export async function sendDeviceName(
  db: TernDb,
  mission: string,
  deviceId: string,
  name: string,
  fetcher: typeof fetch = fetch,
): Promise<void> {
  await fetchJson(`/api/missions/${encodeURIComponent(mission)}/devices`, {
    json: { deviceId, name },
    fetch: fetcher,
  });
  await db.meta.put({ key: namedKey(mission), value: name });
}

/** "Chrome on Android", "Firefox on Windows": a default a person recognises, from the user agent. */
export function defaultDeviceName(ua: string = navigator.userAgent): string {
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? /HeadlessChrome|Chromium/.test(ua)
          ? 'Chromium'
          : 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'Browser';
  const system = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /CrOS/.test(ua)
            ? 'ChromeOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : null;
  return system ? `${browser} on ${system}` : browser;
}
