import type { FastifyInstance } from 'fastify';
import { RelayAccountsQuery } from '@tern/api';
import { TernError } from '../errors.ts';
import type { ServerDeps } from '../deps.ts';
import type { RelayedAccount } from '../relay/account-mirror.ts';
import { parseRequest } from '../validate-request.ts';

/**
 * `GET /api/relay/accounts?mission=`: headquarters hands a mission relay the field accounts of one of
 * its missions (interviewers and data officers, disabled ones too so the relay disables them), with
 * their password verifiers and never a password (decision 196). Only the `relay` role may ask
 * (`relay.accounts`), for its own missions; every answer is audited with the names it gave.
 */
export async function relayAccountsRoute(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.get('/api/relay/accounts', async (req) => {
    const q = parseRequest(RelayAccountsQuery, req.query, 'Query');
    await deps.authorize(req, 'relay.accounts', q.mission);
    if (!deps.missionExists(q.mission))
      throw new TernError('TERN_MISSION_NOT_FOUND', `Mission ${JSON.stringify(q.mission)} does not exist`);
    const field = (await deps.accounts.list()).filter(
      (a) => (a.role === 'interviewer' || a.role === 'data_officer') && a.missions.includes(q.mission),
    );
    const accounts: RelayedAccount[] = field.map((a) => ({
      username: a.username,
      role: a.role as RelayedAccount['role'],
      // Only this mission: the relay learns nothing of the account's other missions.
      missions: [q.mission],
      passwordHash: a.passwordHash,
      disabled: a.disabled,
      updatedAt: a.updatedAt,
    }));
    await deps.audit.append(req, {
      action: 'relay.accounts',
      mission: q.mission,
      outcome: 'ok',
      details: { usernames: accounts.map((a) => a.username) },
    });
    return { accounts };
  });
}
