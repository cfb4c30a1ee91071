import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import { nextRevision } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { buildApp } from '@tern/server/app';
import {
  DEVICE,
  Deep,
  DocRef,
  SEED,
  describe as describeRequest,
  deviceOf,
  generatorFor,
  leavesFromOpenRevs,
  listRoutes,
  materializeRequest,
} from '@tern/server/hostile';
import type { Caller, LeafDoc, RequestRecipe, Target, World } from '@tern/server/hostile';
import { DEMO, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';

/**
 * The hostile-input suite against the real server process on LevelDB (docs/decisions/095): the
 * crash-class inputs (10,000-level bodies to every route that takes one, deep fields in documents behind
 * both doors, the 6,000-level `_local` body that ended the process on main) and a sample of the
 * generated requests, over 127.0.0.1. After each: the process still runs, `/api/health` answers 200 and
 * its output shows no uncaught exception. Replay with TERN_FUZZ_SEED; TERN_FUZZ_RUNS scales the sample.
 */
const SAMPLE = Math.round(60 * Number(process.env.TERN_FUZZ_RUNS ?? 1));
const PASSWORD = 'hostile-other-pass';
let server: ServerHandle;
let routes: string[] = [];
const tokens = new Map<Caller, string>();
const targets = new Map<Exclude<Target, 'new'>, { mission: string; id: string }>();
let ids = 0;

async function call(method: string, path: string, token: string | undefined, body?: unknown) {
  const res = await fetch(server.url + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.status, json: (await res.json().catch(() => null)) as unknown };
}

async function login(username: string, password: string): Promise<string> {
  const r = await call('POST', '/api/auth/login', undefined, { username, password, bearer: true });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.json)}`);
  return (r.json as { token: string }).token;
}

const newId = (kind: 'sub' | 'case') => `${kind}:01JH0STILE${String(++ids).padStart(16, '0')}`;

/** The generated recipes' view of the store, read over the CouchDB door as admin. */
const world: World = {
  target: (t) => targets.get(t)!,
  async leaves(mission, id): Promise<LeafDoc[]> {
    const r = await call(
      'GET',
      `/couch/${mission}/${encodeURIComponent(id)}?open_revs=all&revs=true`,
      tokens.get('admin'),
    );
    return r.status === 200 ? leavesFromOpenRevs(r.json as Array<{ ok?: WireDoc }>) : [];
  },
  newId,
};

function sub(mission: string, name: string, extra: Record<string, unknown> = {}): WireDoc {
  const body = {
    type: 'submission',
    mission,
    form: 'quick-screening@1',
    answers: { full_name: name, interview_date: '2026-11-20', age: 30 },
    createdAt: '2026-11-20T10:00:00.000Z',
    device: 'dev-hostile',
    ...extra,
  };
  const { rev, revisions } = nextRevision(null, body);
  return { _id: newId('sub'), _rev: rev, _revisions: revisions, ...body };
}

async function seedTargets(): Promise<void> {
  const admin = tokens.get('admin');
  const put = async (t: Exclude<Target, 'new'>, mission: string, docs: WireDoc[]) => {
    const r = await call('POST', `/couch/${mission}/_bulk_docs`, admin, { docs, new_edits: false });
    if (r.status !== 201) throw new Error(`seed ${t}: ${r.status} ${JSON.stringify(r.json)}`);
    targets.set(t, { mission, id: docs[0]!._id });
  };
  await put('own', 'demo', [sub('demo', 'Own')]);
  await put('others', 'demo', [sub('demo', 'Others')]);
  await put('approved', 'demo', [
    sub('demo', 'Approved', { review: { state: 'approved', by: 'officer', at: '2026-11-21T10:00:00.000Z' } }),
  ]);
  const dead = sub('demo', 'Dead');
  const t = nextRevision({ rev: dead._rev, revisions: dead._revisions }, {}, { deleted: true });
  await put('tombstone', 'demo', [
    dead,
    { _id: dead._id, _rev: t.rev, _revisions: t.revisions, _deleted: true },
  ]);
  await put('conflicted', 'demo', [sub('demo', 'Disputed')]);
  await put('case', 'demo', [sub('demo', 'Case stand-in')]);
  await put('otherMission', 'other', [sub('other', 'Other')]);
}

beforeAll(async () => {
  console.log(`hostile process suite: TERN_FUZZ_SEED=${SEED}`);
  const memory = new TernStore({ kind: 'memory', prefix: `hostile-routes-${Date.now()}` });
  const app = await buildApp({ store: memory, missions: ['demo'] });
  routes = listRoutes(app);
  await app.close();
  await memory.close();

  await boot();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const isDown = () => server.proc.exitCode !== null || server.proc.signalCode !== null;

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(2_000) })).status === 200;
  } catch {
    return false;
  }
}

/**
 * After a failed probe: let a dying process finish dying (an uncaught exception takes a moment to end
 * it), then start a fresh one if it is down or not answering, so the next request is not blamed for
 * this one. At most `MAX_REBOOTS` per test; returns false when there are none left.
 */
const MAX_REBOOTS = 3;
async function recover(reboots: { n: number }): Promise<boolean> {
  const deadline = Date.now() + 5_000;
  while (!isDown() && Date.now() < deadline && !(await healthy()))
    await new Promise((r) => setTimeout(r, 200));
  if (!isDown() && (await healthy())) return true;
  if (reboots.n++ >= MAX_REBOOTS) return false;
  await boot();
  return true;
}

/** A fresh seeded server with the fixture accounts logged in and the targets stored. */
async function boot(): Promise<void> {
  await server?.stop();
  server = await startServer({ env: { TERN_MISSIONS: 'demo,other', TERN_LOG_LEVEL: 'warn' } });
  tokens.set('admin', await login(DEMO.admin.username, DEMO.admin.password));
  tokens.set('data_officer', await login(DEMO.officer.username, DEMO.officer.password));
  tokens.set('interviewer', await login(DEMO.interviewer.username, DEMO.interviewer.password));
  const made = await call('POST', '/api/users', tokens.get('admin'), {
    username: 'field-other',
    password: PASSWORD,
    role: 'interviewer',
    missions: ['other'],
  });
  if (made.status !== 201) throw new Error(`field-other: ${made.status} ${JSON.stringify(made.json)}`);
  tokens.set('field-other', await login('field-other', PASSWORD));
  await seedTargets();
  // Each caller's device, registered where it may push (see request-recipe.ts `deviceOf`).
  for (const [c, token] of tokens)
    for (const mission of ['demo', 'other'])
      await call('POST', `/api/missions/${mission}/devices`, token, { deviceId: deviceOf(c) });
}

const UNCAUGHT = /uncaughtException|Uncaught [A-Z]|Node\.js v\d+|Maximum call stack size exceeded/;

/** Send one recipe over the network; return what went wrong with the process, or null. */
async function probe(r: RequestRecipe): Promise<string | null> {
  const req = await materializeRequest(r, world, (c) => tokens.get(c) ?? null);
  const what = describeRequest(req, r.caller);
  const logMark = server.logs.length;
  let status: number | string;
  try {
    const res = await fetch(server.url + req.url, {
      method: req.method,
      headers: req.headers,
      ...(req.payload !== undefined && req.method !== 'GET' && req.method !== 'HEAD'
        ? { body: req.payload }
        : {}),
      signal: AbortSignal.timeout(20_000),
    });
    await res.arrayBuffer();
    status = res.status;
  } catch (e) {
    status = `no answer (${(e as Error).message})`;
  }
  const alive = server.proc.exitCode === null && server.proc.signalCode === null;
  let health: number | string = 'not asked';
  if (alive) {
    try {
      health = (await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(10_000) })).status;
    } catch (e) {
      health = (e as Error).message;
    }
  }
  const uncaught = server.logs.slice(logMark).join('').match(UNCAUGHT);
  if (alive && health === 200 && !uncaught && typeof status === 'number' && status < 500) return null;
  return `${what} → ${status}; process ${alive ? 'alive' : `exited (${server.proc.exitCode ?? server.proc.signalCode})`}; health ${health}${uncaught ? `; output: ${uncaught[0]}` : ''}`;
}

describe('hostile input against the real server process (LevelDB)', () => {
  it('10,000-level bodies to every route that takes a body, and deep documents behind both doors', async () => {
    const problems: string[] = [];
    const deepDoc = (depth: number) =>
      new DocRef({
        target: 'new',
        history: 'truncated',
        deleted: false,
        body: 'keep',
        answers: { full_name: 'Deep', interview_date: '2026-11-20' },
        review: 'none',
        extras: [['deep', new Deep(depth, 'object')]],
      });
    const crashClass: RequestRecipe[] = [
      {
        route: 'PUT /couch/:db/_local/:id',
        caller: 'interviewer',
        params: { db: 'demo', id: 'x' },
        query: {},
        body: { json: { x: new Deep(6_000, 'object') } },
        headers: {},
      },
    ];
    for (const depth of [6_000, 10_000]) {
      crashClass.push(
        {
          route: 'POST /couch/:db/_bulk_docs',
          caller: 'interviewer',
          params: { db: 'demo' },
          query: {},
          body: { json: { docs: [deepDoc(depth)], new_edits: false } },
          headers: {},
        },
        {
          route: 'POST /couch/:db/_bulk_docs',
          caller: 'interviewer',
          params: { db: 'demo' },
          query: {},
          body: { json: { docs: [deepDoc(depth)] } },
          headers: {},
        },
        {
          route: 'POST /api/sync/:mission',
          caller: 'interviewer',
          params: { mission: 'demo' },
          query: {},
          body: {
            json: { protocol: 1, device: DEVICE, docs: [deepDoc(depth)], since: null, pullLimit: 10 },
          },
          headers: {},
        },
      );
    }
    for (const route of routes.filter((r) => /^(POST|PUT|PATCH) /.test(r)))
      for (const kind of ['object', 'array'] as const) {
        const params = Object.fromEntries(
          [...route.matchAll(/:([a-zA-Z]+)/g)].map(([, p]) => [
            p!,
            p === 'mission' || p === 'db' ? 'demo' : 'x',
          ]),
        );
        for (const caller of ['interviewer', 'admin'] as const)
          crashClass.push({
            route,
            caller,
            params,
            query: {},
            body: { raw: new Deep(10_000, kind).text() },
            headers: {},
          });
      }
    const reboots = { n: 0 };
    for (const r of crashClass) {
      const p = await probe(r);
      if (p) problems.push(p);
      // A dead process is the finding; start a fresh one (a few times at most) to try the rest.
      if (p && !(await recover(reboots))) break;
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it(`a sample of ${SAMPLE} generated requests to every route keeps the process up`, async () => {
    const arb = fc.constantFrom(...routes).chain((r) => generatorFor(r)!);
    const problems: string[] = [];
    if (isDown()) await boot();
    const reboots = { n: 0 };
    for (const r of fc.sample(arb, { seed: SEED, numRuns: SAMPLE })) {
      const p = await probe(r);
      if (p) problems.push(p);
      if (p && !(await recover(reboots))) break;
    }
    expect(problems).toEqual([]);
  }, 180_000);
});
