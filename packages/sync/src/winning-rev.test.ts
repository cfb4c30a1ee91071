import { describe, expect, it } from 'vitest';
import { conflictsIn, graft, historyOf, leavesOf, winnerOf } from './rev-tree.ts';
import type { RevTree } from './rev-tree.ts';
import { nextRevision } from './rev-id.ts';
import { conflictsOf, winningRev } from './winning-rev.ts';

describe('winningRev', () => {
  it('prefers live leaves, then the longest history, then the greater hash', () => {
    expect(
      winningRev([
        { rev: '3-aaa', deleted: true },
        { rev: '2-bbb', deleted: false },
      ]).rev,
    ).toBe('2-bbb');
    expect(
      winningRev([
        { rev: '2-zzz', deleted: false },
        { rev: '3-aaa', deleted: false },
      ]).rev,
    ).toBe('3-aaa');
    expect(
      winningRev([
        { rev: '2-abc', deleted: false },
        { rev: '2-abd', deleted: false },
      ]).rev,
    ).toBe('2-abd');
    expect(
      winningRev([
        { rev: '2-a', deleted: true },
        { rev: '1-b', deleted: true },
      ]).rev,
    ).toBe('2-a');
  });
  it('does not depend on the order of the leaves', () => {
    const leaves = [
      { rev: '2-abc', deleted: false },
      { rev: '4-000', deleted: true },
      { rev: '2-abd', deleted: false },
    ];
    expect(winningRev(leaves).rev).toBe(winningRev([...leaves].reverse()).rev);
  });
  it('lists live losers as conflicts, best first, without deleted leaves', () => {
    expect(
      conflictsOf([
        { rev: '2-a', deleted: false },
        { rev: '3-b', deleted: false },
        { rev: '2-c', deleted: false },
        { rev: '5-d', deleted: true },
      ]),
    ).toEqual(['2-c', '2-a']);
  });
  it('refuses an empty leaf list', () => {
    expect(() => winningRev([])).toThrow(/at least one leaf/);
  });
});

describe('rev tree', () => {
  it('grafts histories idempotently and finds leaves, winner and conflicts', () => {
    const tree: RevTree = new Map();
    const a = nextRevision(null, { v: 0 });
    const b = nextRevision(a, { v: 1 });
    const c = nextRevision(a, { v: 2 });
    expect(graft(tree, b.revisions, { deleted: false, body: { v: 1 } })).toBe(true);
    expect(graft(tree, b.revisions, { deleted: false, body: { v: 1 } })).toBe(false);
    graft(tree, c.revisions, { deleted: false, body: { v: 2 } });
    expect(
      leavesOf(tree)
        .map((l) => l.rev)
        .sort(),
    ).toEqual([b.rev, c.rev].sort());
    const w = winnerOf(tree).rev;
    expect(conflictsIn(tree)).toEqual([w === b.rev ? c.rev : b.rev]);
    expect(historyOf(tree, c.rev)).toEqual(c.revisions);
    // The ancestor's body was never sent: only its id is known.
    expect(tree.get(a.rev)?.body).toBeUndefined();
  });
});
