import { CaseLinksResponse, MatchPairsResponse, fetchJson } from '@tern/api';
import type { CaseLinksResponse as Links, MatchPair } from '@tern/api';

/**
 * The matching screens' view of the server (apps/server/src/routes/matching-routes.ts): the review
 * queue (admins, `match.review`) and a case's linked cases in other missions. Online only: links
 * never travel to devices (decision 182).
 */
export type { MatchPair };
export type LinkedCase = Links['links'][number];
export type Decision = 'same' | 'different' | 'unsure';

export async function listPairs(all: boolean): Promise<MatchPair[]> {
  const url = `/api/admin/matching/pairs${all ? '?status=all' : ''}`;
  return (await fetchJson(url, { schema: MatchPairsResponse })).pairs;
}

export const decidePair = (p: MatchPair, decision: Decision) =>
  fetchJson('/api/admin/matching/decisions', {
    json: {
      a: { mission: p.a.mission, caseId: p.a.caseId },
      b: { mission: p.b.mission, caseId: p.b.caseId },
      decision,
    },
  });

export const unlinkPair = (id: string) =>
  fetchJson(`/api/admin/matching/links/${encodeURIComponent(id)}/unlink`, { method: 'POST' });

export async function linkedCases(mission: string, caseId: string): Promise<LinkedCase[]> {
  const url = `/api/missions/${encodeURIComponent(mission)}/cases/${encodeURIComponent(caseId)}/links`;
  return (await fetchJson(url, { schema: CaseLinksResponse })).links;
}
