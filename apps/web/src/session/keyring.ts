import type { KeyringRow, TernDb } from '../device/db.ts';
import {
  PBKDF2_ITERATIONS,
  deriveWrappingKey,
  fromB64,
  newSalt,
  unwrapDataKey,
  wrapDataKey,
} from '../crypto/key-wrap.ts';
import type { WrappedKey } from '../crypto/key-wrap.ts';

/** An unlocked account: the mission data keys live only in memory, and only until lock or logout. */
export interface Unlocked {
  username: string;
  role: string;
  missions: string[];
  keys: Map<string, CryptoKey>;
  /** Migration Profile keys per granted country (decision 186): they seal profile drafts on the device. */
  profileKeys: Map<string, CryptoKey>;
}

export class OfflineLoginError extends Error {
  constructor(
    message: string,
    /** For the login screen's words: the account never logged in here online, or the password is wrong. */
    readonly kind: 'neverOnline' | 'wrongPassword' = 'wrongPassword',
  ) {
    super(message);
    this.name = 'OfflineLoginError';
  }
}

/**
 * After an online login: wrap the mission keys the server handed over under a fresh salt and keep
 * them for offline logins. A new salt each time also retires what an old password could unwrap.
 */
export async function rememberAccount(
  db: TernDb,
  user: { username: string; role: string; missions: string[] },
  password: string,
  deviceKeys: Record<string, string>,
  profileKeys: Record<string, string> = {},
): Promise<Unlocked> {
  const salt = newSalt();
  const kek = await deriveWrappingKey(password, salt, PBKDF2_ITERATIONS);
  const wrapped: Record<string, WrappedKey> = {};
  const keys = new Map<string, CryptoKey>();
  for (const [mission, b64] of Object.entries(deviceKeys)) {
    wrapped[mission] = await wrapDataKey(fromB64(b64), kek);
    keys.set(mission, await unwrapDataKey(wrapped[mission], kek));
  }
  const wrappedProfiles: Record<string, WrappedKey> = {};
  const profiles = new Map<string, CryptoKey>();
  for (const [country, b64] of Object.entries(profileKeys)) {
    wrappedProfiles[country] = await wrapDataKey(fromB64(b64), kek);
    profiles.set(country, await unwrapDataKey(wrappedProfiles[country], kek));
  }
  const row: KeyringRow = {
    username: user.username,
    role: user.role,
    missions: Object.keys(deviceKeys),
    salt,
    iterations: PBKDF2_ITERATIONS,
    keys: wrapped,
    profileKeys: wrappedProfiles,
    updatedAt: new Date().toISOString(),
  };
  await db.keyring.put(row);
  return { username: user.username, role: user.role, missions: row.missions, keys, profileKeys: profiles };
}

/**
 * Offline login: the password is right exactly when it unwraps the stored keys (AES-GCM wrapping is
 * authenticated). Nothing on the device can check a password any other way.
 */
export async function unlockOffline(db: TernDb, username: string, password: string): Promise<Unlocked> {
  const row = await db.keyring.get(username);
  if (!row)
    throw new OfflineLoginError(
      `${username} has not logged in on this device while online yet: connect once to log in`,
      'neverOnline',
    );
  const kek = await deriveWrappingKey(password, row.salt, row.iterations);
  const keys = new Map<string, CryptoKey>();
  const profileKeys = new Map<string, CryptoKey>();
  try {
    for (const [mission, w] of Object.entries(row.keys)) keys.set(mission, await unwrapDataKey(w, kek));
    for (const [country, w] of Object.entries(row.profileKeys ?? {}))
      profileKeys.set(country, await unwrapDataKey(w, kek));
  } catch {
    throw new OfflineLoginError('Wrong username or password');
  }
  return { username: row.username, role: row.role, missions: row.missions, keys, profileKeys };
}
