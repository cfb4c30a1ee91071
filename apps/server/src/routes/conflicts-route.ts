import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { ConflictListQuery, ResolveRequest } from '@tern/api';
import { resolveBranches, setAt } from '@tern/sync';
import type { Body } from '@tern/sync';
import type { ServerDeps } from '../deps.ts';
import { TernError } from '../errors.ts';
import { autoMerge } from '../merge/auto-merge.ts';
import { conflictPair, conflictView } from '../merge/conflict-view.ts';
import { openConflicts, recordResolution } from '../merge/merge-records.ts';
import { checkDoc } from '../ingest/check-doc.ts';
import { conflictPeople, deviceNumbers } from '../merge/conflict-people.ts';

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new TernError('TERN_BAD_REQUEST', `${what}: ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  return r.data;
}

/**
 * A record id as the conflict routes take it. Ids starting with `_` are CouchDB's own (`_changes`,
 * `_local/…`); the store throws on some of them, which answered 500 (issue 11, item 6). No Tern
 * record has one, so such an id has no open conflict: the same 404 as any other id without one.
 */
function requireRecordId(mission: string, docId: string): void {
  if (docId.length === 0 || docId.length > 200 || docId.startsWith('_'))
    throw new TernError('TERN_NOT_FOUND', `Document ${docId} has no open conflict in mission ${mission}`);
}

/** Admin screen API: open conflicts across missions, one conflict's field table, and its resolution. */
export async function conflictsRoute(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.get('/api/admin/conflicts', async (req) => {
    const q = parse(ConflictListQuery, req.query, 'Query');
    // Authorised before any mission is named: the refusal of a non-admin names none (issue 11, item 4).
    await deps.authorize(req, 'conflict.resolve', q.mission ?? null);
    const missions = q.mission ? [q.mission] : (await deps.missions.list()).map((m) => m.id);
    const now = Date.now();
    const out = [];
    for (const mission of missions) {
      await deps.authorize(req, 'conflict.resolve', mission);
      if (!deps.missionExists(mission))
        throw new TernError('TERN_MISSION_NOT_FOUND', `Mission ${JSON.stringify(mission)} does not exist`);
      for (const c of await openConflicts(deps.store.ops(mission))) {
        const doc = await deps.store.mission(mission).get(c.docId);
        const form = typeof doc?.form === 'string' ? doc.form : null;
        const ageDays = (now - Date.parse(c.openedAt)) / 86_400_000;
        if (q.form && form !== q.form) continue;
        if (q.minAgeDays !== undefined && ageDays < q.minAgeDays) continue;
        out.push({
          mission,
          docId: c.docId,
          form,
          // The case code, never the name: the list is not an audited read (the detail is).
          caseCode: (await conflictPeople(deps, mission, doc)).caseCode,
          fields: c.fields,
          leaves: c.leaves,
          openedAt: c.openedAt,
          ageDays: Math.floor(ageDays),
        });
      }
    }
    return { conflicts: out.sort((a, b) => a.openedAt.localeCompare(b.openedAt)) };
  });

  app.get<{ Params: { mission: string; docId: string } }>(
    '/api/admin/conflicts/:mission/:docId',
    async (req) => {
      const { mission, docId } = req.params;
      await deps.authorize(req, 'conflict.resolve', mission);
      if (!deps.missionExists(mission))
        throw new TernError('TERN_MISSION_NOT_FOUND', `Mission ${JSON.stringify(mission)} does not exist`);
      requireRecordId(mission, docId);
      const view = await conflictView(deps.store, mission, docId);
      // Showing both branches is a read of the record: audited like any other read.
      await deps.audit.append(req, {
        action: 'case.read',
        mission,
        outcome: view ? 'ok' : 'failed',
        details: { id: docId, for: 'conflict' },
      });
      if (!view)
        throw new TernError('TERN_NOT_FOUND', `Document ${docId} has no open conflict in mission ${mission}`);
      const people = await conflictPeople(deps, mission, { _id: docId, ...view.branches[0]!.body });
      const numbers = await deviceNumbers(deps, mission);
      return {
        ...view,
        ...people,
        branches: view.branches.map((b) => ({
          ...b,
          deviceNumber: (b.device && numbers.get(b.device)) ?? null,
        })),
      };
    },
  );

  app.post<{ Params: { mission: string; docId: string } }>(
    '/api/admin/conflicts/:mission/:docId/resolve',
    async (req) => {
      const { mission, docId } = req.params;
      await deps.authorize(req, 'conflict.resolve', mission);
      if (!deps.missionExists(mission))
        throw new TernError('TERN_MISSION_NOT_FOUND', `Mission ${JSON.stringify(mission)} does not exist`);
      const body = parse(ResolveRequest, req.body, 'Resolution');
      requireRecordId(mission, docId);
      const view = await conflictView(deps.store, mission, docId);
      const pair = await conflictPair(deps.store, mission, docId);
      if (!view || !pair)
        throw new TernError('TERN_NOT_FOUND', `Document ${docId} has no open conflict in mission ${mission}`);
      if ([...body.revs].sort().join() !== [pair.a.rev, pair.b.rev].sort().join()) {
        throw new TernError(
          'TERN_CONFLICT_CHANGED',
          `Document ${docId} changed since it was shown (now ${pair.a.rev}, ${pair.b.rev}); reload and resolve again`,
        );
      }
      const missing = view.fields.filter((f) => !(f.path in body.choices)).map((f) => f.path);
      if (missing.length)
        throw new TernError('TERN_BAD_REQUEST', `Resolution: choose a value for ${missing.join(', ')}`);
      let resolved: Body = view.merged;
      for (const [path, choice] of Object.entries(body.choices)) {
        const field = view.fields.find((f) => f.path === path);
        if (!field && !('value' in choice))
          throw new TernError('TERN_BAD_REQUEST', `Resolution: ${path} is not a disputed field`);
        const value = 'pick' in choice ? field!.values[choice.pick] : choice.value;
        resolved = setAt(resolved, path, value);
      }
      const [next, closed] = resolveBranches(docId, pair.a, pair.b, resolved);
      const rejection = checkDoc(next, mission, deps.forms, { verifyRevs: true });
      if (rejection)
        throw new TernError('TERN_RESPONSE_INVALID', `The resolved record is not valid: ${rejection.reason}`);
      await deps.store.mission(mission).writeReplicated([next, closed]);
      const by = req.principal?.username ?? 'admin';
      await recordResolution(deps.store.ops(mission), mission, docId, {
        revs: body.revs,
        resolvedRev: next._rev,
        choices: body.choices,
        by,
      });
      const rest = await autoMerge(deps.store, mission, [docId], { by });
      await deps.audit.append(req, {
        action: 'conflict.resolve',
        mission,
        outcome: 'ok',
        // Which revisions, which field paths and how (picked side or typed value); never the values.
        details: {
          id: docId,
          leaves: body.revs,
          resolvedRev: next._rev,
          fields: Object.fromEntries(
            Object.entries(body.choices).map(([path, c]) => [path, 'pick' in c ? `pick ${c.pick}` : 'typed']),
          ),
        },
      });
      return { docId, rev: next._rev, closed: closed._rev, stillOpen: rest.open.includes(docId) };
    },
  );
}
