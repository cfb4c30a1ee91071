import type { FastifyInstance } from 'fastify';
import { AccountParams, ProfileGrantRequest } from '@tern/api';
import { isAlpha3 } from '@tern/profiles';
import type { ServerDeps } from '../../deps.ts';
import { TernError } from '../../errors.ts';
import { parseRequest } from '../../validate-request.ts';
import type { AccountDoc } from '../../auth/accounts.ts';

const grantsOf = (a: AccountDoc) => ({ username: a.username, grants: a.profileGrants?.grants ?? [] });

/**
 * Roles on countries' Migration Profiles (decision 154): an admin gives an account the roles team,
 * reviewer or publisher per country. `PUT` replaces the list (`{grants: []}` withdraws them all);
 * `GET` shows it. Admins hold every role everywhere and need no grant.
 */
export async function profileGrantRoute(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const account = async (username: string) => {
    const a = await deps.accounts.get(username);
    if (!a) throw new TernError('TERN_USER_NOT_FOUND', `No account named ${JSON.stringify(username)}`);
    return a;
  };

  app.get<{ Params: { username: string } }>('/api/users/:username/profile-grants', async (req) => {
    await deps.authorize(req, 'profile.grant', null);
    const { username } = parseRequest(AccountParams, req.params, 'Account');
    return grantsOf(await account(username));
  });

  app.put<{ Params: { username: string } }>(
    '/api/users/:username/profile-grants',
    { bodyLimit: 32 * 1024 },
    async (req) => {
      await deps.authorize(req, 'profile.grant', null);
      const { username } = parseRequest(AccountParams, req.params, 'Account');
      const body = parseRequest(ProfileGrantRequest, req.body, 'Profile grants');
      const unknown = body.grants.filter((g) => !isAlpha3(g.country)).map((g) => g.country);
      if (unknown.length)
        throw new TernError(
          'TERN_BAD_REQUEST',
          `Profile grants: ${[...new Set(unknown)].join(', ')} is not an assigned ISO 3166-1 alpha-3 country code`,
        );
      const target = await account(username);
      if (target.role === 'admin')
        throw new TernError(
          'TERN_BAD_REQUEST',
          `${username} is an admin: admins hold every profile role in every country, without grants`,
        );
      const seen = new Set<string>();
      const grants = body.grants
        .filter((g) => !seen.has(`${g.country} ${g.role}`) && seen.add(`${g.country} ${g.role}`))
        .sort((a, b) => a.country.localeCompare(b.country) || a.role.localeCompare(b.role));
      const updated = await deps.accounts.setProfileGrants(username, {
        grants,
        grantedBy: req.principal!.username,
        grantedAt: new Date(deps.now()).toISOString(),
      });
      await deps.audit.append(req, {
        action: 'profile.grant',
        mission: null,
        outcome: 'ok',
        details: { username, grants: grants.map((g) => `${g.country}:${g.role}`) },
      });
      return grantsOf(updated);
    },
  );
}
