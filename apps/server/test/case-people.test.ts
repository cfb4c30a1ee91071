import { afterAll, describe, expect, it } from 'vitest';
import { caseCode } from '@tern/cases';
import type { CaseBody } from '@tern/cases';
import { TernStore } from '@tern/store';
import { nextRevision } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { casePeople } from '../src/matching/case-people.ts';
import { MatchQueue } from '../src/matching/match-queue.ts';
import { bearer, edit, testApp, testUlid } from './fixtures.ts';

/**
 * Decision 205: a case's person record carries its Screening Interview's sex, citizenships, place of
 * birth and parents' family names (and its date or stated age when the case has none), on a real
 * PouchDB store, and the review queue matches a case again when only its Screening changes.
 */
const store = new TernStore({ kind: 'memory', prefix: `case-people-${Date.now()}` });
afterAll(() => store.close());
let made = 0;

function caseIn(mission: string, fullName: string, birthDate?: string): WireDoc {
  const body: CaseBody = {
    type: 'case',
    mission,
    code: caseCode(mission.toUpperCase(), 1, ++made),
    status: 'screening',
    pii: { fullName, ...(birthDate !== undefined && { birthDate }) },
    history: [],
    createdAt: '2026-11-20T10:00:00.000Z',
    createdBy: 'data_officer',
    device: 'dev-office',
  };
  const r = nextRevision(null, body);
  return { _id: `case:${testUlid()}`, _rev: r.rev, _revisions: r.revisions, ...body };
}

function screeningOf(
  c: WireDoc,
  answers: Record<string, unknown>,
  form = 'screening@1',
  at = '2026-11-20T11:00:00.000Z',
): WireDoc {
  const body = {
    type: 'submission',
    mission: c.mission,
    form,
    answers: { interview_date: '2026-11-20', con_Consent: 'yes', ...answers },
    createdAt: at,
    createdBy: 'interviewer',
    device: 'dev-test',
    caseId: c._id,
  };
  const r = nextRevision(null, body);
  return { _id: `sub:${testUlid()}`, _rev: r.rev, _revisions: r.revisions, ...body };
}

const personOf = async (mission: string, c: WireDoc) =>
  (await casePeople(store.mission(mission), mission)).find((p) => p.caseId === c._id);

describe("a case's person record reads its Screening Interview", () => {
  it('takes sex, citizenships, place and parents from the latest Screening, not from other forms', async () => {
    const c = caseIn('demo', 'Amina Haddad', '1994-02-11');
    await store.mission('demo').writeReplicated([
      c,
      screeningOf(
        c,
        { prs_Gender: 'Masculine', prs_Citizenship: ['IRQ'] },
        'screening@1',
        '2026-11-20T09:00:00.000Z',
      ),
      screeningOf(c, {
        prs_Gender: 'Feminine',
        prs_Citizenship: ['SYR', 'TUR'],
        place_of_birth: 'حلب',
        parents_family_names: 'Haddad, Khatib',
      }),
      screeningOf(c, { prs_Gender: 'Masculine' }, 'quick-screening@1', '2026-11-21T09:00:00.000Z'),
    ]);
    const p = await personOf('demo', c);
    expect(p?.person).toEqual({
      id: `demo/${c._id}`,
      mission: 'demo',
      fullName: 'Amina Haddad',
      birthDate: '1994-02-11',
      sex: 'female',
      citizenship: ['SYR', 'TUR'],
      placeOfBirth: 'حلب',
      relativesFamilyNames: ['Haddad', 'Khatib'],
    });
    expect(p?.unread).toEqual([]);
  });

  it("uses the Screening's stated age as an estimated year when the case has no date", async () => {
    const c = caseIn('demo', 'Omar Khatib');
    await store
      .mission('demo')
      .writeReplicated([c, screeningOf(c, { age_stated: 30, prs_Gender: 'Masculine' })]);
    const p = await personOf('demo', c);
    expect(p?.person.birthDate).toBe('1996');
    expect(p?.person.birthDateEstimateYears).toBe(2);
  });

  it('leaves out a deleted Screening, and a malformed case date without stopping the others', async () => {
    const c = caseIn('demo', 'Leila Nasser', '1990-02-30');
    const s = screeningOf(c, { prs_Gender: 'Feminine' });
    await store.mission('demo').writeReplicated([c, s]);
    const gone = edit(s, {});
    await store.mission('demo').writeReplicated([{ ...gone, _deleted: true }]);
    const p = await personOf('demo', c);
    expect(p?.person.sex).toBeUndefined();
    expect(p?.person.birthDate).toBeUndefined();
    expect(p?.unread).toEqual(['birthDate']);
  });
});

describe('the review queue as Screening Interviews sync', () => {
  it('matches a case again when only its Screening changes, with the new evidence', async () => {
    const queue = new MatchQueue(store);
    const a = caseIn('north', 'Fatima Al-Hassan', '1988-05-14');
    const b = caseIn('south', 'فاطمة الحسن', '1988-05-14');
    const sa = screeningOf(a, {
      prs_Gender: 'Feminine',
      prs_Citizenship: ['SDN'],
      place_of_birth: 'Kassala',
    });
    await store.mission('north').writeReplicated([a, sa]);
    await store.mission('south').writeReplicated([b]);
    const before = (await queue.candidates(['north', 'south']))[0]!;
    expect(before.fields.find((f) => f.field === 'sex')?.level).toBe('missing');
    const sb = screeningOf(b, { prs_Gender: 'Feminine', prs_Citizenship: ['SDN'], place_of_birth: 'كسلا' });
    await store.mission('south').writeReplicated([sb]);
    const after = (await queue.candidates(['north', 'south']))[0]!;
    expect(after.fields.find((f) => f.field === 'sex')?.level).toBe('same');
    expect(after.fields.find((f) => f.field === 'citizenship')?.level).toBe('same');
    expect(after.weight).toBeGreaterThan(before.weight);
    // Another mission's Screening says a man: the pair's evidence turns against it.
    await store
      .mission('south')
      .writeReplicated([edit(sb, { answers: { ...(sb.answers as object), prs_Gender: 'Masculine' } })]);
    const turned = (await queue.candidates(['north', 'south'])).find((p) => p.pair === after.pair);
    expect(turned === undefined || turned.weight < after.weight).toBe(true);
  }, 60_000);
});

describe('the review queue shows what the Screening says, as each mission wrote it', () => {
  it("gives each side's place of birth and parents' family names, in their own script", async () => {
    const t = await testApp(['admin']);
    try {
      const a = caseIn('demo', 'Olena Kovalenko', '1991-07-02');
      const b = caseIn('other', 'Олена Коваленко', '1991-07-02');
      await t.store
        .mission('demo')
        .writeReplicated([
          a,
          screeningOf(a, { place_of_birth: 'Kharkiv', parents_family_names: 'Kovalenko, Bondar' }),
        ]);
      await t.store.mission('other').writeReplicated([b, screeningOf(b, { place_of_birth: 'Харків' })]);
      const admin = await t.login('admin');
      const res = await t.app.inject({ method: 'GET', url: '/api/admin/matching/pairs', ...bearer(admin) });
      const pair = (res.json().pairs as Array<Record<string, Record<string, unknown>>>).find(
        (p) => [p.a!.caseId, p.b!.caseId].includes(a._id) && [p.a!.caseId, p.b!.caseId].includes(b._id),
      )!;
      const [sa, sb] = pair.a!.caseId === a._id ? [pair.a!, pair.b!] : [pair.b!, pair.a!];
      expect(sa.placeOfBirth).toBe('Kharkiv');
      expect(sa.parentsFamilyNames).toEqual(['Kovalenko', 'Bondar']);
      expect(sb.placeOfBirth).toBe('Харків');
      expect(sb.parentsFamilyNames).toBeUndefined();
    } finally {
      await t.close();
    }
  }, 60_000);
});
