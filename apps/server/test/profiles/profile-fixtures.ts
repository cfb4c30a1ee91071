import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { TernStore } from '@tern/store';
import { addComment, resolveComment, transition } from '@tern/profiles';
import type { ProfileBody, ProfileRole, SectionId, WorkflowAction } from '@tern/profiles';
import { bodyOf, nextRevision } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { buildApp } from '../../src/app.ts';
import type { AppOptions } from '../../src/app.ts';
import { Accounts } from '../../src/auth/accounts.ts';
import type { Role } from '../../src/auth/roles.ts';
import { PASSWORD } from '../fixtures.ts';

/** The clock of these tests: mid-2026, so 2026 is the current year of the imports and the gap matrix. */
export const NOW = new Date('2026-06-30T12:00:00Z');
export const AT = NOW.toISOString();

/** The accounts of the profile tests: who they are and what they hold on which country. */
export const PEOPLE: Record<string, { role: Role; grants: Array<{ country: string; role: ProfileRole }> }> = {
  national: { role: 'statistician', grants: [{ country: 'KEN', role: 'team' }] },
  reviewer: { role: 'statistician', grants: [{ country: 'KEN', role: 'reviewer' }] },
  publisher: { role: 'statistician', grants: [{ country: 'KEN', role: 'publisher' }] },
  // Team of Uganda and reviewer of Kenya: different roles in different countries.
  ugandan: {
    role: 'data_officer',
    grants: [
      { country: 'UGA', role: 'team' },
      { country: 'KEN', role: 'reviewer' },
    ],
  },
  outsider: { role: 'statistician', grants: [] },
};

export interface ProfileApp {
  app: FastifyInstance;
  store: TernStore;
  tokens: Record<string, string>;
  close(): Promise<void>;
}

/** An in-process app on LevelDB in a temp folder, with the PEOPLE and an admin, all logged in. */
export async function profileApp(
  extra: Partial<AppOptions> = {},
  before?: (store: TernStore) => Promise<void>,
): Promise<ProfileApp> {
  const dir = mkdtempSync(join(tmpdir(), 'tern-profiles-'));
  const store = new TernStore({ kind: 'leveldb', dataDir: dir });
  await before?.(store);
  const app = await buildApp({
    store,
    missions: ['demo'],
    now: () => NOW.getTime(),
    login: { max: 100, timeWindowMs: 60_000 },
    ...extra,
  });
  const accounts = new Accounts(store.system(), () => NOW.getTime());
  const tokens: Record<string, string> = {};
  await accounts.create({ username: 'admin', password: PASSWORD, role: 'admin', missions: [] }, 'test');
  for (const [username, p] of Object.entries(PEOPLE)) {
    await accounts.create({ username, password: PASSWORD, role: p.role, missions: ['demo'] }, 'test');
    await accounts.setProfileGrants(username, { grants: p.grants, grantedBy: 'test', grantedAt: AT });
  }
  for (const username of ['admin', ...Object.keys(PEOPLE)]) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: PASSWORD, bearer: true },
    });
    tokens[username] = (res.json() as { token: string }).token;
  }
  return {
    app,
    store,
    tokens,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A device's edit: the body as a child revision of `parent` (or a first revision). */
export function revise(parent: WireDoc | null, id: string, body: ProfileBody): WireDoc {
  const r = nextRevision(parent ? { rev: parent._rev, revisions: parent._revisions } : null, body);
  return { ...body, _id: id, _rev: r.rev, _revisions: r.revisions };
}

export const profileOfDoc = (doc: WireDoc): ProfileBody => bodyOf(doc) as unknown as ProfileBody;

/** What one device does to its copy, as the package's pure functions do it. */
export const edits = {
  step: (doc: WireDoc, action: WorkflowAction, by: string, roles: ProfileRole[]) =>
    revise(doc, doc._id, transition(profileOfDoc(doc), action, { by, roles, at: AT })),
  comment: (doc: WireDoc, section: SectionId, id: string, by: string, text: string) =>
    revise(doc, doc._id, addComment(profileOfDoc(doc), section, { id, by, at: AT, text })),
  resolve: (doc: WireDoc, section: SectionId, id: string, by: string) =>
    revise(doc, doc._id, resolveComment(profileOfDoc(doc), section, id, { by, at: AT })),
  paragraph: (doc: WireDoc, pid: string, lang: string, text: string) => {
    const p = profileOfDoc(doc);
    const s = p.sections['migration-trends'];
    const paragraphs = s.paragraphs.map((x) =>
      x._id === pid ? { ...x, text: { ...x.text, [lang]: text } } : x,
    );
    return revise(doc, doc._id, {
      ...p,
      sections: { ...p.sections, 'migration-trends': { ...s, paragraphs } },
    });
  },
};

export interface SyncAnswer {
  results: Array<{ id: string; rev: string; ok: boolean; code?: string; reason?: string }>;
  changes: WireDoc[];
  checkpoint: string;
  more: boolean;
  conflicts: Array<{ id: string; revs: string[]; paths: string[] }>;
}

/** Push documents to a country's profile door as `who`; the parsed answer and the HTTP status. */
export async function push(
  t: ProfileApp,
  who: string,
  country: string,
  docs: WireDoc[],
  since: string | null = null,
): Promise<{ status: number; body: SyncAnswer & { code?: string; message?: string } }> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/profiles/${country}/sync`,
    payload: { protocol: 1, device: `dev-${who}`, docs, since, pullLimit: 100 },
    headers: { authorization: `Bearer ${t.tokens[who]}` },
  });
  return { status: res.statusCode, body: res.json() };
}

/** A GET as `who` (or anonymous with null). */
export async function get(t: ProfileApp, who: string | null, url: string, extra: InjectOptions = {}) {
  return t.app.inject({
    method: 'GET',
    url,
    ...extra,
    headers: who ? { authorization: `Bearer ${t.tokens[who]}` } : {},
  });
}
