/**
 * The device-store scope of a country's profile editions (decision 186): `profile-<ISO3>`. Its own
 * module, free of @tern/profiles, so the first download (device backup and restore) can name it.
 */
export const profileScope = (country: string) => `profile-${country}`;

/**
 * The keys a restore opens rows with: the mission keys by mission, and each country's profile key by
 * its scope, so a backup's profile editions come back with the records (safety/restore.ts).
 */
export function keysByScope(
  missionKeys: ReadonlyMap<string, CryptoKey>,
  profileKeys: ReadonlyMap<string, CryptoKey> = new Map(),
): Map<string, CryptoKey> {
  const out = new Map(missionKeys);
  for (const [country, key] of profileKeys) out.set(profileScope(country), key);
  return out;
}
