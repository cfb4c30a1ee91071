import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { syntheticCaseDocs } from '@tern/research/testing';
import type { AppOptions } from '../../src/app.ts';
import { bearer, testApp } from '../fixtures.ts';
import type { TestApp } from '../fixtures.ts';

/** Cases per mission seeded by `researchApp`: enough for published cells at k = 11. */
export const SEEDED = { demo: 600, other: 300 } as const;

export interface ResearchTestApp extends TestApp {
  tokens: Record<string, string>;
  /** One request as `user` (a role name of the app's accounts), or with no session when null. */
  as(user: string | null, req: InjectOptions): Promise<LightMyRequestResponse>;
  grant(username: string, grant: { all: boolean; missions?: string[] }): Promise<void>;
}

/**
 * An app with an account per role, synthetic cases (seeded, the same every run) written straight to
 * the missions `demo` and `other` before the analytics store opens: its first catch-up counts them.
 */
export async function researchApp(extra: Partial<AppOptions> = {}): Promise<ResearchTestApp> {
  const t = await testApp(['admin', 'researcher', 'interviewer', 'data_officer'], {
    login: { max: 100, timeWindowMs: 60_000 },
    ...extra,
    research: { awaitCatchUp: true, ...extra.research },
  });
  await t.accounts.create(
    { username: 'researcher2', password: 'correct horse battery', role: 'researcher', missions: [] },
    'test',
  );
  for (const [m, cases] of Object.entries(SEEDED))
    await t.store.mission(m).writeReplicated(syntheticCaseDocs({ mission: m, cases, seed: m.length }));
  const tokens: Record<string, string> = {};
  for (const u of ['admin', 'researcher', 'researcher2', 'interviewer', 'data_officer'])
    tokens[u] = await t.login(u);
  const as = (user: string | null, req: InjectOptions) =>
    t.app.inject({
      ...req,
      headers: { ...(req.headers ?? {}), ...(user ? bearer(tokens[user]!).headers : {}) },
    });
  return {
    ...t,
    tokens,
    as,
    async grant(username, g) {
      const res = await as('admin', {
        method: 'PUT',
        url: `/api/users/${username}/research-grant`,
        payload: { all: g.all, missions: g.missions ?? [] },
      });
      if (res.statusCode !== 200) throw new Error(`grant: ${res.statusCode} ${res.body}`);
    },
  };
}

export const table = (payload: Record<string, unknown>): InjectOptions => ({
  method: 'POST',
  url: '/api/research/table',
  payload,
});

/** RFC 4180 CSV, read independently of the server's writer (BOM dropped). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
