import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIMENSION_NAMES } from '@tern/research';
import { ResearchMetaResponse, ResearchTableResponse } from '@tern/api';
import { researchApp, table, SEEDED } from './support.ts';
import type { ResearchTestApp } from './support.ts';

let t: ResearchTestApp;
beforeAll(async () => {
  t = await researchApp();
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('researcher grants', () => {
  it('a researcher with no grant sees nothing, and meta says so', async () => {
    const meta = await t.as('researcher2', { method: 'GET', url: '/api/research/meta' });
    expect(meta.statusCode, meta.body).toBe(200);
    const body = ResearchMetaResponse.parse(meta.json());
    expect(body.missions).toEqual([]);
    expect(body.dimensions.map((d) => d.name)).toEqual(DIMENSION_NAMES);
    expect(body.dimensions.every((d) => d.values.length === 0)).toBe(true);
    const res = await t.as('researcher2', table({ dims: ['gender'] }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ missions: [], cells: [], total: 0 });
  });

  it('an admin grants missions; the researcher counts exactly those, and a mission outside is 403', async () => {
    await t.grant('researcher', { all: false, missions: ['demo'] });
    const got = await t.as('admin', { method: 'GET', url: '/api/users/researcher/research-grant' });
    expect(got.json()).toEqual({ username: 'researcher', all: false, missions: ['demo'] });
    const meta = ResearchMetaResponse.parse(
      (await t.as('researcher', { method: 'GET', url: '/api/research/meta' })).json(),
    );
    expect(meta.missions).toEqual(['demo']);
    expect(meta.dimensions.find((d) => d.name === 'gender')!.values).toContain('Feminine');
    expect(meta.k).toBe(11);
    expect(meta.maxDims).toBe(3);

    const res = await t.as('researcher', table({ dims: ['gender'] }));
    const body = ResearchTableResponse.parse(res.json());
    expect(body.missions).toEqual(['demo']);
    expect(body.source).toBe('missions');
    // Perturbed, so not exactly the seeded count, but of its size (σ ≈ √n per fine cell).
    expect(Math.abs(body.total - SEEDED.demo)).toBeLessThan(SEEDED.demo * 0.15);

    const outside = await t.as('researcher', table({ dims: ['gender'], filters: { mission: ['other'] } }));
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'TERN_RESEARCH_MISSION_NOT_GRANTED' });
  });

  it('a grant of all covers every mission, those made later included', async () => {
    await t.grant('researcher', { all: true });
    const made = await t.as('admin', { method: 'POST', url: '/api/missions', payload: { id: 'later' } });
    expect(made.statusCode).toBe(201);
    const meta = (await t.as('researcher', { method: 'GET', url: '/api/research/meta' })).json();
    expect(meta.missions).toEqual(['demo', 'later', 'other']);
    // The new mission has no records: the store had never read its feed. The answer says so (no
    // as-of time) and the feeder catches up with it at once.
    expect(meta).toMatchObject({ asOf: null, behind: ['later'] });
    await (await t.app.research.feeder()).settled();
    expect((await t.as('researcher', { method: 'GET', url: '/api/research/meta' })).json()).toMatchObject({
      behind: [],
      asOf: expect.any(String),
    });
    const both = await t.as('researcher', table({ dims: ['mission'] }));
    expect(both.json().cells.map((c: { values: string[] }) => c.values[0])).toEqual(['demo', 'other']);
  });

  it('an admin counts every mission without a grant', async () => {
    const res = await t.as('admin', table({ dims: ['mission'], filters: { mission: ['other'] } }));
    expect(res.statusCode).toBe(200);
    expect(res.json().missions).toEqual(['other']);
  });

  it('refuses grants that cannot be: not a researcher, no such account or mission, all and a list', async () => {
    const put = (user: string, payload: unknown, as = 'admin') =>
      t.as(as, { method: 'PUT', url: `/api/users/${user}/research-grant`, payload: payload as object });
    expect((await put('interviewer', { all: true })).json()).toMatchObject({ code: 'TERN_BAD_REQUEST' });
    expect((await put('nobody', { all: true })).json()).toMatchObject({ code: 'TERN_USER_NOT_FOUND' });
    expect((await put('researcher', { all: false, missions: ['atlantis'] })).json()).toMatchObject({
      code: 'TERN_MISSION_NOT_FOUND',
    });
    expect((await put('researcher', { all: true, missions: ['demo'] })).statusCode).toBe(400);
    expect((await put('researcher', { all: 'yes' })).statusCode).toBe(400);
    // Only an admin grants: a researcher cannot widen their own grant.
    const self = await put('researcher', { all: true }, 'researcher');
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ code: 'TERN_AUTH_FORBIDDEN' });
  });

  it('a grant leaves with the researcher role', async () => {
    await t.grant('researcher2', { all: true });
    const patch = (role: string) =>
      t.as('admin', { method: 'PATCH', url: '/api/users/researcher2', payload: { role } });
    expect((await patch('admin')).statusCode).toBe(200);
    expect((await patch('researcher')).statusCode).toBe(200);
    const got = await t.as('admin', { method: 'GET', url: '/api/users/researcher2/research-grant' });
    expect(got.json()).toEqual({ username: 'researcher2', all: false, missions: [] });
  });
});

describe('refusals', () => {
  it('an unknown dimension is 400 with the allowed list; more than three is 400', async () => {
    const unknown = await t.as('researcher', table({ dims: ['religion'] }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'TERN_RESEARCH_UNKNOWN_DIMENSION',
      details: { allowed: DIMENSION_NAMES },
    });
    const filter = await t.as('researcher', table({ dims: ['gender'], filters: { religion: ['x'] } }));
    expect(filter.json()).toMatchObject({ code: 'TERN_RESEARCH_UNKNOWN_DIMENSION' });
    const series = await t.as('researcher', {
      method: 'POST',
      url: '/api/research/series',
      payload: { by: 'religion' },
    });
    expect(series.json()).toMatchObject({ code: 'TERN_RESEARCH_UNKNOWN_DIMENSION' });
    const four = await t.as('researcher', table({ dims: ['gender', 'year', 'ageBand', 'citizenship'] }));
    expect(four.statusCode).toBe(400);
    expect(four.json()).toMatchObject({ code: 'TERN_RESEARCH_TOO_MANY_DIMENSIONS' });
    const twice = await t.as('researcher', table({ dims: ['gender', 'gender'] }));
    expect(twice.json()).toMatchObject({ code: 'TERN_RESEARCH_BAD_QUERY' });
  });

  it('field roles are refused every research route (403), and no session is 401', async () => {
    const routes = [
      { method: 'GET', url: '/api/research/meta' },
      table({ dims: ['gender'] }),
      { method: 'POST', url: '/api/research/series', payload: {} },
      { method: 'POST', url: '/api/research/flows', payload: {} },
      { method: 'POST', url: '/api/research/table/export?format=csv', payload: { dims: ['gender'] } },
      { method: 'GET', url: '/api/research/ctdc-export' },
    ] as const;
    for (const r of routes) {
      for (const user of ['interviewer', 'data_officer']) {
        const res = await t.as(user, r);
        expect(res.statusCode, `${user} ${r.url}`).toBe(403);
        expect(res.json()).toMatchObject({ code: 'TERN_AUTH_FORBIDDEN' });
      }
      expect((await t.as(null, r)).statusCode).toBe(401);
    }
  });

  it('an unknown source is 404 naming the sources there are', async () => {
    const res = await t.as('researcher', table({ dims: ['gender'], source: 'ctdc:global-2020' }));
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'TERN_NOT_FOUND', details: { known: ['missions'] } });
    const bad = await t.as('researcher', table({ dims: ['gender'], source: 'file:/etc/passwd' }));
    expect(bad.statusCode).toBe(400);
  });
});

describe('answers', () => {
  it('series by year and flows of countries come through the same control, with their freshness', async () => {
    const series = await t.as('researcher', {
      method: 'POST',
      url: '/api/research/series',
      payload: { by: 'gender' },
    });
    const s = ResearchTableResponse.parse(series.json());
    expect(s.dims).toEqual(['year', 'gender']);
    expect(s.cells.every((c) => c.value >= 11)).toBe(true);
    expect(s.asOf).not.toBeNull();
    expect(s.behind).toEqual([]);
    expect(s.recreated).toBeNull();
    const flows = ResearchTableResponse.parse(
      (await t.as('researcher', { method: 'POST', url: '/api/research/flows', payload: {} })).json(),
    );
    expect(flows.dims).toEqual(['recruitmentCountry', 'transitCountries', 'exploitationCountry']);
  });

  it('the same question gets the same answer: repeats average nothing away', async () => {
    const q = table({ dims: ['citizenship', 'gender'], filters: { exploitation: ['ForcedLabour'] } });
    const a = (await t.as('researcher', q)).json();
    const b = (await t.as('researcher', q)).json();
    expect(b.cells).toEqual(a.cells);
    expect(a.cells.length).toBeGreaterThan(0);
  });

  it('audits every research query with who and what, never a count', async () => {
    await t.as('researcher', table({ dims: ['ageBand'], filters: { gender: ['Feminine'] } }));
    const log = await t.as('admin', {
      method: 'GET',
      url: '/api/admin/audit?action=research.query&limit=200',
    });
    const entries = log.json().entries as Array<{
      actor: string;
      outcome: string;
      details: Record<string, unknown>;
    }>;
    const mine = entries.find(
      (e) => e.actor === 'researcher' && (e.details.dims as string[] | undefined)?.[0] === 'ageBand',
    );
    expect(mine).toMatchObject({
      outcome: 'ok',
      details: {
        route: 'table',
        source: 'missions',
        dims: ['ageBand'],
        filters: { gender: ['Feminine'] },
        counts: 'cases',
      },
    });
    expect(Object.keys(mine!.details).sort()).toEqual([
      'cells',
      'counts',
      'dims',
      'filters',
      'missions',
      'route',
      'source',
    ]);
    expect(entries).toContainEqual(
      expect.objectContaining({
        actor: 'researcher',
        outcome: 'failed',
        details: expect.objectContaining({ code: 'TERN_RESEARCH_UNKNOWN_DIMENSION' }),
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({
        actor: 'researcher',
        outcome: 'denied',
        details: expect.objectContaining({ code: 'TERN_RESEARCH_MISSION_NOT_GRANTED' }),
      }),
    );
  });
});
