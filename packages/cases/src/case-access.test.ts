import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseAssignmentError, CaseBody, assignCase, caseIdsOf, everHeld, mayView } from './index.ts';
import { sampleCase } from './sample-case.ts';
import type { CaseLike, Viewer } from './index.ts';

const at = '2026-11-10T10:00:00.000Z';
const base = (over: Partial<CaseBody> = {}): CaseBody =>
  sampleCase({ createdAt: at, createdBy: 'officer', ...over });
const ana: Viewer = { username: 'ana', role: 'interviewer' };
const ben: Viewer = { username: 'ben', role: 'interviewer' };
const none = () => undefined;

describe('who sees a case', () => {
  it('an interviewer sees the cases assigned to them and not the others', () => {
    const c = base({ assignedTo: 'ana' });
    expect(mayView(ana, 'case:1', c, none)).toBe(true);
    expect(mayView(ben, 'case:1', c, none)).toBe(false);
  });
  it('a case shared by the officer is seen by the interviewer it is shared with', () => {
    const c = base({ assignedTo: 'ana', sharedWith: ['ben'] });
    expect(mayView(ben, 'case:1', c, none)).toBe(true);
    expect(mayView({ username: 'cleo', role: 'interviewer' }, 'case:1', c, none)).toBe(false);
  });
  it('a case never assigned is seen by the interviewer who created it only', () => {
    const c = base({ createdBy: 'ana' });
    expect(mayView(ana, 'case:1', c, none)).toBe(true);
    expect(mayView(ben, 'case:1', c, none)).toBe(false);
  });
  it('a case made by ana and assigned to ben is no longer ana’s', () => {
    const c = assignCase(base({ createdBy: 'ana', assignedTo: 'ana' }), 'ben', {
      by: 'officer',
      at,
      id: '01J0000000000000000000000B',
    });
    expect(mayView(ana, 'case:1', c, none)).toBe(false);
    expect(mayView(ben, 'case:1', c, none)).toBe(true);
    expect(everHeld(c, 'ana')).toBe(true);
    expect(everHeld(c, 'cleo')).toBe(false);
  });
  it('data officers and admins see every case; researchers none', () => {
    const c = base({ assignedTo: 'ana' });
    expect(mayView({ username: 'o', role: 'data_officer' }, 'case:1', c, none)).toBe(true);
    expect(mayView({ username: 'a', role: 'admin' }, 'case:1', c, none)).toBe(true);
    expect(mayView({ username: 'r', role: 'researcher' }, 'case:1', c, none)).toBe(false);
  });
});

describe('records follow their case', () => {
  const cases: Record<string, CaseLike> = {
    'case:A': { assignedTo: 'ana' },
    'case:B': { assignedTo: 'ben' },
  };
  const caseOf = (id: string) => cases[id];
  it('a submission of ana’s case is ana’s, whoever filled it', () => {
    const sub = { type: 'submission', caseId: 'case:A', createdBy: 'ben', updatedBy: 'ben' };
    expect(mayView(ana, 'sub:1', sub, caseOf)).toBe(true);
    expect(mayView(ben, 'sub:1', sub, caseOf)).toBe(false);
  });
  it('a submission of a case the server does not hold is its maker’s; with no maker, nobody’s', () => {
    expect(mayView(ana, 'sub:1', { caseId: 'case:Z', createdBy: 'ana' }, caseOf)).toBe(true);
    expect(mayView(ben, 'sub:1', { caseId: 'case:Z', createdBy: 'ana' }, caseOf)).toBe(false);
    expect(mayView(ana, 'sub:1', { caseId: 'case:Z' }, caseOf)).toBe(false);
  });
  it('a submission tied to no case is seen by who made or last edited it', () => {
    expect(mayView(ana, 'sub:1', { createdBy: 'ana' }, caseOf)).toBe(true);
    expect(mayView(ana, 'sub:1', { updatedBy: 'ana' }, caseOf)).toBe(true);
    expect(mayView(ben, 'sub:1', { createdBy: 'ana' }, caseOf)).toBe(false);
  });
  it('a submission tied to no case is seen by who works on the device that made it', () => {
    const onAnas = (d: string) => d === 'dev-ana';
    expect(mayView(ana, 'sub:1', { device: 'dev-ana' }, caseOf, onAnas)).toBe(true);
    expect(mayView(ana, 'sub:1', { device: 'dev-ben' }, caseOf, onAnas)).toBe(false);
    expect(mayView(ana, 'sub:1', { device: 'dev-ana', caseId: 'case:B' }, caseOf, onAnas)).toBe(false);
  });
  it('tombstones are seen by every interviewer (no personal data, and a holder must drop the record)', () => {
    expect(mayView(ben, 'case:1', { _deleted: true }, caseOf)).toBe(true);
  });
  it('a caseId that is not a string does not open another case', () => {
    expect(mayView(ana, 'sub:1', { caseId: ['case:A'] }, caseOf)).toBe(false);
    expect(mayView(ana, 'sub:1', { caseId: { toString: () => 'case:A' } }, caseOf)).toBe(false);
  });
  it('caseIdsOf names each case of the submissions once, not the cases themselves', () => {
    const docs = [
      { _id: 'sub:1', caseId: 'case:A' },
      { _id: 'sub:2', caseId: 'case:A' },
      { _id: 'case:B', caseId: 'case:C' },
      { _id: 'sub:3', caseId: 7 },
    ];
    expect(caseIdsOf(docs)).toEqual(['case:A']);
  });
});

describe('assigning a case', () => {
  it('records from whom to whom, by whom and when', () => {
    const c = assignCase(base({ assignedTo: 'ana' }), 'ben', {
      by: 'officer',
      at,
      id: '01J0000000000000000000000C',
    });
    expect(c.assignedTo).toBe('ben');
    expect(c.assignments).toEqual([
      { _id: '01J0000000000000000000000C', from: 'ana', to: 'ben', by: 'officer', at },
    ]);
    expect(CaseBody.safeParse(c).success).toBe(true);
  });
  it('refuses an empty name and the current holder', () => {
    const c = base({ assignedTo: 'ana' });
    expect(() => assignCase(c, '  ', { by: 'o', at, id: '01J0000000000000000000000D' })).toThrow(
      CaseAssignmentError,
    );
    expect(() => assignCase(c, 'ana', { by: 'o', at, id: '01J0000000000000000000000D' })).toThrow(
      /already assigned/,
    );
  });
  it('after any chain of transfers exactly one interviewer holds the case, and every past holder is remembered', () => {
    const names = ['ana', 'ben', 'cleo', 'dan'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 12 }), (chain) => {
        let c = base();
        let n = 0;
        const held = new Set<string>();
        for (const to of chain) {
          if (to === c.assignedTo) continue;
          c = assignCase(c, to, {
            by: 'officer',
            at,
            id: `01J00000000000000000000${String(n++).padStart(3, '0')}`,
          });
          held.add(to);
        }
        const seeing = names.filter((u) => mayView({ username: u, role: 'interviewer' }, 'case:1', c, none));
        expect(seeing).toEqual([c.assignedTo]);
        for (const u of held) expect(everHeld(c, u)).toBe(true);
        for (const u of names.filter((x) => !held.has(x))) expect(everHeld(c, u)).toBe(false);
      }),
      { seed: 135, numRuns: 200 },
    );
  });
});
