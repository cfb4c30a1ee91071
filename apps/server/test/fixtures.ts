import type { FastifyInstance, InjectOptions } from 'fastify';
import { TernStore } from '@tern/store';
import type { MissionDb } from '@tern/store';
import { buildApp } from '../src/app.ts';
import type { AppOptions } from '../src/app.ts';
import { Accounts } from '../src/auth/accounts.ts';
import type { Role } from '../src/auth/roles.ts';
import { nextRevision } from '@tern/sync';
import type { WireDoc } from '@tern/sync';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let counter = 0;

/** A ULID-shaped id that is unique within a test run and sorts by creation. */
export function testUlid(): string {
  counter += 1;
  const n = counter.toString(32).toUpperCase().padStart(10, '0');
  const tail = [...n].map((ch) => CROCKFORD[parseInt(ch, 32)]).join('');
  return '01J00000000000' + tail.slice(-12).padStart(12, '0');
}

export function submission(
  mission: string,
  answers: Record<string, unknown>,
  id = `sub:${testUlid()}`,
): WireDoc {
  const body = {
    type: 'submission',
    mission,
    form: 'quick-screening@1',
    answers,
    createdAt: '2026-11-20T10:00:00.000Z',
    // Filled by the `interviewer` account: a record tied to no case is its maker's (decision 135).
    createdBy: 'interviewer',
    device: 'dev-test',
  };
  const { rev, revisions } = nextRevision(null, body);
  return { _id: id, _rev: rev, _revisions: revisions, ...body };
}

export function edit(doc: WireDoc, changes: Record<string, unknown>): WireDoc {
  const { _id, _rev, _revisions, _deleted: _d, ...body } = doc;
  const next = { ...body, ...changes };
  const r = nextRevision({ rev: _rev, revisions: _revisions }, next);
  return { _id, _rev: r.rev, _revisions: r.revisions, ...next };
}

export const validAnswers = (name: string) => ({ full_name: name, interview_date: '2026-11-20', age: 30 });

// ---- Apps with accounts -------------------------------------------------------------------------

export const PASSWORD = 'correct horse battery';
let apps = 0;

export interface TestApp {
  app: FastifyInstance;
  store: TernStore;
  accounts: Accounts;
  /** Log in through the API and return the bearer token. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * An app on a fresh in-memory store with missions `demo` and `other`, and one account per listed role
 * named after the role, a member of `demo` (admins and researchers have no missions).
 */
export async function testApp(roles: Role[], extra: Partial<AppOptions> = {}): Promise<TestApp> {
  apps += 1;
  const store = new TernStore({ kind: 'memory', prefix: `app-${apps}-${Date.now()}` });
  const app = await buildApp({ store, missions: ['demo', 'other'], ...extra });
  const accounts = new Accounts(store.system(), Date.now);
  for (const role of roles)
    await accounts.create({ username: role, password: PASSWORD, role, missions: ['demo'] }, 'test');
  return {
    app,
    store,
    accounts,
    async login(username, password = PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password, bearer: true },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      return (res.json() as { token: string }).token;
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/**
 * Headquarters for the relay's tests: a test app with the relay account `relay-a` (mission `demo`),
 * listening on a loopback port, and its URL.
 */
export async function startHqWithRelay(
  extra: Partial<AppOptions> = {},
): Promise<{ hq: TestApp; url: string }> {
  const hq = await testApp(['data_officer', 'interviewer'], extra);
  await hq.accounts.create(
    { username: 'relay-a', password: PASSWORD, role: 'relay', missions: ['demo'] },
    'test',
  );
  await hq.app.listen({ host: '127.0.0.1', port: 0 });
  return { hq, url: `http://127.0.0.1:${(hq.app.server.address() as { port: number }).port}` };
}

export const bearer = (token: string): Pick<InjectOptions, 'headers'> => ({
  headers: { authorization: `Bearer ${token}` },
});

/** The winning revision of a stored record with its `_conflicts` (none: an empty list); throws when absent. */
export async function winnerOf(
  db: MissionDb,
  id: string,
): Promise<WireDoc & { _conflicts: string[]; answers?: Record<string, unknown> }> {
  const doc = await db.get(id);
  if (!doc) throw new Error(`${id} is not stored`);
  return {
    ...doc,
    _conflicts: (doc._conflicts as string[] | undefined) ?? [],
    ...(doc.answers ? { answers: doc.answers as Record<string, unknown> } : {}),
  };
}
