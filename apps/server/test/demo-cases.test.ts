import { describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import { CASE_STATUSES } from '@tern/cases';
import { bodyOf } from '@tern/sync';
import { builtinLookup, checkDoc } from '../src/ingest/check-doc.ts';
import { DEMO_CASE_COUNT, demoCaseDocs, seedDemoCases } from '../src/seed/demo-cases.ts';
import { seedDemo } from '../src/seed/demo.ts';

describe('demo cases', () => {
  const docs = demoCaseDocs('demo', 1);
  const cases = docs.filter((d) => d._id.startsWith('case:'));
  const subs = docs.filter((d) => d._id.startsWith('sub:'));

  it('pass the same admission as a pushed document, every one of them', () => {
    const refused = docs
      .map((d) => ({ id: d._id, r: checkDoc(d, 'demo', builtinLookup, { verifyRevs: true }) }))
      .filter((x) => x.r !== null);
    expect(refused).toEqual([]);
  });

  it('cover every status, with a Screening for each case and an Assistance from assisted on', () => {
    expect(cases).toHaveLength(DEMO_CASE_COUNT);
    const statuses = new Set(cases.map((c) => c.status));
    expect([...statuses].sort()).toEqual([...CASE_STATUSES].sort());
    const formsOf = (id: string) => subs.filter((s) => s.caseId === id).map((s) => s.form);
    for (const c of cases) {
      expect(formsOf(c._id)).toContain('screening@1');
      const history = (c.history as Array<{ to: string }>).map((h) => h.to);
      if (history.includes('assisted')) expect(formsOf(c._id)).toContain('assistance@1');
    }
    expect(new Set(cases.map((c) => c.code)).size).toBe(DEMO_CASE_COUNT);
  });

  it('are the same documents on every call (ids and revs), so seeding twice changes nothing', async () => {
    expect(demoCaseDocs('demo', 1).map((d) => `${d._id} ${d._rev}`)).toEqual(
      docs.map((d) => `${d._id} ${d._rev}`),
    );
    const store = new TernStore({ kind: 'memory', prefix: `seed-${Date.now()}` });
    try {
      await seedDemo(store, Date.now, { cases: true });
      const first = await store.mission('demo').info();
      await seedDemo(store, Date.now, { cases: true });
      await seedDemoCases(store, 'demo');
      const again = await store.mission('demo').info();
      expect(again.docCount).toBe(first.docCount);
      expect(again.docCount).toBe(docs.length);
      const one = await store.mission('demo').get(cases[0]!._id);
      expect(bodyOf(one!)).toEqual(bodyOf(cases[0]!));
    } finally {
      await store.close();
    }
  });

  it('another batch is another 200 cases: no id or case code repeats (the warm-start bench seeds 25)', () => {
    const two = [...demoCaseDocs('demo', 1, 0), ...demoCaseDocs('demo', 1, 1)];
    const ids = two.map((d) => d._id);
    expect(new Set(ids).size).toBe(ids.length);
    const codes = two.filter((d) => d._id.startsWith('case:')).map((d) => d.code);
    expect(codes).toHaveLength(2 * DEMO_CASE_COUNT);
    expect(new Set(codes).size).toBe(codes.length);
    const refused = demoCaseDocs('demo', 1, 1).filter(
      (d) => checkDoc(d, 'demo', builtinLookup, { verifyRevs: true }) !== null,
    );
    expect(refused).toEqual([]);
  });

  it('a case body with a bad field is refused naming the path, never the value', () => {
    const bad = { ...cases[0]!, pii: { fullName: '' } };
    const r = checkDoc(bad, 'demo', builtinLookup, { verifyRevs: false });
    expect(r).toMatchObject({ code: 'TERN_DOC_INVALID', field: 'pii.fullName' });
    const wrong = checkDoc({ ...cases[0]!, mission: 'other' }, 'other', builtinLookup, { verifyRevs: false });
    expect(wrong).toBeNull();
    expect(checkDoc(cases[0]!, 'other', builtinLookup, { verifyRevs: false })?.code).toBe(
      'TERN_DOC_WRONG_MISSION',
    );
  });

  it('a submission may link a case and carry a review; a malformed link is refused', () => {
    const sub = subs[0]!;
    expect(
      checkDoc({ ...sub, caseId: 'case:nope' }, 'demo', builtinLookup, { verifyRevs: false }),
    ).toMatchObject({ code: 'TERN_DOC_INVALID', field: 'caseId' });
    expect(
      checkDoc({ ...sub, review: { state: 'maybe', by: 'x', at: sub.createdAt } }, 'demo', builtinLookup, {
        verifyRevs: false,
      }),
    ).toMatchObject({ code: 'TERN_DOC_INVALID', field: 'review.state' });
  });
});
