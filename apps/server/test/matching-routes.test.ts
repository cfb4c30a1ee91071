import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseCode } from '@tern/cases';
import type { CaseBody } from '@tern/cases';
import { nextRevision } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { bearer, testApp, testUlid } from './fixtures.ts';
import type { TestApp } from './fixtures.ts';

/**
 * Issue 20: the review queue of matching, person links and unlinking, audited; a mission's case
 * shows its linked cases (mission, code, date) and nothing personal of the other mission.
 */
let t: TestApp;
let admin: string;
let officer: string;
let interviewer: string;
let made = 0;

function caseIn(
  mission: 'demo' | 'other',
  fullName: string,
  birthDate?: string,
  assignedTo = 'interviewer',
): WireDoc {
  const body: CaseBody = {
    type: 'case',
    mission,
    code: caseCode(mission.toUpperCase(), 1, ++made),
    status: 'screening',
    assignedTo,
    pii: { fullName, ...(birthDate && { birthDate }) },
    history: [],
    createdAt: `2026-11-${String(10 + made).padStart(2, '0')}T10:00:00.000Z`,
    createdBy: 'data_officer',
    device: 'dev-office',
  };
  const r = nextRevision(null, body);
  return { _id: `case:${testUlid()}`, _rev: r.rev, _revisions: r.revisions, ...body };
}

const olena = caseIn('demo', 'Olena Kovalenko', '1990-03-15');
const olenaCyr = caseIn('other', 'Олена Коваленко', '1990-03-15');
const stranger = caseIn('other', 'Moussa Diallo', '1971');
const olenaAgain = caseIn('demo', 'Olena Kovalenko', '1990-03-15', 'someone-else');

interface Pair {
  id: string;
  probability: number;
  a: { mission: string; caseId: string; fullName: string; code: string };
  b: { mission: string; caseId: string; fullName: string; code: string };
  fields: Array<{ field: string; level: string; weight: number }>;
  decision?: string;
  linked: boolean;
}
const get = (url: string, token: string) => t.app.inject({ method: 'GET', url, ...bearer(token) });
const post = (url: string, token: string, payload?: unknown) =>
  t.app.inject({
    method: 'POST',
    url,
    ...(payload !== undefined && { payload: payload as object }),
    ...bearer(token),
  });
const pairs = async (status = '') =>
  (await get(`/api/admin/matching/pairs${status}`, admin)).json().pairs as Pair[];
const ref = (d: WireDoc) => ({ mission: d.mission as string, caseId: d._id });
const decide = (x: WireDoc, y: WireDoc, decision: string, token = admin) =>
  post('/api/admin/matching/decisions', token, { a: ref(x), b: ref(y), decision });
const linksOf = (d: WireDoc, token: string) => get(`/api/missions/${d.mission}/cases/${d._id}/links`, token);

beforeAll(async () => {
  t = await testApp(['admin', 'data_officer', 'interviewer']);
  await t.store.mission('demo').writeReplicated([olena, olenaAgain]);
  await t.store.mission('other').writeReplicated([olenaCyr, stranger]);
  admin = await t.login('admin');
  officer = await t.login('data_officer');
  interviewer = await t.login('interviewer');
}, 60_000);
afterAll(() => t.close());

describe('the review queue', () => {
  it('proposes the same person written in two scripts in two missions, names as written, evidence per field', async () => {
    const open = await pairs();
    const hit = open.find(
      (p) => [p.a.caseId, p.b.caseId].includes(olenaCyr._id) && [p.a.caseId, p.b.caseId].includes(olena._id),
    );
    expect(hit).toBeDefined();
    expect(hit!.probability).toBeGreaterThanOrEqual(0.5);
    expect([hit!.a.fullName, hit!.b.fullName]).toContain('Олена Коваленко');
    expect(hit!.fields.find((f) => f.field === 'birthDate')!.level).toBe('same date');
    expect(hit!.fields.find((f) => f.field === 'name')!.weight).toBeGreaterThan(0);
    // Never a pair within one mission, never the stranger.
    for (const p of open) {
      expect(p.a.mission).not.toBe(p.b.mission);
      expect([p.a.caseId, p.b.caseId]).not.toContain(stranger._id);
    }
  }, 60_000);

  it('is for admins only', async () => {
    for (const token of [officer, interviewer]) {
      expect((await get('/api/admin/matching/pairs', token)).statusCode).toBe(403);
      expect((await decide(olena, olenaCyr, 'same', token)).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/matching/pairs' })).statusCode).toBe(401);
  });

  it('"same" links the cases; each mission\'s case shows the other (mission, code, date only); unlink restores', async () => {
    expect((await decide(olena, olenaCyr, 'unsure')).statusCode).toBe(200);
    expect(
      (await pairs()).some(
        (p) =>
          [p.a.caseId, p.b.caseId].includes(olenaCyr._id) && [p.a.caseId, p.b.caseId].includes(olena._id),
      ),
    ).toBe(false);
    const res = await decide(olenaCyr, olena, 'same');
    expect(res.statusCode).toBe(200);
    const { id } = res.json() as { id: string };
    const all = await pairs('?status=all');
    expect(all.find((p) => p.id === id)).toMatchObject({ decision: 'same', linked: true });

    const seen = await linksOf(olena, interviewer);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toEqual({
      links: [{ mission: 'other', code: olenaCyr.code, date: (olenaCyr.createdAt as string).slice(0, 10) }],
    });
    expect(seen.body).not.toContain('Олена');
    expect(seen.body).not.toContain(olenaCyr._id);
    expect((await linksOf(olenaCyr, admin)).json().links).toEqual([
      { mission: 'demo', code: olena.code, date: (olena.createdAt as string).slice(0, 10) },
    ]);
    // The interviewer of demo may not read the other mission's case, nor a demo case not theirs.
    expect((await linksOf(olenaCyr, interviewer)).statusCode).toBe(403);
    expect((await linksOf(olenaAgain, interviewer)).statusCode).toBe(404);
    expect((await linksOf(olenaAgain, officer)).json()).toEqual({ links: [] });

    const un = await post(`/api/admin/matching/links/${id}/unlink`, admin);
    expect(un.statusCode).toBe(200);
    expect(un.json()).toMatchObject({ decision: 'unsure', linked: false });
    expect((await linksOf(olena, interviewer)).json()).toEqual({ links: [] });
    expect((await pairs('?status=all')).find((p) => p.id === id)).toMatchObject({
      decision: 'unsure',
      linked: false,
    });
    expect((await post(`/api/admin/matching/links/${id}/unlink`, admin)).statusCode).toBe(404);

    const audit = (await get('/api/admin/audit?limit=50', admin)).json() as {
      entries: Array<{ action: string; details?: Record<string, unknown> }>;
    };
    const actions = audit.entries
      .filter((e) => e.details?.pair === id)
      .map((e) => `${e.action}:${String(e.details?.decision ?? e.details?.restored)}`);
    expect(actions).toEqual(
      expect.arrayContaining(['match.decide:unsure', 'match.decide:same', 'match.unlink:unsure']),
    );
    // The audit names cases, never the names.
    expect(JSON.stringify(audit)).not.toContain('Коваленко');
  }, 60_000);

  it("never ships a link or another mission's case to a device of mission demo", async () => {
    await decide(olena, olenaCyr, 'same');
    const res = await post('/api/sync/demo', interviewer, {
      protocol: 1,
      device: 'dev-x',
      docs: [],
      since: null,
      pullLimit: 1000,
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('personlink');
    expect(res.body).not.toContain('Олена');
    expect(res.body).not.toContain(olenaCyr._id);
  });
});

describe('a hostile admin', () => {
  it('cannot decide on cases that are not in the missions named, nor within one mission', async () => {
    const wrong = await post('/api/admin/matching/decisions', admin, {
      a: { mission: 'other', caseId: olena._id },
      b: ref(olenaCyr),
      decision: 'same',
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().code).toBe('TERN_NOT_FOUND');
    const one = await decide(olena, olenaAgain, 'same');
    expect(one.statusCode).toBe(400);
    const nowhere = await post('/api/admin/matching/decisions', admin, {
      a: { mission: 'nope', caseId: olena._id },
      b: ref(olenaCyr),
      decision: 'same',
    });
    expect(nowhere.statusCode).toBe(404);
  });

  it('gets a clear 400 for wrong types, extra fields, bad ids and deep JSON; a forged link id is a 404', async () => {
    const bad = [
      { a: ref(olena), b: ref(olenaCyr), decision: 'merge' },
      { a: ref(olena), b: ref(olenaCyr), decision: 'same', extra: 1 },
      { a: { mission: 'demo', caseId: '_design/x' }, b: ref(olenaCyr), decision: 'same' },
      { a: ref(olena), b: 42, decision: 'same' },
      [],
    ];
    for (const body of bad) {
      const res = await post('/api/admin/matching/decisions', admin, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('TERN_BAD_REQUEST');
    }
    let deep: unknown = 'x';
    for (let i = 0; i < 200; i++) deep = { a: deep };
    expect((await post('/api/admin/matching/decisions', admin, deep)).statusCode).toBe(400);
    expect((await post(`/api/admin/matching/links/${'0'.repeat(32)}/unlink`, admin)).statusCode).toBe(404);
    expect((await post('/api/admin/matching/links/not-hex/unlink', admin)).statusCode).toBe(400);
    expect((await get('/api/admin/matching/pairs?status=everything', admin)).statusCode).toBe(400);
    expect(
      (await get(`/api/missions/demo/cases/${encodeURIComponent('_all_docs')}/links`, admin)).statusCode,
    ).toBe(400);
  });
});

describe('counts of people in research (decision 202)', () => {
  it('counts two linked cases as one person, and as two again once unlinked', async () => {
    const feeder = await t.app.research.feeder();
    await feeder.settled();
    const count = async (unit: 'cases' | 'people') =>
      (await feeder.store.fineCounts({ dims: [], filters: { mission: ['demo', 'other'] }, unit })).reduce(
        (s, c) => s + c.n,
        0,
      );
    const linked = async () => ((await linksOf(olena, admin)).json().links as unknown[]).length;
    const cases = await count('cases');
    expect(cases).toBe(4);
    // Whatever earlier tests left linked to Olena: her group counts once.
    expect(await count('people')).toBe(cases - (await linked()));
    const res = await decide(olena, olenaCyr, 'same');
    expect(res.statusCode).toBe(200);
    expect(await linked()).toBeGreaterThanOrEqual(1);
    expect(await count('people')).toBe(cases - (await linked()));
    // The store holds HMACs of case ids only, never the ids or the names.
    const refs = (await feeder.store.rows(['demo', 'other'])).map((r) => r.ref);
    expect(refs).not.toContain(olena._id);
    expect((await post(`/api/admin/matching/links/${res.json().id}/unlink`, admin)).statusCode).toBe(200);
    expect(await count('people')).toBe(cases - (await linked()));
  });
});
