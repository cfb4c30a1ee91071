import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeBaseCandidates } from './merge-ancestry.ts';
import type { MergeEdge } from './merge-ancestry.ts';
import { commonAncestors } from './merge-branches.ts';
import { nextRevision } from './rev-id.ts';
import type { Revisions } from './types.ts';

type Rev = { rev: string; revisions: Revisions };
const child = (parent: Rev | null, tag: string): Rev => nextRevision(parent, { tag });
const chain = (from: Rev, n: number, tag: string) => {
  let r = from;
  for (let i = 0; i < n; i++) r = child(r, `${tag}${i}`);
  return r;
};
/** The two parents of a merged revision `m` written on `winner` after closing `loser`. */
const merge = (m: Rev, winner: Rev, loser: Rev): MergeEdge[] => [
  { rev: m.rev, parent: winner.rev },
  { rev: m.rev, parent: loser.rev },
];

describe('mergeBaseCandidates', () => {
  const b = child(null, 'base');
  const w = child(b, 'w');
  const l = child(b, 'l');
  const m = child(w, 'merged'); // the merge of w and l, on the winner

  it('without merge edges is the histories’ common part, nearest first', () => {
    const deep = chain(w, 3, 'd');
    expect(mergeBaseCandidates(deep.revisions, l.revisions, [])).toEqual(
      commonAncestors(deep.revisions, l.revisions),
    );
    expect(mergeBaseCandidates(deep.revisions, w.revisions, [])).toEqual([w.rev, b.rev]);
  });

  it('gives an edit of the closed loser the loser itself as base, not the old ancestor', () => {
    const l2 = child(l, 'l2');
    expect(mergeBaseCandidates(m.revisions, l2.revisions, [])).toEqual([b.rev]);
    expect(mergeBaseCandidates(m.revisions, l2.revisions, merge(m, w, l))).toEqual([l.rev, b.rev]);
  });

  it('follows the edges of a closed merged revision that neither history shows', () => {
    // Merge 1 wrote m on w and closed l; l2 (an edit of l) then won merge 2, which wrote m2 on l2 and
    // closed m. A late edit of w must be merged against w, reached through m2 → m → w.
    const l2 = child(l, 'l2');
    const m2 = child(l2, 'merged2');
    const w2 = child(w, 'w2');
    const edges = [...merge(m, w, l), ...merge(m2, l2, m)];
    expect(mergeBaseCandidates(m2.revisions, w2.revisions, edges)).toEqual([w.rev, b.rev]);
    expect(mergeBaseCandidates(m2.revisions, w2.revisions, edges.slice(2))).toEqual([b.rev]);
  });

  it('puts a revision before its ancestors even when they have a higher generation', () => {
    const longLoser = chain(b, 5, 'long'); // generation 6
    const merged = child(w, 'merged-long'); // generation 3, contains longLoser
    const x = child(merged, 'x');
    const y = child(merged, 'y');
    const got = mergeBaseCandidates(x.revisions, y.revisions, merge(merged, w, longLoser));
    expect(got[0]).toBe(merged.rev);
    expect(got.indexOf(longLoser.rev)).toBeGreaterThan(0);
    expect(got.at(-1)).toBe(b.rev);
    expect(new Set(got).size).toBe(got.length);
  });

  it('orders unrelated common ancestors (criss-cross merges) by generation, then rev', () => {
    // Two servers merged p and q each their own way (both written, two live leaves); both contain p and q.
    const p = child(b, 'p'); // generation 2
    const q1 = child(b, 'q1');
    const q = child(q1, 'q'); // generation 3
    const mp = child(p, 'mp');
    const mq = child(q, 'mq');
    const edges = [...merge(mp, p, q), ...merge(mq, q, p)];
    const got = mergeBaseCandidates(mp.revisions, mq.revisions, edges);
    // q and p are both nearest; q has the higher generation. Then p and q1 (same generation, by rev).
    const [second, third] = [p.rev, q1.rev].sort().reverse();
    expect(got).toEqual([q.rev, second, third, b.rev]);
  });

  it('ends on forged histories that make a cycle, listing each common revision once', () => {
    const x = child(w, 'x');
    const edges = [
      { rev: w.rev, parent: x.rev },
      { rev: x.rev, parent: w.rev },
    ];
    const got = mergeBaseCandidates(x.revisions, w.revisions, edges);
    expect([...got].sort()).toEqual([x.rev, w.rev, b.rev].sort());
  });

  it('does not depend on which leaf comes first nor on the order of the edges', () => {
    const l2 = child(l, 'l2');
    const m2 = child(l2, 'merged2');
    const w2 = chain(w, 2, 'w2');
    const edges = [...merge(m, w, l), ...merge(m2, l2, m)];
    fc.assert(
      fc.property(fc.shuffledSubarray(edges, { minLength: 0 }), fc.boolean(), (some, swap) => {
        const [x, y] = swap ? [w2, m2] : [m2, w2];
        const shuffled = mergeBaseCandidates(x.revisions, y.revisions, some);
        const sorted = [...some].sort((e, f) => (e.rev + e.parent < f.rev + f.parent ? -1 : 1));
        expect(shuffled).toEqual(mergeBaseCandidates(m2.revisions, w2.revisions, sorted));
      }),
      { seed: 20261202, numRuns: 100 },
    );
  });
});
