import { ConflictListResponse, MissionListResponse, ResolveResponse, fetchJson } from '@tern/api';
import type { Choice, ConflictDetail, ConflictSummary, ResolveResponse as Resolved } from '@tern/api';

/**
 * The admin conflict screen's view of the server (apps/server/src/routes/conflicts-route.ts), over the
 * shared contract (@tern/api). Everything goes through the API with the session cookie: an admin's
 * device need not hold the mission's records or keys, and the server decides (conflict.resolve) and
 * audits every read and resolution. A refusal is an ApiError with the catalogue's code.
 */
export type { Choice, ConflictDetail, ConflictSummary, Resolved };

export async function listConflicts(filter: {
  mission?: string;
  form?: string;
  minAgeDays?: number;
}): Promise<ConflictSummary[]> {
  const q = new URLSearchParams();
  if (filter.mission) q.set('mission', filter.mission);
  if (filter.form) q.set('form', filter.form);
  if (filter.minAgeDays !== undefined) q.set('minAgeDays', String(filter.minAgeDays));
  const qs = q.toString();
  return (await fetchJson(`/api/admin/conflicts${qs ? `?${qs}` : ''}`, { schema: ConflictListResponse }))
    .conflicts;
}

const at = (mission: string, docId: string) =>
  `/api/admin/conflicts/${encodeURIComponent(mission)}/${encodeURIComponent(docId)}`;

// The detail is shown field by field and every value is `unknown` anyway: not parsed again here.
export const getConflict = (mission: string, docId: string) => fetchJson<ConflictDetail>(at(mission, docId));

export const resolveConflict = (
  mission: string,
  docId: string,
  revs: [string, string],
  choices: Record<string, Choice>,
) => fetchJson(`${at(mission, docId)}/resolve`, { json: { revs, choices }, schema: ResolveResponse });

/** The missions the admin may filter by. */
export async function listMissions(): Promise<Array<{ id: string; name: string }>> {
  return (await fetchJson('/api/missions', { schema: MissionListResponse })).missions;
}
