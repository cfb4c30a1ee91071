import { describe, expect, it } from 'vitest';
import { commonAncestors, mergeBranches, resolveBranches } from './merge-branches.ts';
import { nextRevision } from './rev-id.ts';

const branch = (parent: ReturnType<typeof nextRevision> | null, body: Record<string, unknown>) => {
  const r = nextRevision(parent, body);
  return { ...r, body };
};

describe('mergeBranches', () => {
  const base = branch(null, { answers: { name: 'A', age: 30, town: 'X' } });
  const left = branch(base, { answers: { name: 'A', age: 31, town: 'X' } });
  const right = branch(base, { answers: { name: 'A', age: 30, town: 'Y' } });

  it('finds the nearest common ancestor', () => {
    const deeper = branch(left, { answers: { name: 'B', age: 31, town: 'X' } });
    expect(commonAncestors(deeper.revisions, right.revisions)).toEqual([base.rev]);
    expect(commonAncestors(deeper.revisions, left.revisions)).toEqual([left.rev, base.rev]);
  });

  it('writes the same merged revision whichever server merges and in whatever order', () => {
    const m1 = mergeBranches('sub:1', left, right, { rev: base.rev, body: base.body });
    const m2 = mergeBranches('sub:1', right, left, { rev: base.rev, body: base.body });
    expect(m1.kind).toBe('merged');
    expect(m2).toEqual(m1);
    if (m1.kind !== 'merged') return;
    const [merged, tombstone] = m1.docs;
    expect(merged.answers).toEqual({ name: 'A', age: 31, town: 'Y' });
    expect(merged._revisions.ids.slice(1)).toEqual(
      m1.winner === left.rev ? left.revisions.ids : right.revisions.ids,
    );
    expect(tombstone._deleted).toBe(true);
    expect(Object.keys(m1.taken).sort()).toEqual(['answers.age', 'answers.town']);
  });

  it('does not count who/when/which device as a conflict', () => {
    const a = branch(base, { ...left.body, device: 'dev-a', updatedAt: '2026-11-20T10:00:00Z' });
    const b = branch(base, { ...right.body, device: 'dev-b', updatedAt: '2026-11-21T10:00:00Z' });
    const m = mergeBranches('sub:1', a, b, { rev: base.rev, body: base.body });
    expect(m.kind).toBe('merged');
    if (m.kind === 'merged') expect(m.docs[0].device).toBe(m.winner === a.rev ? 'dev-a' : 'dev-b');
  });

  it('returns the clashing fields instead of picking one', () => {
    const other = branch(base, { answers: { name: 'A', age: 45, town: 'X' } });
    const m = mergeBranches('sub:1', left, other, { rev: base.rev, body: base.body });
    expect(m.kind).toBe('conflict');
    if (m.kind === 'conflict') expect(m.conflicts.map((c) => c.path)).toEqual(['answers.age']);
  });

  it('resolves deterministically on the winner and closes the loser', () => {
    const a = resolveBranches('sub:1', left, right, { answers: { name: 'A', age: 33, town: 'Z' } });
    const b = resolveBranches('sub:1', right, left, { answers: { name: 'A', age: 33, town: 'Z' } });
    expect(a).toEqual(b);
    expect(a[1]._deleted).toBe(true);
  });

  it('does not merge an approval on one branch with changed answers on the other (issue 11)', () => {
    const review = { state: 'approved', by: 'officer', at: '2026-11-26T10:00:00.000Z' };
    const approved = branch(base, { ...base.body, review });
    const m = mergeBranches('sub:1', approved, left, { rev: base.rev, body: base.body });
    expect(m.kind).toBe('conflict');
    if (m.kind === 'conflict') expect(m.conflicts.map((c) => c.path)).toEqual(['review']);
    // Same order-independence as every merge.
    expect(mergeBranches('sub:1', left, approved, { rev: base.rev, body: base.body })).toEqual(m);
  });

  it('still merges an approval with a change that is not an answer', () => {
    const review = { state: 'approved', by: 'officer', at: '2026-11-26T10:00:00.000Z' };
    const approved = branch(base, { ...base.body, review });
    const tagged = branch(base, { ...base.body, caseId: 'case:1' });
    expect(mergeBranches('sub:1', approved, tagged, { rev: base.rev, body: base.body }).kind).toBe('merged');
  });
});
