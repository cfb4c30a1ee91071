import type { TernDb } from '../device/db.ts';
import { deviceId } from '../device/device-id.ts';
import { OfflineLoginError, rememberAccount, unlockOffline } from './keyring.ts';
import type { Unlocked } from './keyring.ts';

export interface LoginResult {
  unlocked: Unlocked;
  mode: 'online' | 'offline';
}

/** Why a login was refused, for the login screen's words (the message stays English, for logs). */
export type LoginRefusal = 'wrongPassword' | 'neverOnline' | 'rateLimited' | 'server' | 'keys';

export class LoginRefused extends Error {
  constructor(
    message: string,
    readonly reason: LoginRefusal = 'server',
    readonly status?: number,
  ) {
    super(message);
    this.name = 'LoginRefused';
  }
}

interface LoginResponse {
  user: { username: string; role: string; missions: string[] };
  expiresAt: string;
  deviceKeys: Record<string, string>;
  profileKeys?: Record<string, string>;
}

/**
 * Log in online when the server answers (it sets the HttpOnly session cookie that sync then carries),
 * and offline from the device's keyring when it cannot be reached. A server that answers "no" is final:
 * a refused or disabled account does not fall back to the device.
 */
export async function logIn(db: TernDb, username: string, password: string): Promise<LoginResult> {
  let res: Response;
  // The session is bound to this device: retiring it ends the session at both sync doors (decision 221).
  const device = await deviceId(db);
  try {
    res = await fetch('/api/auth/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, device }),
    });
  } catch {
    try {
      return { unlocked: await unlockOffline(db, username, password), mode: 'offline' };
    } catch (e) {
      throw e instanceof OfflineLoginError
        ? new LoginRefused(e.message, e.kind)
        : new LoginRefused(`Could not open the device keys: ${(e as Error).message}`, 'keys');
    }
  }
  if (!res.ok) {
    const err = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    const reason: LoginRefusal =
      err.code === 'TERN_AUTH_FAILED' ? 'wrongPassword' : res.status === 429 ? 'rateLimited' : 'server';
    throw new LoginRefused(err.message ?? `The server refused the login (${res.status})`, reason, res.status);
  }
  const body = (await res.json()) as LoginResponse;
  return {
    unlocked: await rememberAccount(db, body.user, password, body.deviceKeys, body.profileKeys),
    mode: 'online',
  };
}

/** End the server session when the server can be reached; the device locks either way. */
export async function logOutServer(): Promise<void> {
  try {
    await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' });
  } catch {
    // Offline: the session expires on its own on the server.
  }
}
