/**
 * Tell the server about this device before a sync, so the mission's sync picture (GET
 * /api/missions/:mission/devices) lists it: the server only notes syncs of registered devices.
 * Registering again returns the same number, so this is safe on every sync; it is remembered per
 * mission for the session only (the number itself is the server's). Best effort: a failure here
 * never stops the sync, which reports its own errors.
 */
const registered = new Map<string, number>();

export async function ensureDeviceRegistered(mission: string, deviceId: string): Promise<number | null> {
  const key = `${mission} ${deviceId}`;
  const known = registered.get(key);
  if (known !== undefined) return known;
  try {
    const res = await fetch(`/api/missions/${encodeURIComponent(mission)}/devices`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId }),
    });
    if (!res.ok) return null;
    const { number } = (await res.json()) as { number: number };
    registered.set(key, number);
    return number;
  } catch {
    return null;
  }
}
