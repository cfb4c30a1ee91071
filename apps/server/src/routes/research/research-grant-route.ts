import type { FastifyInstance } from 'fastify';
import { AccountParams, ResearchGrantRequest } from '@tern/api';
import type { ServerDeps } from '../../deps.ts';
import { TernError } from '../../errors.ts';
import { parseRequest } from '../../validate-request.ts';
import type { AccountDoc } from '../../auth/accounts.ts';

const grantOf = (a: AccountDoc) => ({
  username: a.username,
  all: a.researchGrant?.all ?? false,
  missions: a.researchGrant?.missions ?? [],
});

/**
 * Researcher grants (decision 104): an admin opens missions, or all of them, to a researcher.
 * `PUT` replaces the grant (`{all: false, missions: []}` withdraws it); `GET` shows it.
 */
export async function researchGrantRoute(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const researcher = async (username: string) => {
    const account = await deps.accounts.get(username);
    if (!account) throw new TernError('TERN_USER_NOT_FOUND', `No account named ${JSON.stringify(username)}`);
    if (account.role !== 'researcher')
      throw new TernError(
        'TERN_BAD_REQUEST',
        `${username} is a ${account.role}: research grants are for researcher accounts (an admin sees every mission, field roles none)`,
      );
    return account;
  };

  app.get<{ Params: { username: string } }>('/api/users/:username/research-grant', async (req) => {
    await deps.authorize(req, 'research.grant', null);
    const { username } = parseRequest(AccountParams, req.params, 'Account');
    return grantOf(await researcher(username));
  });

  app.put<{ Params: { username: string } }>(
    '/api/users/:username/research-grant',
    { bodyLimit: 16 * 1024 },
    async (req) => {
      await deps.authorize(req, 'research.grant', null);
      const { username } = parseRequest(AccountParams, req.params, 'Account');
      const body = parseRequest(ResearchGrantRequest, req.body, 'Research grant');
      if (body.all && body.missions.length > 0)
        throw new TernError(
          'TERN_BAD_REQUEST',
          'Research grant: give all: true or a list of missions, not both (all covers missions made later)',
        );
      for (const m of body.missions)
        if (!deps.missionExists(m))
          throw new TernError('TERN_MISSION_NOT_FOUND', `Mission ${JSON.stringify(m)} does not exist`);
      await researcher(username);
      const updated = await deps.accounts.setResearchGrant(username, {
        all: body.all,
        missions: [...new Set(body.missions)].sort(),
        grantedBy: req.principal!.username,
        grantedAt: new Date(deps.now()).toISOString(),
      });
      await deps.audit.append(req, {
        action: 'research.grant',
        mission: null,
        outcome: 'ok',
        details: { username, all: body.all, missions: updated.researchGrant!.missions },
      });
      return grantOf(updated);
    },
  );
}
