import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../src/auth/permissions.ts';
import type { Scope } from '../src/auth/permissions.ts';
import type { Action } from '../src/auth/authorize.ts';
import { ROLES } from '../src/auth/roles.ts';
import type { Role } from '../src/auth/roles.ts';
import { PASSWORD, bearer, submission, testApp, validAnswers } from './fixtures.ts';
import type { TestApp } from './fixtures.ts';
import { changeDevice, registerDevice } from '../src/devices/device-registry.ts';
import { isProfileAction } from '../src/profiles/profile-grants.ts';
import { ROUTES, SEEDED_DEVICE, seeded } from './permissions-matrix-routes.ts';
import type { Row } from './permissions-matrix-routes.ts';

/**
 * The permission matrix: every route × every role × own/other mission, with the expected answer
 * derived from the permission table (PERMISSIONS), never written by hand.
 *
 * Every account is a member of mission `demo` ("own"); `other` is a mission it does not belong to.
 * Routes that act on no mission (create a mission, read the audit log) run once with mission "-".
 *
 * ADDING A ROUTE (the CouchDB door included): add one row to ROUTES (permissions-matrix-routes.ts)
 * with the action(s) the route asks `deps.authorize` for, whether it is mission-scoped, the request to
 * send for a mission, and the statuses that mean "allowed and served". For example, for the CouchDB door:
 *
 *   { name: 'GET /couch/:db/_changes', actions: ['couch.read'], scoped: true,
 *     request: (m) => ({ method: 'GET', url: `/couch/${m}/_changes` }), ok: [200] },
 *   { name: 'POST /couch/:db/_bulk_docs', actions: ['couch.write'], scoped: true,
 *     request: (m) => ({ method: 'POST', url: `/couch/${m}/_bulk_docs`,
 *                        payload: { docs: [], new_edits: false } }), ok: [201] },
 *
 * then remove its actions from NO_ROUTE_YET. The expectations follow from the table by themselves.
 */

const NO_ROUTE_YET: Action[] = [
  'case.write',
  'review',
  'record.delete',
  // Asked per pushed profile revision, not by a route: the roles a caller holds on a country are the
  // ones `decide()` allows (profiles/profile-access.ts); apps/server/test/profiles/ covers them.
  // (`profile.edit` is also asked by the figures route, which has its row.)
  'profile.review',
  'profile.publish',
];

/** What the table says, read the plain way: `all` anywhere, `own` in a member mission, else no. */
function expectedAllowed(role: Role, row: Row, where: 'own' | 'other' | '-'): boolean {
  return row.actions.every((a) => {
    const scope: Scope = PERMISSIONS[a][role];
    return scope === 'all' || (scope === 'own' && (where === 'own' || (where === '-' && !!row.withinOwn)));
  });
}

const WHERE = { own: 'demo', other: 'other', '-': 'demo' } as const;
const cells = ROUTES.flatMap((row) =>
  (row.scoped ? (['own', 'other'] as const) : (['-'] as const)).flatMap((where) =>
    ROLES.map((role) => ({ row, where, role, allowed: expectedAllowed(role, row, where) })),
  ),
);

let t: TestApp;
const tokens = {} as Record<Role, string>;
/** Each role's session opened on a device retired in `demo` (decision 221). */
const onRetired = {} as Record<Role, string>;
const RETIRED_DEVICE = 'dev-01J0000000000000000000RTRD';
let n = 0;

beforeAll(async () => {
  // A relay's status routes answer 404 on a server that is not a relay: the matrix app is one, with a
  // fixed status (the routes' permission check is what is tested here; tests/interop runs real relays).
  const status = {
    upstream: 'http://127.0.0.1:9',
    relayAccount: 'relay',
    lastContact: null,
    lastComplete: null,
    error: null,
    errorAt: null,
    accountsMirrored: 0,
    missions: [
      {
        mission: 'demo',
        pendingUp: 0,
        pendingDown: 0,
        pushedTotal: 0,
        pulledTotal: 0,
        refused: [],
        refusedTotal: 0,
        files: null,
        filesUpTotal: 0,
        filesDownTotal: 0,
      },
    ],
  };
  t = await testApp([...ROLES], {
    login: { max: 100, timeWindowMs: 60_000 },
    relay: { status: () => status, syncNow: async () => status },
  });
  for (const m of ['demo', 'other']) {
    const doc = submission(m, validAnswers(`Person of ${m}`));
    await t.store.mission(m).writeReplicated([doc]);
    seeded[m] = doc._id;
    await registerDevice(t.store.ops(m), SEEDED_DEVICE, 'test');
    await t.accounts.create(
      { username: `iv-${m}`, password: PASSWORD, role: 'interviewer', missions: [m] },
      'test',
    );
  }
  // The researcher's "own" missions are its research grant (research/grants.ts): `demo`, like the others.
  await t.accounts.setResearchGrant('researcher', {
    all: false,
    missions: ['demo'],
    grantedBy: 'test',
    grantedAt: new Date().toISOString(),
  });
  // Every account but the admin's holds the three profile roles on KEN, the matrix's "own" country
  // (profile rows act on KEN for `demo`, on UGA for `other`: permissions-matrix-routes.ts).
  for (const role of ROLES.filter((r) => r !== 'admin'))
    await t.accounts.setProfileGrants(role, {
      grants: (['team', 'reviewer', 'publisher'] as const).map((r) => ({ country: 'KEN', role: r })),
      grantedBy: 'test',
      grantedAt: new Date().toISOString(),
    });
  for (const role of ROLES) tokens[role] = await t.login(role);
  await registerDevice(t.store.ops('demo'), RETIRED_DEVICE, 'test');
  await changeDevice(t.store.ops('demo'), RETIRED_DEVICE, { retired: true }, 'test');
  for (const role of ROLES) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: role, password: PASSWORD, bearer: true, device: RETIRED_DEVICE },
    });
    onRetired[role] = (res.json() as { token: string }).token;
  }
});
afterAll(async () => {
  await t.close();
});

describe('permission matrix (from the permission table)', () => {
  it.each(cells.map((c) => [c.row.name, c.role, c.where, c.allowed ? 'allow' : 'deny', c] as const))(
    '%s · %s · %s mission → %s',
    async (_name, role, where, _verdict, c) => {
      n += 1;
      const req = c.row.request(WHERE[where], n);
      const res = await t.app.inject({
        ...req,
        headers: { ...req.headers, ...bearer(tokens[role]).headers },
      });
      const hidden =
        c.row.hiddenWhenDenied && c.row.actions.every((a) => PERMISSIONS[a][role as Role] !== 'none');
      if (c.allowed) {
        expect(c.row.ok, res.body).toContain(res.statusCode);
      } else if (
        c.row.deniedHereCode &&
        c.row.actions.every((a) => PERMISSIONS[a][role as Role] !== 'none')
      ) {
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json()).toMatchObject({ code: c.row.deniedHereCode });
      } else if (hidden) {
        expect(res.statusCode, res.body).toBe(c.row.hiddenWhenDenied!.status);
        expect(res.json()).toMatchObject({ code: c.row.hiddenWhenDenied!.code });
      } else {
        expect(res.statusCode, res.body).toBe(403);
        // The CouchDB door answers in CouchDB's error shape, with the same reason.
        if (req.url!.toString().startsWith('/couch/')) {
          expect(res.json()).toMatchObject({ error: 'forbidden' });
          expect(res.json().reason).toContain(role);
        } else {
          expect(res.json()).toMatchObject({ code: 'TERN_AUTH_FORBIDDEN' });
          expect(res.json().message).toContain(role);
        }
      }
    },
  );

  it.each(ROUTES.map((r) => [r.name, r] as const))('%s · no session → 401', async (_name, row) => {
    n += 1;
    const req = row.request('demo', n);
    const res = await t.app.inject(req);
    expect(res.statusCode).toBe(401);
    if (req.url!.toString().startsWith('/couch/'))
      expect(res.json()).toMatchObject({ error: 'unauthorized' });
    else expect(res.json()).toMatchObject({ code: 'TERN_AUTH_REQUIRED' });
  });

  it('covers every action of the table with a route, except those listed as having none yet', () => {
    const covered = new Set(ROUTES.flatMap((r) => r.actions));
    const missing = (Object.keys(PERMISSIONS) as Action[]).filter(
      (a) => !covered.has(a) && !NO_ROUTE_YET.includes(a),
    );
    expect(missing).toEqual([]);
    expect(NO_ROUTE_YET.filter((a) => covered.has(a))).toEqual([]);
  });

  it('has a row for every /api route that needs a session', () => {
    // Open, or about the caller's own session and password only (no permission action applies).
    const open = new Set([
      '/api/health',
      '/api/ready',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/auth/password',
    ]);
    const rows = new Set(ROUTES.map((r) => r.name.split(' ').slice(0, 2).join(' ').split('?')[0]));
    // printRoutes draws a tree: a child's path continues its parent's, one level per 4 columns.
    const stack: string[] = [];
    const routes: string[] = [];
    for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
      const m = /^(.*?)── (\S+) \(([A-Z, ]+)\)/.exec(line);
      if (!m) continue;
      const depth = Math.floor(m[1]!.length / 4);
      stack.length = depth;
      stack.push(m[2]!);
      const path = stack.join('');
      if (!path.startsWith('/api/') || open.has(path)) continue;
      for (const method of m[3]!.split(', ')) if (method !== 'HEAD') routes.push(`${method} ${path}`);
    }
    expect(routes.length).toBeGreaterThan(8);
    expect(routes.filter((r) => !rows.has(r))).toEqual([]);
  });

  it('audits every refusal with who, what and where', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit?action=export&limit=50',
      ...bearer(tokens.admin),
    });
    const entries = res.json().entries as Array<{ actor: string; outcome: string; mission: string }>;
    expect(entries).toContainEqual(
      expect.objectContaining({ actor: 'interviewer', outcome: 'denied', mission: 'demo' }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ actor: 'data_officer', outcome: 'ok', mission: 'demo' }),
    );
  });
});

/**
 * The same table for a session bound to a device retired in `demo` (decision 221): every mission route
 * a role may use there is refused with TERN_DEVICE_RETIRED, at both doors, before anything is read
 * or stored; the other mission and the routes on no mission are unchanged. Profile routes act on a
 * country, not a mission: a retired device of a mission does not change them. Research tables are
 * asked on no mission (`research.read` with null: the research service checks the grant per mission)
 * and publish only disclosure-controlled figures, no record.
 */
const missionRows = ROUTES.filter(
  (r) => r.scoped && !r.actions.some(isProfileAction) && !r.actions.includes('research.read'),
);
const retiredCells = missionRows.flatMap((row) =>
  ROLES.filter((role) => expectedAllowed(role, row, 'own')).map((role) => ({ row, role })),
);

describe('permission matrix on a retired device', () => {
  it.each(retiredCells.map((c) => [c.row.name, c.role, c] as const))(
    '%s · %s · session on a device retired here → TERN_DEVICE_RETIRED',
    async (_name, role, c) => {
      n += 1;
      const req = c.row.request('demo', n);
      const res = await t.app.inject({
        ...req,
        headers: { ...req.headers, ...bearer(onRetired[role]).headers },
      });
      expect(res.statusCode, res.body).toBe(403);
      if (req.url!.toString().startsWith('/couch/')) {
        expect(res.json()).toMatchObject({ error: 'forbidden' });
        expect(res.json().reason).toMatch(/^TERN_DEVICE_RETIRED: /);
      } else {
        expect(res.json()).toMatchObject({ code: 'TERN_DEVICE_RETIRED' });
      }
    },
  );

  it.each(
    // A match decision acts in both missions of its pair (the matrix's request always names `demo`).
    missionRows
      .filter((r) => !r.actions.includes('match.review'))
      .flatMap((row) =>
        ROLES.filter((role) => expectedAllowed(role, row, 'other')).map((role) => ({ row, role })),
      )
      .map((c) => [c.row.name, c.role, c] as const),
  )('%s · %s · same session in a mission where the device is not retired → served', async (_n, role, c) => {
    n += 1;
    const req = c.row.request('other', n);
    const res = await t.app.inject({
      ...req,
      headers: { ...req.headers, ...bearer(onRetired[role]).headers },
    });
    expect(c.row.ok, res.body).toContain(res.statusCode);
  });
});
