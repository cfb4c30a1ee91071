import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AccountListResponse,
  AccountResponse,
  AuditPage,
  ConflictDetail,
  ConflictListResponse,
  DeviceListResponse,
  ErrorBody,
  FormListResponse,
  LoginResponse,
  MeResponse,
  MissionListResponse,
  MissionResponse,
  OkResponse,
  RegisterDeviceResponse,
  ResolveResponse,
  SERVER_ERRORS,
  SubmissionBody,
  SummaryResponse,
  SyncRequest,
  SyncResponse,
  WireDoc,
} from '@tern/api';
import type {
  PushResult as SyncPushResult,
  SyncRequest as SyncSyncRequest,
  SyncResponse as SyncSyncResponse,
  WireDoc as SyncWireDoc,
} from '@tern/sync';
import { bearer, edit, submission, testApp, testUlid, validAnswers } from './fixtures.ts';
import type { TestApp } from './fixtures.ts';

/**
 * The server answers what @tern/api says it answers: every JSON body of every route, parsed with its
 * schema, comes out unchanged (a field the schema does not know would be stripped and fail here), and
 * the bodies the device sends pass the request schemas. A route that changes its answer must change
 * the contract, which the web app compiles against.
 */

// Compile-time: the contract's sync shapes and @tern/sync's interfaces (which the replicator and the
// lead's ingest code use) are the same types, both ways; `pnpm run typecheck` fails otherwise.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [
  Same<z.infer<typeof WireDoc>, SyncWireDoc>,
  Same<z.infer<typeof SyncRequest>, SyncSyncRequest>,
  Same<z.infer<typeof SyncResponse>['results'][number], SyncPushResult>,
  Same<z.infer<typeof SyncResponse>, SyncSyncResponse>,
] = [true, true, true, true];
void sameShapes;

let t: TestApp;
let auth: ReturnType<typeof bearer>;

const exact = <S extends z.ZodType>(schema: S, body: unknown) => {
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(parsed.data).toEqual(body);
};

const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
  const res = await t.app.inject({ method, url, ...auth, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json() as unknown };
};

beforeAll(async () => {
  t = await testApp(['admin']);
  auth = bearer(await t.login('admin'));
});
afterAll(() => t.close());

describe('the HTTP contract (@tern/api) against the server', () => {
  it('auth: login, me, logout', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'correct horse battery', bearer: true },
    });
    exact(LoginResponse, login.json());
    exact(MeResponse, (await call('GET', '/api/auth/me')).body);
    const other = bearer((login.json() as { token: string }).token);
    exact(OkResponse, (await t.app.inject({ method: 'POST', url: '/api/auth/logout', ...other })).json());
  });

  it('missions and accounts', async () => {
    const created = await call('POST', '/api/missions', { id: 'north', name: 'North' });
    expect(created.status).toBe(201);
    exact(MissionResponse, created.body);
    exact(MissionListResponse, (await call('GET', '/api/missions')).body);
    const user = await call('POST', '/api/users', {
      username: 'nadia',
      password: 'a long enough password',
      role: 'interviewer',
      missions: ['demo'],
    });
    expect(user.status).toBe(201);
    exact(AccountResponse, user.body);
    exact(AccountResponse, (await call('PATCH', '/api/users/nadia', { disabled: true })).body);
    exact(AccountListResponse, (await call('GET', '/api/users?mission=demo')).body);
  });

  it('devices, compact sync, records, summary, forms and audit', async () => {
    const deviceId = `dev-${testUlid()}`;
    exact(RegisterDeviceResponse, (await call('POST', '/api/missions/demo/devices', { deviceId })).body);
    const doc = submission('demo', validAnswers('Amina'));
    expect(SubmissionBody.safeParse(strip(doc)).success).toBe(true);
    const request = { protocol: 1, device: deviceId, docs: [doc], since: null, pullLimit: 10, waiting: 0 };
    exact(SyncRequest, request);
    const sync = await call('POST', '/api/sync/demo', request);
    exact(SyncResponse, sync.body);
    exact(DeviceListResponse, (await call('GET', '/api/missions/demo/devices')).body);
    exact(WireDoc, (await call('GET', `/api/missions/demo/records/${doc._id}`)).body);
    exact(SummaryResponse, (await call('GET', '/api/missions/demo/summary')).body);
    exact(FormListResponse, (await call('GET', '/api/forms')).body);
    exact(AuditPage, (await call('GET', '/api/admin/audit?limit=5')).body);
  });

  it('conflicts: list, detail and resolution', async () => {
    const base = submission('demo', { ...validAnswers('Amina'), age: 30 });
    const push = (docs: SyncWireDoc[]) =>
      call('POST', '/api/sync/demo', { protocol: 1, device: 'dev-x', docs, since: null, pullLimit: 0 });
    await push([base]);
    const a = edit(base, { answers: { ...(base.answers as object), age: 31 } });
    const b = edit(base, { answers: { ...(base.answers as object), age: 32 } });
    await push([a]);
    await push([b]);
    const list = await call('GET', '/api/admin/conflicts?mission=demo');
    exact(ConflictListResponse, list.body);
    expect((list.body as { conflicts: unknown[] }).conflicts).toHaveLength(1);
    exact(ConflictDetail, (await call('GET', `/api/admin/conflicts/demo/${base._id}`)).body);
    const resolved = await call('POST', `/api/admin/conflicts/demo/${base._id}/resolve`, {
      revs: [a._rev, b._rev],
      choices: { 'answers.age': { pick: 0 } },
    });
    expect(resolved.status).toBe(200);
    exact(ResolveResponse, resolved.body);
  });

  it('refusals: the error body, with a catalogue code and its status', async () => {
    const res = await call('GET', '/api/missions/demo/records/sub:nothing-here');
    exact(ErrorBody, res.body);
    const { code } = res.body as { code: keyof typeof SERVER_ERRORS };
    expect(SERVER_ERRORS[code].status).toBe(res.status);
  });
});

function strip(doc: SyncWireDoc): Record<string, unknown> {
  const { _id: _i, _rev: _r, _revisions: _h, _deleted: _d, ...body } = doc;
  return body;
}
