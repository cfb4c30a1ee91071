import type { FastifyInstance } from 'fastify';
import {
  CaseLinksParams,
  LinkParams,
  MatchDecisionRequest,
  MatchPairsQuery,
  NoQuery,
  type MatchPair,
} from '@tern/api';
import type { ServerDeps } from '../deps.ts';
import { TernError } from '../errors.ts';
import { caseKey } from '../matching/case-people.ts';
import type { MatchQueue } from '../matching/match-queue.ts';
import { type CaseRef, PersonLinks, pairId } from '../matching/person-links.ts';
import { parseRequest } from '../validate-request.ts';
import { RecordView } from './record-view.ts';

export interface MatchingDeps extends ServerDeps {
  matchQueue: MatchQueue;
}

/**
 * The review queue of matching (issue 20): candidate pairs of cases in two missions, a reviewer's
 * decision on each, person links and unlinking, every decision audited; and, for a mission's case,
 * the cases linked to it in other missions (mission, code, date: no personal data of the other
 * mission). Links live in the system database, never in a mission's, so sync never carries them.
 */
export async function matchingRoutes(app: FastifyInstance, deps: MatchingDeps): Promise<void> {
  const links = new PersonLinks(deps.store.system(), deps.now);
  /**
   * Research counts of people follow the links (decision 202). The decision is stored already: a
   * store that cannot take the people now is logged, and the next decision or restart sets them.
   */
  const peopleChanged = async (req: { log: { error(obj: object, msg: string): void } }) => {
    try {
      await app.research.peopleChanged();
    } catch (err) {
      req.log.error({ err }, 'research: the people of the analytics store could not be set');
    }
  };
  /** The missions the caller may match in: every mission, asked one by one of the table. */
  const matchable = async (req: Parameters<typeof deps.authorize>[0]) => {
    await deps.authorize(req, 'match.review', null);
    return (await deps.missions.list()).map((m) => m.id).filter((m) => deps.missionExists(m));
  };
  /** Both cases must be current cases of their missions, in two missions. */
  const requireCases = async (a: CaseRef, b: CaseRef) => {
    for (const r of [a, b]) {
      if (!deps.missionExists(r.mission))
        throw new TernError('TERN_MISSION_NOT_FOUND', `Mission ${JSON.stringify(r.mission)} does not exist`);
      const doc = await deps.store.mission(r.mission).get(r.caseId);
      if (!doc || doc._deleted || doc.type !== 'case')
        throw new TernError('TERN_NOT_FOUND', `No case ${JSON.stringify(r.caseId)} in mission ${r.mission}`);
    }
    if (a.mission === b.mission)
      throw new TernError('TERN_BAD_REQUEST', 'Decision: the two cases must be in two missions');
  };

  app.get('/api/admin/matching/pairs', async (req) => {
    const q = parseRequest(MatchPairsQuery, req.query, 'Query');
    const missions = await matchable(req);
    const decided = new Map((await links.pairs()).map((p) => [p._id.slice('matchpair:'.length), p]));
    const linked = new Set((await links.links()).map((l) => l._id.slice('personlink:'.length)));
    const out: MatchPair[] = [];
    for (const c of await deps.matchQueue.candidates(missions)) {
      const id = pairId(c.a, c.b);
      const decision = decided.get(id)?.decision;
      if (q.status !== 'all' && decision !== undefined) continue;
      const side = (s: typeof c.a) => ({
        mission: s.mission,
        caseId: s.caseId,
        code: s.code,
        fullName: s.person.fullName,
        ...(s.person.birthDate !== undefined && { birthDate: s.person.birthDate }),
        ...(s.person.placeOfBirth !== undefined && { placeOfBirth: s.person.placeOfBirth }),
        ...(s.person.relativesFamilyNames !== undefined && {
          parentsFamilyNames: [...s.person.relativesFamilyNames],
        }),
        createdAt: s.createdAt,
      });
      out.push({
        id,
        probability: c.probability,
        strong: c.strong,
        a: side(c.a),
        b: side(c.b),
        priorWeight: c.priorWeight,
        fields: c.fields.map((f) => ({ ...f })),
        ...(decision !== undefined && { decision }),
        linked: linked.has(id),
      });
    }
    // Showing names of several missions' cases is a read: audited with the count, never the names.
    await deps.audit.append(req, {
      action: 'match.review',
      mission: null,
      outcome: 'ok',
      details: { pairs: out.length, missions: missions.length },
    });
    return { pairs: out };
  });

  app.post('/api/admin/matching/decisions', async (req) => {
    parseRequest(NoQuery, req.query, 'Query');
    const body = parseRequest(MatchDecisionRequest, req.body, 'Decision');
    await deps.authorize(req, 'match.review', body.a.mission);
    await deps.authorize(req, 'match.review', body.b.mission);
    await requireCases(body.a, body.b);
    const by = req.principal?.username ?? 'admin';
    const pair = await links.decide(body.a, body.b, body.decision, by);
    await peopleChanged(req);
    const id = pair._id.slice('matchpair:'.length);
    await deps.audit.append(req, {
      action: 'match.decide',
      mission: null,
      outcome: 'ok',
      details: {
        pair: id,
        decision: body.decision,
        a: caseKey(pair.a.mission, pair.a.caseId),
        b: caseKey(pair.b.mission, pair.b.caseId),
      },
    });
    return { id, decision: body.decision, linked: body.decision === 'same' };
  });

  app.post('/api/admin/matching/links/:id/unlink', async (req) => {
    const p = parseRequest(LinkParams, req.params, 'Link');
    parseRequest(NoQuery, req.query, 'Query');
    await deps.authorize(req, 'match.review', null);
    const link = await links.link(p.id);
    if (!link) throw new TernError('TERN_NOT_FOUND', `No person link ${p.id}`);
    await deps.authorize(req, 'match.review', link.a.mission);
    await deps.authorize(req, 'match.review', link.b.mission);
    const pair = await links.unlink(p.id, req.principal?.username ?? 'admin');
    await peopleChanged(req);
    await deps.audit.append(req, {
      action: 'match.unlink',
      mission: null,
      outcome: 'ok',
      details: {
        pair: p.id,
        a: caseKey(link.a.mission, link.a.caseId),
        b: caseKey(link.b.mission, link.b.caseId),
        restored: pair?.decision ?? 'undecided',
      },
    });
    return { id: p.id, decision: pair?.decision ?? null, linked: false };
  });

  app.get('/api/missions/:mission/cases/:caseId/links', async (req) => {
    const p = parseRequest(CaseLinksParams, req.params, 'Case');
    parseRequest(NoQuery, req.query, 'Query');
    await deps.authorize(req, 'case.read', p.mission);
    if (!deps.missionExists(p.mission))
      throw new TernError('TERN_MISSION_NOT_FOUND', `Mission ${JSON.stringify(p.mission)} does not exist`);
    const db = deps.store.mission(p.mission);
    const doc = await db.get(p.caseId);
    const view = RecordView.of(req.principal ?? null, db, deps.store.ops(p.mission));
    const visible = doc && !doc._deleted && (!view || (await view.visibleIds([p.caseId])).has(p.caseId));
    if (!visible)
      throw new TernError('TERN_NOT_FOUND', `No case ${JSON.stringify(p.caseId)} in mission ${p.mission}`);
    const out = [];
    for (const r of await links.linkedTo({ mission: p.mission, caseId: p.caseId })) {
      if (!deps.missionExists(r.mission)) continue;
      const other = await deps.store.mission(r.mission).get(r.caseId);
      if (!other || other._deleted) continue;
      // Mission, case code and the day the case was opened: nothing personal of the other mission.
      out.push({
        mission: r.mission,
        code: typeof other.code === 'string' ? other.code : '',
        date: typeof other.createdAt === 'string' ? other.createdAt.slice(0, 10) : '',
      });
    }
    await deps.audit.append(req, {
      action: 'case.read',
      mission: p.mission,
      outcome: 'ok',
      details: { id: p.caseId, for: 'links', links: out.length },
    });
    return { links: out.sort((x, y) => x.date.localeCompare(y.date)) };
  });
}
