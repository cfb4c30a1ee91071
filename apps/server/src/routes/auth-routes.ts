import type { FastifyInstance } from 'fastify';
import { LoginRequest, PasswordChangeRequest } from '@tern/api';
import { TernError } from '../errors.ts';
import { principalOf } from '../auth/accounts.ts';
import { DUMMY_HASH, verifyPassword } from '../auth/password.ts';
import { SESSION_COOKIE } from '../auth/session-hook.ts';
import type { ServerDeps } from '../deps.ts';
import { parseRequest } from '../validate-request.ts';
import { missionless } from '../auth/roles.ts';

/** The session cookie's attributes, the same when it is set and when it is cleared. */
export const sessionCookie = (secure: boolean) =>
  ({ httpOnly: true, sameSite: 'strict', secure, path: '/' }) as const;

/** How long a browser stays "known" to an account for the login slowing (180 days). */
const KNOWN_DEVICE_SECONDS = 180 * 24 * 3600;

/** Login, logout, own password and "who am I". Login is rate-limited per client address (docs/security.md). */
export async function authRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.post(
    '/api/auth/login',
    {
      bodyLimit: 4096,
      config: { rateLimit: { max: deps.login.max, timeWindow: deps.login.timeWindowMs } },
    },
    async (req, reply) => {
      const body = parseRequest(LoginRequest, req.body, 'Login');
      const known = deps.loginThrottle.isKnownDevice(body.username, req.cookies);
      // Slowed per account before the password is even looked at: past the free attempts a guess is
      // not answered until its turn (auth/login-throttle.ts). Devices that logged in before pass.
      const turn = known ? ({ ok: true } as const) : deps.loginThrottle.attempt(body.username);
      if (!turn.ok) {
        const seconds = Math.ceil(turn.retryAfterMs / 1000);
        await deps.audit.append(req, {
          action: 'login',
          mission: null,
          outcome: 'denied',
          actor: null,
          details: { reason: 'slowed after failed logins' },
        });
        void reply.header('retry-after', String(seconds));
        throw new TernError(
          'TERN_RATE_LIMITED',
          `Too many failed logins for this account: wait ${seconds} s and try again (a device that logged in to it before is not slowed)`,
        );
      }
      const account = await deps.accounts.get(body.username);
      // Verify against a dummy hash when there is no such account, so timing does not reveal names.
      const ok = await verifyPassword(body.password, account?.passwordHash ?? DUMMY_HASH);
      if (!account || !ok || account.disabled) {
        // A login that names no account is audited without the name: people type passwords there.
        await deps.audit.append(req, {
          action: 'login',
          mission: null,
          outcome: 'failed',
          actor: account ? account.username : null,
          details: {
            reason: !account ? 'no such account' : account.disabled ? 'disabled' : 'wrong password',
          },
        });
        throw new TernError('TERN_AUTH_FAILED', 'Wrong username or password');
      }
      // A login from a known device says nothing about the guesses made elsewhere: the count stays.
      if (!known) deps.loginThrottle.succeeded(account.username);
      const { token, expiresAt } = await deps.sessions.create(account.username, body.device);
      const who = principalOf(account);
      await deps.audit.append(req, {
        action: 'login',
        mission: null,
        outcome: 'ok',
        actor: who.username,
        ...(body.device !== undefined ? { details: { device: body.device } } : {}),
      });
      reply.setCookie(SESSION_COOKIE, token, {
        ...sessionCookie(deps.cookieSecure),
        expires: new Date(expiresAt),
      });
      // Marks this browser as one the account has used, so a guessing attack elsewhere never slows it.
      reply.setCookie(
        deps.loginThrottle.cookieName(account.username),
        deps.loginThrottle.cookieValue(account.username),
        {
          ...sessionCookie(deps.cookieSecure),
          path: '/api/auth/login',
          maxAge: KNOWN_DEVICE_SECONDS,
        },
      );
      // Device data keys of the missions whose records this account may hold on a device.
      const keyMissions =
        who.role === 'admin'
          ? (await deps.missions.list()).map((m) => m.id)
          : missionless(who.role)
            ? []
            : who.missions;
      const deviceKeys: Record<string, string> = {};
      for (const id of keyMissions) {
        const m = await deps.missions.get(id);
        if (m) deviceKeys[id] = m.deviceKey;
      }
      // Profile drafts on a device are sealed per country, like records per mission (decision 186).
      const profileKeys: Record<string, string> = {};
      for (const g of who.profiles ?? []) profileKeys[g.country] ??= deps.profileDeviceKey(g.country);
      return { user: who, expiresAt, deviceKeys, profileKeys, ...(body.bearer ? { token } : {}) };
    },
  );

  app.post('/api/auth/logout', { bodyLimit: 1024 }, async (req, reply) => {
    if (req.sessionToken) await deps.sessions.revoke(req.sessionToken);
    if (req.principal) await deps.audit.append(req, { action: 'logout', mission: null, outcome: 'ok' });
    // Cleared with the attributes it was set with: browsers match on them (issue 11, item 6).
    reply.clearCookie(SESSION_COOKIE, sessionCookie(deps.cookieSecure));
    return { ok: true };
  });

  // Self-service: any logged-in account changes its own password (rate-limited like login, since it
  // checks a password). Every session of the account ends, the current one included.
  app.post(
    '/api/auth/password',
    {
      bodyLimit: 4096,
      config: { rateLimit: { max: deps.login.max, timeWindow: deps.login.timeWindowMs } },
    },
    async (req, reply) => {
      if (!req.principal) {
        await deps.audit.append(req, { action: 'password.change', mission: null, outcome: 'denied' });
        throw req.sessionState === 'expired'
          ? new TernError('TERN_AUTH_EXPIRED', 'Your session has expired: log in again')
          : new TernError('TERN_AUTH_REQUIRED', 'Log in first to change your password');
      }
      const body = parseRequest(PasswordChangeRequest, req.body, 'Password change');
      const account = await deps.accounts.get(req.principal!.username);
      if (!account || !(await verifyPassword(body.current, account.passwordHash))) {
        await deps.audit.append(req, { action: 'password.change', mission: null, outcome: 'failed' });
        throw new TernError('TERN_AUTH_FAILED', 'The current password is wrong');
      }
      await deps.accounts.update(account.username, { password: body.next });
      await deps.sessions.revokeAll(account.username);
      await deps.audit.append(req, { action: 'password.change', mission: null, outcome: 'ok' });
      reply.clearCookie(SESSION_COOKIE, sessionCookie(deps.cookieSecure));
      return { ok: true };
    },
  );

  app.get('/api/auth/me', async (req) => {
    if (!req.principal) {
      throw req.sessionState === 'expired'
        ? new TernError('TERN_AUTH_EXPIRED', 'Your session has expired: log in again')
        : new TernError('TERN_AUTH_REQUIRED', 'Not logged in');
    }
    return { user: req.principal };
  });
}
