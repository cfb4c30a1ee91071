import { describe, expect, it } from 'vitest';
import { computeRev, historyContains, nextRevision, parseRev, revsFromHistory, verifyRev } from './rev-id.ts';

describe('revision ids', () => {
  const body = { type: 'submission', answers: { full_name: 'Amina', age: 31 } };

  it('are deterministic: same parent and body give the same rev, whatever the key order', () => {
    const a = computeRev(null, body);
    const b = computeRev(null, { answers: { age: 31, full_name: 'Amina' }, type: 'submission' });
    expect(a).toBe(b);
    expect(a).toMatch(/^1-[0-9a-f]{32}$/);
  });

  it('give a child a higher generation and a different hash than its parent', () => {
    const parent = nextRevision(null, body);
    const child = nextRevision(parent, body);
    expect(parseRev(child.rev).gen).toBe(2);
    expect(child.rev).not.toBe(parent.rev);
    expect(child.revisions.ids.slice(1)).toEqual(parent.revisions.ids);
    expect(revsFromHistory(child.revisions)).toEqual([child.rev, parent.rev]);
  });

  it('give the same edit on two devices the same rev, and different edits different revs', () => {
    const base = nextRevision(null, body);
    const edit = { ...body, answers: { ...body.answers, age: 32 } };
    const deviceA = nextRevision(base, edit);
    const deviceB = nextRevision(structuredClone(base), structuredClone(edit));
    expect(deviceA.rev).toBe(deviceB.rev);
    const other = nextRevision(base, { ...body, answers: { ...body.answers, age: 33 } });
    expect(other.rev).not.toBe(deviceA.rev);
  });

  it('distinguish a deletion from an edit with the same body', () => {
    const base = nextRevision(null, body);
    expect(nextRevision(base, body, { deleted: true }).rev).not.toBe(nextRevision(base, body).rev);
  });

  it('cap the history at the revs limit', () => {
    let r = nextRevision(null, { n: 0 }, { revsLimit: 3 });
    for (let i = 1; i < 10; i++) r = nextRevision(r, { n: i }, { revsLimit: 3 });
    expect(r.revisions.start).toBe(10);
    expect(r.revisions.ids).toHaveLength(3);
  });

  it('reject malformed rev strings', () => {
    for (const bad of ['', '1', '0-abc', 'x-abc', '1-', '-1-abc', '1-ab c']) {
      expect(() => parseRev(bad), bad).toThrow(/Invalid revision id/);
    }
  });

  it('verify that a rev matches its parent and body', () => {
    const base = nextRevision(null, body);
    const doc = { _rev: base.rev, _revisions: base.revisions };
    expect(verifyRev(doc, body)).toBe(true);
    expect(verifyRev(doc, { ...body, answers: { full_name: 'Someone else' } })).toBe(false);
    expect(verifyRev({ ...doc, _rev: '1-0000' }, body)).toBe(false);
  });

  it('find ancestors in a history', () => {
    const a = nextRevision(null, { v: 1 });
    const b = nextRevision(a, { v: 2 });
    expect(historyContains(b.revisions, a.rev)).toBe(true);
    expect(historyContains(a.revisions, b.rev)).toBe(false);
    expect(historyContains(b.revisions, nextRevision(a, { v: 3 }).rev)).toBe(false);
  });
});
