import { createHash, randomBytes } from 'node:crypto';
import type { SystemDb, SystemDoc } from '@tern/store';

export interface SessionDoc extends SystemDoc {
  type: 'session';
  username: string;
  createdAt: string;
  expiresAt: string;
  /**
   * The device the login was made on, when the login named one (the PWA always does): the session is
   * refused in a mission where that device is retired, and ended when it is retired (decision 221).
   */
  device?: string;
  /** Set when the device was retired (in this mission): the session is over, and says why. */
  deviceRetiredIn?: string;
}

export type Resolved =
  | { state: 'ok'; session: SessionDoc }
  | { state: 'expired' }
  | { state: 'unknown' }
  | { state: 'device-retired'; device: string; mission: string };

/** The session id stored on the server is the SHA-256 of the token: a copy of the system database
 * does not hand out live tokens. */
const idOf = (token: string) => `session:${createHash('sha256').update(token).digest('hex')}`;

/**
 * Server-side sessions: an opaque random token (256 bits, base64url) given to the client once, and a
 * record with a fixed expiry. Expired records are removed when met. Logging out or disabling the
 * account removes them at once, which a signed stateless token could not do.
 */
export class Sessions {
  constructor(
    private readonly sys: SystemDb,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  async create(username: string, device?: string): Promise<{ token: string; expiresAt: string }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const doc: SessionDoc = {
      _id: idOf(token),
      type: 'session',
      username,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.ttlMs).toISOString(),
      ...(device !== undefined ? { device } : {}),
    };
    await this.sys.create(doc);
    return { token, expiresAt: doc.expiresAt };
  }

  async resolve(token: string): Promise<Resolved> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { state: 'unknown' };
    const doc = await this.sys.get<SessionDoc>(idOf(token));
    if (!doc) return { state: 'unknown' };
    if (Date.parse(doc.expiresAt) <= this.now()) {
      await this.sys.remove(doc._id).catch(() => undefined);
      return { state: 'expired' };
    }
    if (doc.deviceRetiredIn !== undefined && doc.device !== undefined)
      return { state: 'device-retired', device: doc.device, mission: doc.deviceRetiredIn };
    return { state: 'ok', session: doc };
  }

  async revoke(token: string): Promise<void> {
    await this.sys.remove(idOf(token));
  }

  /** Remove expired session records (at start; expired ones met on use are removed then). */
  async purgeExpired(): Promise<number> {
    let n = 0;
    for (const s of await this.sys.list<SessionDoc>('session:')) {
      if (Date.parse(s.expiresAt) <= this.now()) {
        await this.sys.remove(s._id);
        n += 1;
      }
    }
    return n;
  }

  /** End every session of an account (password changed, account disabled). */
  async revokeAll(username: string): Promise<void> {
    for (const s of await this.sys.list<SessionDoc>('session:')) {
      if (s.username === username) await this.sys.remove(s._id);
    }
  }

  /**
   * End every session opened on a device (retired in `mission`: lost, stolen or handed back). The
   * record stays until it expires, marked, so the device's next request is told why (403
   * TERN_DEVICE_RETIRED) rather than "log in" — and a login there is refused in that mission anyway.
   */
  async endDeviceSessions(device: string, mission: string): Promise<number> {
    let n = 0;
    for (const s of await this.sys.list<SessionDoc>('session:')) {
      if (s.device === device && s.deviceRetiredIn === undefined) {
        await this.sys.put({ ...s, deviceRetiredIn: mission });
        n += 1;
      }
    }
    return n;
  }
}
