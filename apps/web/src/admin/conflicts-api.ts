/**
 * The admin conflict screen's view of the server (apps/server/src/routes/conflicts-route.ts). Everything
 * goes through the API with the session cookie: an admin's device need not hold the mission's records
 * or keys, and the server decides (conflict.resolve) and audits every read and resolution.
 */

export interface ConflictSummary {
  mission: string;
  docId: string;
  form: string | null;
  fields: string[];
  leaves: string[];
  openedAt: string;
  ageDays: number;
}

export interface ConflictDetail {
  mission: string;
  docId: string;
  form: string | null;
  base: { rev: string; body: Record<string, unknown> } | null;
  branches: Array<{
    rev: string;
    body: Record<string, unknown>;
    author: string | null;
    device: string | null;
    time: string | null;
  }>;
  fields: Array<{ path: string; base?: unknown; values: [unknown, unknown] }>;
  merged: Record<string, unknown>;
}

export type Choice = { pick: 0 | 1 } | { value: unknown };

export interface Resolved {
  docId: string;
  rev: string;
  closed: string;
  stillOpen: boolean;
}

/** A refusal from the server, with its stable code (docs/errors.md), or `TERN_NETWORK` when unreachable. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError('TERN_NETWORK', 'The server could not be reached', 0);
  }
  const json = (await res.json().catch(() => null)) as (T & { code?: string; message?: string }) | null;
  if (!res.ok) {
    throw new ApiError(json?.code ?? `HTTP_${res.status}`, json?.message ?? res.statusText, res.status);
  }
  return json as T;
}

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
  return (await call<{ conflicts: ConflictSummary[] }>(`/api/admin/conflicts${qs ? `?${qs}` : ''}`))
    .conflicts;
}

const at = (mission: string, docId: string) =>
  `/api/admin/conflicts/${encodeURIComponent(mission)}/${encodeURIComponent(docId)}`;

export const getConflict = (mission: string, docId: string) => call<ConflictDetail>(at(mission, docId));

export const resolveConflict = (
  mission: string,
  docId: string,
  revs: [string, string],
  choices: Record<string, Choice>,
) =>
  call<Resolved>(`${at(mission, docId)}/resolve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ revs, choices }),
  });

/** The missions the admin may filter by. */
export async function listMissions(): Promise<Array<{ id: string; name: string }>> {
  return (await call<{ missions: Array<{ id: string; name: string }> }>('/api/missions')).missions;
}
