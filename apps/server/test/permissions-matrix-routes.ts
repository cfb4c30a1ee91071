import type { InjectOptions } from 'fastify';
import type { Action } from '../src/auth/authorize.ts';
import { PASSWORD } from './fixtures.ts';
import { demographyRows, profileRows, syncBody } from './permissions-matrix-domain-rows.ts';

/** The routes of the permission matrix (permissions-matrix.test.ts says how to add one). */
export interface Row {
  name: string;
  /** Every action the route asks for; it is allowed only when all are. */
  actions: Action[];
  /** Acts in one mission (own/other columns) or in none. */
  scoped: boolean;
  request: (mission: string, n: number) => InjectOptions;
  /** Statuses of an allowed request that was served. */
  ok: number[];
  /**
   * The target reads as absent (404) to a role that may do the actions somewhere but not here, so a
   * refusal does not tell existing names from unknown ones (issue 11, item 4).
   */
  hiddenWhenDenied?: { status: 404; code: string };
  /**
   * The code of a refusal to a role that may do the actions somewhere but not here, when it is not
   * TERN_AUTH_FORBIDDEN (research: a mission not granted is TERN_RESEARCH_MISSION_NOT_GRANTED, 403).
   */
  deniedHereCode?: string;
  /**
   * A route on no mission that works within the caller's own missions (research meta, the CTDC
   * file: a researcher's granted ones), so `own` serves it as `all` does.
   */
  withinOwn?: true;
}

/** Record ids seeded in each mission, so a read that is allowed finds something. */
export const seeded: Record<string, string> = {};
/** A device registered in each mission, for the routes that change one. */
export const SEEDED_DEVICE = 'dev-01J0000000000000000000SEED';

export const ROUTES: Row[] = [
  {
    name: 'POST /api/sync/:mission (compact door)',
    actions: ['sync.push', 'sync.pull'],
    scoped: true,
    request: (m) => ({ method: 'POST', url: `/api/sync/${m}`, payload: syncBody }),
    ok: [200],
  },
  {
    name: 'GET /api/missions/:mission/records/:id',
    actions: ['case.read'],
    scoped: true,
    request: (m) => ({ method: 'GET', url: `/api/missions/${m}/records/${seeded[m]}` }),
    ok: [200],
  },
  {
    name: 'GET /api/missions/:mission/export',
    actions: ['export'],
    scoped: true,
    request: (m) => ({ method: 'GET', url: `/api/missions/${m}/export?format=xlsx` }),
    ok: [200],
  },
  {
    name: 'GET /api/missions/:mission/summary',
    actions: ['aggregate.read'],
    scoped: true,
    request: (m) => ({ method: 'GET', url: `/api/missions/${m}/summary` }),
    ok: [200],
  },
  {
    name: 'GET /api/users?mission=',
    actions: ['user.manage'],
    scoped: true,
    request: (m) => ({ method: 'GET', url: `/api/users?mission=${m}` }),
    ok: [200],
  },
  {
    name: 'POST /api/users (an interviewer of the mission)',
    actions: ['user.manage'],
    scoped: true,
    request: (m, n) => ({
      method: 'POST',
      url: '/api/users',
      payload: { username: `new-${m}-${n}`, password: PASSWORD, role: 'interviewer', missions: [m] },
    }),
    ok: [201],
  },
  {
    name: 'PATCH /api/users/:username (an interviewer of the mission)',
    actions: ['user.manage'],
    scoped: true,
    request: (m) => ({ method: 'PATCH', url: `/api/users/iv-${m}`, payload: { disabled: false } }),
    ok: [200],
    hiddenWhenDenied: { status: 404, code: 'TERN_USER_NOT_FOUND' },
  },
  {
    name: 'GET /api/users (every account)',
    actions: ['user.manage'],
    scoped: false,
    request: () => ({ method: 'GET', url: '/api/users' }),
    ok: [200],
  },
  {
    name: 'GET /api/missions',
    actions: ['mission.manage'],
    scoped: false,
    request: () => ({ method: 'GET', url: '/api/missions' }),
    ok: [200],
  },
  {
    name: 'POST /api/missions',
    actions: ['mission.manage'],
    scoped: false,
    request: (_m, n) => ({ method: 'POST', url: '/api/missions', payload: { id: `m-${n}` } }),
    ok: [201],
  },
  {
    name: 'POST /api/missions/:mission/devices',
    actions: ['sync.push'],
    scoped: true,
    request: (_m, n) => ({
      method: 'POST',
      url: `/api/missions/${_m}/devices`,
      payload: { deviceId: `dev-01J0000000000000000000${String(n).padStart(4, '0')}` },
    }),
    ok: [200],
  },
  {
    name: 'PATCH /api/missions/:mission/devices/:device',
    actions: ['user.manage'],
    scoped: true,
    request: (m, n) => ({
      method: 'PATCH',
      url: `/api/missions/${m}/devices/${SEEDED_DEVICE}`,
      payload: { name: `Tablet ${n}` },
    }),
    ok: [200],
  },
  {
    name: 'PATCH /api/missions/:mission',
    actions: ['mission.manage'],
    scoped: false,
    request: (m, n) => ({ method: 'PATCH', url: `/api/missions/${m}`, payload: { name: `Mission ${n}` } }),
    ok: [200],
  },
  {
    name: 'POST /api/admin/forms/:key/retire',
    actions: ['admin'],
    scoped: false,
    // A version nobody fills in these tests: retiring it changes no other row's answer.
    request: () => ({ method: 'POST', url: '/api/admin/forms/assistance@1/retire' }),
    ok: [200],
  },
  {
    name: 'GET /api/missions/:mission/devices',
    actions: ['export'],
    scoped: true,
    request: (m) => ({ method: 'GET', url: `/api/missions/${m}/devices` }),
    ok: [200],
  },
  {
    name: 'GET /api/forms',
    actions: ['forms.read'],
    scoped: false,
    request: () => ({ method: 'GET', url: '/api/forms' }),
    ok: [200],
  },
  {
    name: 'GET /api/forms/:key',
    actions: ['forms.read'],
    scoped: false,
    request: () => ({ method: 'GET', url: '/api/forms/screening@1' }),
    ok: [200],
  },
  {
    name: 'POST /api/admin/forms',
    actions: ['admin'],
    scoped: false,
    request: (_m, n) => ({
      method: 'POST',
      url: '/api/admin/forms',
      payload: {
        id: `matrix-${n}`,
        version: '1',
        title: { en: 'M' },
        defaultLanguage: 'en',
        children: [{ type: 'text', name: 'a', label: { en: 'A' } }],
      },
    }),
    ok: [201],
  },
  {
    name: 'GET /api/admin/conflicts?mission=',
    actions: ['conflict.resolve'],
    scoped: true,
    request: (m) => ({ method: 'GET', url: `/api/admin/conflicts?mission=${m}` }),
    ok: [200],
  },
  {
    name: 'GET /api/admin/conflicts/:mission/:docId',
    actions: ['conflict.resolve'],
    scoped: true,
    // No open conflict on the seeded record: an allowed request is served a 404.
    request: (m) => ({ method: 'GET', url: `/api/admin/conflicts/${m}/${seeded[m]}` }),
    ok: [404],
  },
  {
    name: 'POST /api/admin/conflicts/:mission/:docId/resolve',
    actions: ['conflict.resolve'],
    scoped: true,
    request: (m) => ({
      method: 'POST',
      url: `/api/admin/conflicts/${m}/${seeded[m]}/resolve`,
      payload: { revs: ['1-a', '1-b'], choices: {} },
    }),
    ok: [404],
  },
  {
    name: 'GET /couch/:db/_changes (CouchDB door read)',
    actions: ['couch.read'],
    scoped: true,
    request: (m) => ({ method: 'GET', url: `/couch/${m}/_changes` }),
    ok: [200],
  },
  {
    name: 'GET /couch/:db/:id (CouchDB door read)',
    actions: ['couch.read'],
    scoped: true,
    request: (m) => ({ method: 'GET', url: `/couch/${m}/${seeded[m]}` }),
    ok: [200],
  },
  {
    name: 'GET /couch/:db/:id/:att (CouchDB door, a file of a record)',
    actions: ['couch.read', 'attachment.read'],
    scoped: true,
    request: (m) => ({ method: 'GET', url: `/couch/${m}/${seeded[m]}/${'a'.repeat(64)}` }),
    ok: [404],
  },
  {
    name: 'POST /couch/:db/_bulk_docs (CouchDB door, interactive edits)',
    actions: ['couch.write'],
    scoped: true,
    request: (m) => ({ method: 'POST', url: `/couch/${m}/_bulk_docs`, payload: { docs: [] } }),
    ok: [201],
  },
  {
    name: 'POST /couch/:db/_bulk_docs new_edits:false (CouchDB door, replication)',
    actions: ['couch.write', 'couch.replicate'],
    scoped: true,
    request: (m) => ({
      method: 'POST',
      url: `/couch/${m}/_bulk_docs`,
      payload: { docs: [], new_edits: false },
    }),
    ok: [201],
  },
  {
    name: 'POST /couch/:db/_revs_diff (CouchDB door write)',
    actions: ['couch.write'],
    scoped: true,
    request: (m) => ({ method: 'POST', url: `/couch/${m}/_revs_diff`, payload: {} }),
    ok: [200],
  },
  {
    name: 'GET /api/research/meta',
    actions: ['research.read'],
    scoped: false,
    request: () => ({ method: 'GET', url: '/api/research/meta' }),
    ok: [200],
    withinOwn: true,
  },
  ...(['table', 'series', 'flows', 'table/export?format=csv'] as const).map((r): Row => ({
    name: `POST /api/research/${r}`,
    actions: ['research.read'],
    scoped: true,
    request: (m) => ({
      method: 'POST',
      url: `/api/research/${r}`,
      payload: { ...(r.startsWith('table') ? { dims: ['gender'] } : {}), filters: { mission: [m] } },
    }),
    ok: [200],
    deniedHereCode: 'TERN_RESEARCH_MISSION_NOT_GRANTED',
  })),
  {
    name: 'GET /api/research/ctdc-export',
    actions: ['research.read'],
    scoped: false,
    request: () => ({ method: 'GET', url: '/api/research/ctdc-export' }),
    ok: [200],
    withinOwn: true,
  },
  {
    name: 'PUT /api/users/:username/research-grant',
    actions: ['research.grant'],
    scoped: false,
    request: () => ({
      method: 'PUT',
      url: '/api/users/researcher/research-grant',
      payload: { all: false, missions: ['demo'] },
    }),
    ok: [200],
  },
  {
    name: 'GET /api/users/:username/research-grant',
    actions: ['research.grant'],
    scoped: false,
    request: () => ({ method: 'GET', url: '/api/users/researcher/research-grant' }),
    ok: [200],
  },
  {
    name: 'GET /api/missions/:mission/attachments/:digest/status',
    actions: ['attachment.write'],
    scoped: true,
    request: (m) => ({ method: 'GET', url: `/api/missions/${m}/attachments/${'a'.repeat(64)}/status` }),
    ok: [200],
  },
  {
    // The seeded record names no file: allowed means past the permission check, refused as not referenced.
    name: 'PUT /api/missions/:mission/attachments/:digest',
    actions: ['attachment.write'],
    scoped: true,
    request: (m) => ({
      method: 'PUT',
      url: `/api/missions/${m}/attachments/${'a'.repeat(64)}?record=${seeded[m]}`,
      headers: { 'content-type': 'application/octet-stream', 'content-range': 'bytes 0-0/1' },
      payload: Buffer.from('x'),
    }),
    ok: [422],
  },
  {
    name: 'GET /api/missions/:mission/attachments/:digest',
    actions: ['attachment.read'],
    scoped: true,
    request: (m) => ({ method: 'GET', url: `/api/missions/${m}/attachments/${'a'.repeat(64)}` }),
    ok: [404],
  },
  ...demographyRows(),
  ...profileRows(),
  {
    name: 'GET /api/admin/matching/pairs',
    actions: ['match.review'],
    scoped: false,
    request: () => ({ method: 'GET', url: '/api/admin/matching/pairs' }),
    ok: [200],
  },
  {
    name: 'POST /api/admin/matching/decisions',
    actions: ['match.review'],
    scoped: true,
    // The seeded records are submissions, not cases: an allowed request is served a 404.
    request: (m) => ({
      method: 'POST',
      url: '/api/admin/matching/decisions',
      payload: {
        a: { mission: m, caseId: 'case:01MATRIXA' },
        b: { mission: m === 'demo' ? 'other' : 'demo', caseId: 'case:01MATRIXB' },
        decision: 'unsure',
      },
    }),
    ok: [404],
  },
  {
    name: 'POST /api/admin/matching/links/:id/unlink',
    actions: ['match.review'],
    scoped: false,
    request: () => ({ method: 'POST', url: `/api/admin/matching/links/${'0'.repeat(32)}/unlink` }),
    ok: [404],
  },
  {
    name: 'GET /api/missions/:mission/cases/:caseId/links',
    actions: ['case.read'],
    scoped: true,
    request: (m) => ({ method: 'GET', url: `/api/missions/${m}/cases/case:01MATRIXA/links` }),
    ok: [404],
  },
  {
    name: 'GET /api/admin/audit',
    actions: ['audit.read'],
    scoped: false,
    request: () => ({ method: 'GET', url: '/api/admin/audit?limit=5' }),
    ok: [200],
  },
  {
    name: 'GET /api/relay/accounts?mission= (headquarters, for a relay)',
    actions: ['relay.accounts'],
    scoped: true,
    request: (m) => ({ method: 'GET', url: `/api/relay/accounts?mission=${m}` }),
    ok: [200],
  },
  // The relay's status (relay/status-route.ts) covers the missions the caller works in: `own` serves.
  {
    name: 'GET /api/relay/status',
    actions: ['relay.status'],
    scoped: false,
    request: () => ({ method: 'GET', url: '/api/relay/status' }),
    ok: [200],
    withinOwn: true,
  },
  {
    name: 'POST /api/relay/sync',
    actions: ['relay.status'],
    scoped: false,
    request: () => ({ method: 'POST', url: '/api/relay/sync' }),
    ok: [200],
    withinOwn: true,
  },
];

/** Actions in the table that no route asks for yet; each needs a row as soon as a route does. */
// `review` and `record.delete` are asked per pushed document (a submission whose review changed, a
// tombstone), not by a route: apps/server/test/regressions/ covers them per document.
