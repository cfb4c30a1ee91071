import type { FastifyRequest } from 'fastify';
import type { AnalyticsStore, ResearchScope } from '@tern/research';
import { isResearchError } from '@tern/research';
import type { ServerDeps } from '../../deps.ts';
import { TernError } from '../../errors.ts';
import { scopeOf } from '../../auth/permissions.ts';
import { researchMissions } from '../../research/grants.ts';
import type { Research } from '../../research/research-service.ts';

export interface ResearchDeps extends ServerDeps {
  research: Research;
}

export interface ResearchContext {
  store: AnalyticsStore;
  scope: ResearchScope;
}

/**
 * Every research route starts here, before its body is read: a session whose role may do research
 * (401/403, audited, by the one authorize hook), then one query off the caller's daily budget.
 */
export async function admitResearcher(deps: ResearchDeps, req: FastifyRequest): Promise<void> {
  if (!req.principal || scopeOf(req.principal.role, 'research.read') === 'none')
    await deps.authorize(req, 'research.read', null);
  deps.research.budget.take(req.principal!.username);
}

/** The rows an admitted caller may count: the granted missions' cases, or an imported dataset. */
export async function researchContext(
  deps: ResearchDeps,
  req: FastifyRequest,
  source: string,
): Promise<ResearchContext> {
  const who = req.principal!;
  if (source === 'missions') {
    const existing = (await deps.missions.list()).map((m) => m.id);
    const account = who.role === 'researcher' ? await deps.accounts.get(who.username) : undefined;
    return {
      store: (await deps.research.feeder()).store,
      scope: { missions: researchMissions(who, account, existing) },
    };
  }
  const store = await deps.research.sources.open(source);
  if (!store) {
    const known = ['missions', ...(await deps.research.sources.list()).map((s) => s.id)];
    throw new TernError(
      'TERN_NOT_FOUND',
      `No research source ${JSON.stringify(source)}; the sources are ${known.join(', ')}`,
      { source, known },
    );
  }
  return { store, scope: { missions: [source] } };
}

/**
 * Missions an answer found behind (never caught up: new, or the store was made anew) are caught up
 * now; writes nudge the feeder, but creating a mission writes no record.
 */
export function catchUpBehind(deps: ResearchDeps, answer: { behind: readonly string[] }): void {
  for (const m of answer.behind) if (!m.startsWith('ctdc:')) deps.research.nudge(m);
}

const MAX_LOGGED_VALUES = 20;
const DENIALS = new Set(['TERN_RESEARCH_MISSION_NOT_GRANTED', 'TERN_RESEARCH_BUDGET_EXCEEDED']);

/** A query as the audit log keeps it: dimension names and the (category) values filtered on, capped. */
export function queryForAudit(q: {
  dims?: readonly string[];
  filters?: Partial<Record<string, string[]>>;
  counts?: string;
}) {
  return {
    ...(q.dims ? { dims: [...q.dims] } : {}),
    // What the table counted (cases or people, decision 202).
    ...(q.counts ? { counts: q.counts } : {}),
    filters: Object.fromEntries(
      Object.entries(q.filters ?? {}).map(([d, v = []]) => [
        d,
        v.length > MAX_LOGGED_VALUES ? [...v.slice(0, MAX_LOGGED_VALUES), `… ${v.length} in all`] : v,
      ]),
    ),
  };
}

/**
 * Audit one research request (`research.query`, `research.export`): who, which route and source, and
 * — when it was answered — the checked dimensions and filters and how many cells left. Never a value
 * of a person, never a count. A refused query keeps its code; a refusal of the session or role was
 * audited by the authorize hook already, and only the first over-budget refusal of a day is kept.
 */
export async function auditResearch(
  deps: ResearchDeps,
  req: FastifyRequest,
  action: 'research.query' | 'research.export',
  details: Record<string, unknown>,
  err?: unknown,
): Promise<void> {
  if (!req.principal) return;
  if (err instanceof TernError) {
    if (
      err.code === 'TERN_AUTH_FORBIDDEN' ||
      err.code === 'TERN_AUTH_REQUIRED' ||
      err.code === 'TERN_AUTH_EXPIRED'
    )
      return;
    if (err.code === 'TERN_RESEARCH_BUDGET_EXCEEDED' && !(err.details as { first?: boolean }).first) return;
  }
  const code = err instanceof TernError || isResearchError(err) ? err.code : err ? 'TERN_INTERNAL' : null;
  await deps.audit.append(req, {
    action,
    mission: null,
    outcome: !err ? 'ok' : code && DENIALS.has(code) ? 'denied' : 'failed',
    details: { ...details, ...(code ? { code } : {}) },
  });
}
