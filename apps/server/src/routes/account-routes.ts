import type { FastifyInstance } from 'fastify';
import { AccountListQuery, AccountParams, CreateAccountRequest, UpdateAccountRequest } from '@tern/api';
import type { Role } from '@tern/api';
import { TernError } from '../errors.ts';
import { publicAccount, principalOf } from '../auth/accounts.ts';
import { decide, decideAccount, scopeOf } from '../auth/permissions.ts';
import type { AccountDoc } from '../auth/accounts.ts';
import type { Principal } from '../auth/roles.ts';
import type { ServerDeps } from '../deps.ts';
import { parseRequest } from '../validate-request.ts';

/** Could `who` see this account in `GET /api/users`? Admins see all; a data officer, their missions'. */
const mayList = (who: Principal, a: AccountDoc): boolean =>
  scopeOf(who.role, 'user.manage') === 'all' || a.missions.some((m) => decide(who, 'user.manage', m).allowed);

/**
 * Accounts: an admin manages every account; a data officer manages the interviewers of their missions
 * (permissions.ts: `user.manage` and MANAGED_BY). Password hashes never leave the server.
 */
export async function accountRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const requireManage = async (
    req: Parameters<ServerDeps['authorize']>[0],
    target: { role: Role; missions: string[] },
  ) => {
    const mission = target.missions[0] ?? null;
    // The session and the first mission go through the one hook (401s, logging, audit) …
    await deps.authorize(
      req,
      'user.manage',
      target.role === 'interviewer' || target.role === 'data_officer' ? mission : null,
    );
    // … then every mission and the role rule of the table.
    const d = decideAccount(req.principal!, target);
    if (!d.allowed) {
      await deps.audit.append(req, {
        action: 'user.manage',
        mission,
        outcome: 'denied',
        details: { reason: d.reason },
      });
      throw new TernError('TERN_AUTH_FORBIDDEN', d.reason);
    }
    for (const m of target.missions) {
      if (!deps.missionExists(m))
        throw new TernError('TERN_MISSION_NOT_FOUND', `Mission ${JSON.stringify(m)} does not exist`);
    }
  };

  app.get('/api/users', async (req) => {
    const q = parseRequest(AccountListQuery, req.query, 'Query');
    await deps.authorize(req, 'user.manage', q.mission ?? null);
    const all = await deps.accounts.list();
    const shown = q.mission === undefined ? all : all.filter((a) => a.missions.includes(q.mission!));
    return { users: shown.map(publicAccount) };
  });

  app.post('/api/users', { bodyLimit: 16 * 1024 }, async (req, reply) => {
    const body = parseRequest(CreateAccountRequest, req.body, 'New account');
    if (
      (body.role === 'interviewer' || body.role === 'data_officer' || body.role === 'relay') &&
      body.missions.length === 0
    )
      throw new TernError(
        'TERN_BAD_REQUEST',
        `New account: missions: a ${body.role} needs at least one mission`,
      );
    await requireManage(req, body);
    const created = await deps.accounts.create(body, req.principal!.username);
    await deps.audit.append(req, {
      action: 'user.create',
      mission: created.missions[0] ?? null,
      outcome: 'ok',
      details: { username: created.username, role: created.role, missions: created.missions },
    });
    return reply.status(201).send({ user: publicAccount(created) });
  });

  app.patch<{ Params: { username: string } }>(
    '/api/users/:username',
    { bodyLimit: 16 * 1024 },
    async (req) => {
      const { username } = parseRequest(AccountParams, req.params, 'Account');
      const change = parseRequest(UpdateAccountRequest, req.body, 'Account change');
      // Who asks is settled before the name is looked up, and an account the actor could not even
      // list reads exactly like one that does not exist (issue 11, item 4): 401 without a session,
      // 403 for a role that manages no accounts, then 404 for unknown and not-yours alike.
      if (!req.principal || scopeOf(req.principal.role, 'user.manage') === 'none')
        await deps.authorize(req, 'user.manage', null);
      const who = req.principal!;
      const current = await deps.accounts.get(username);
      if (!current || !mayList(who, current)) {
        await deps.audit.append(req, {
          action: 'user.manage',
          mission: null,
          outcome: 'denied',
          details: { reason: current ? 'account outside your missions' : 'no such account' },
        });
        throw new TernError(
          'TERN_USER_NOT_FOUND',
          `No account named ${JSON.stringify(username)} among the accounts you manage`,
        );
      }
      // Nobody locks themselves out: the last admin disabling or demoting their own account would leave
      // no one to undo it.
      if (
        username === who.username &&
        (change.disabled === true || (change.role && change.role !== who.role))
      )
        throw new TernError(
          'TERN_BAD_REQUEST',
          'Account change: you cannot disable your own account or change your own role; ask another admin',
        );
      // The actor must be allowed to manage the account as it is and as it will be.
      await requireManage(req, principalOf(current));
      const next = { role: change.role ?? current.role, missions: change.missions ?? current.missions };
      await requireManage(req, next);
      const updated = await deps.accounts.update(username, change);
      if (change.password !== undefined || change.disabled === true) await deps.sessions.revokeAll(username);
      await deps.audit.append(req, {
        action: 'user.update',
        mission: updated.missions[0] ?? null,
        outcome: 'ok',
        details: {
          username,
          changed: Object.keys(change),
          ...(change.role ? { role: change.role } : {}),
          ...(change.missions ? { missions: change.missions } : {}),
        },
      });
      return { user: publicAccount(updated) };
    },
  );
}
