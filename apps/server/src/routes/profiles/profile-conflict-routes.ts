import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProfileEditionParams, ProfileResolveRequest } from '@tern/api';
import type { ServerDeps } from '../../deps.ts';
import { TernError } from '../../errors.ts';
import { countryParam } from '../../profiles/profile-access.ts';
import { storedCountries } from '../../profiles/profile-editions.ts';
import { conflictPairOf, profileConflictView, settle } from '../../profiles/profile-conflicts.ts';
import { mergeProfileBranches, openConflict } from '../../profiles/profile-merge.ts';
import { parseRequest } from '../../validate-request.ts';

const EDITION_ID = /^profile:[A-Z]{3}:([1-9][0-9]{0,3})$/;

/**
 * The admin's screen for profile conflicts (decision 213), like the records' one: the open conflicts of
 * every country, one edition's two versions with the disputed fields, and the resolution (a side or a
 * typed value per field, or one version kept whole). Every route asks `profile.resolve` (admins); a
 * resolution is audited with the paths and how each was settled, never the text.
 */
export async function profileConflictRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  /** Who asks is settled first (401/403 before anything is said of a country), then the params. */
  const admit = async (req: FastifyRequest) => {
    const raw = (req.params as { country?: unknown }).country;
    await deps.authorize(req, 'profile.resolve', typeof raw === 'string' ? raw : null);
    const country = countryParam(req.params);
    const { edition } = parseRequest(ProfileEditionParams, req.params, 'Edition');
    return { country, edition, id: `profile:${country}:${edition}` };
  };
  const none = (id: string) => new TernError('TERN_NOT_FOUND', `${id} has no open conflict`);

  app.get('/api/admin/profile-conflicts', async (req) => {
    await deps.authorize(req, 'profile.resolve', null);
    const out = [];
    for (const country of await storedCountries(deps.store)) {
      const db = deps.store.profile(country);
      for (const id of (await db.conflictedIds()).filter((i) => EDITION_ID.test(i))) {
        const c = await openConflict(db, id);
        if (c)
          out.push({
            country,
            edition: Number(EDITION_ID.exec(id)![1]),
            id,
            leaves: c.revs.length,
            paths: c.paths,
          });
      }
    }
    return { conflicts: out };
  });

  app.get<{ Params: { country: string; edition: string } }>(
    '/api/admin/profile-conflicts/:country/:edition',
    async (req) => {
      const { country, edition, id } = await admit(req);
      const view = await profileConflictView(deps.store.profile(country), country, edition);
      if (!view) throw none(id);
      return view;
    },
  );

  app.post<{ Params: { country: string; edition: string } }>(
    '/api/admin/profile-conflicts/:country/:edition/resolve',
    async (req) => {
      const { country, edition, id } = await admit(req);
      const body = parseRequest(ProfileResolveRequest, req.body, 'Resolution');
      const db = deps.store.profile(country);
      const view = await profileConflictView(db, country, edition);
      const pair = await conflictPairOf(db, id);
      if (!view || !pair) throw none(id);
      const by = req.principal!.username;
      const { docs, settled } = settle(view, pair, body, {
        seal: deps.profileFigureSeal,
        by,
        at: new Date(deps.now()).toISOString(),
      });
      const written = await db.writeReplicated(docs);
      const failed = written.find((w) => !w.ok);
      if (failed)
        throw new TernError(
          'TERN_CONFLICT_CHANGED',
          `${id} could not be settled: ${failed.reason ?? failed.error}`,
        );
      // A third device's version, if any, is merged with the settled one where it does not collide.
      const rest = await mergeProfileBranches(db, [id]);
      await deps.audit.append(req, {
        action: 'profile.resolve',
        mission: null,
        outcome: 'ok',
        details: { country, edition, leaves: body.revs, resolvedRev: docs[0]._rev, settled },
      });
      return { id, rev: docs[0]._rev, closed: docs[1]._rev, stillOpen: rest.length > 0 };
    },
  );
}
