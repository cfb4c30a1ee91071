import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { getAt, setAt } from './field-path.ts';
import { commonAncestors, mergeBranches, orderBranches, resolveBranches } from './merge-branches.ts';
import type { Branch, MergeOutcome } from './merge-branches.ts';
import { mergeBaseCandidates } from './merge-ancestry.ts';
import type { MergeEdge } from './merge-ancestry.ts';
import { nextRevision, parseRev, revsFromHistory } from './rev-id.ts';
import type { Body, Revisions } from './types.ts';
import { beats } from './winning-rev.ts';

/**
 * Issue 12, item 2, as a property. Two devices edit one record without ever pulling (or pulling only
 * sometimes); after each push the server merges as apps/server/src/merge/auto-merge.ts does. An edit
 * of a field whose value the device saw up to date never conflicts, whichever branch wins the hash
 * order; an edit of a field the server has since changed, to yet another value, always does. The
 * expected clashes are computed from what each device saw, not from the merge code.
 */

/** Fixed by default so CI is repeatable; `TERN_FUZZ_SEED=random` (or a number) explores further. */
const FUZZ = process.env.TERN_FUZZ_SEED;
const SEED = FUZZ === 'random' ? undefined : Number(FUZZ ?? 20261202);
const RUNS = 300 * Number(process.env.TERN_FUZZ_RUNS ?? 1);
const settings = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };

type Base = (a: Revisions, b: Revisions, edges: readonly MergeEdge[]) => string[];

/** The server's automatic merge over an in-memory rev tree. Only pushed revisions have bodies. */
class ModelServer {
  private revs = new Map<string, { revisions: Revisions; body?: Body; deleted: boolean }>();
  private edges: MergeEdge[] = [];
  constructor(private readonly bases: Base) {}

  write(rev: string, revisions: Revisions, body: Body, deleted = false) {
    // The history of a pushed leaf names its ancestors by id only.
    for (const [i, r] of revsFromHistory(revisions).entries())
      if (i > 0 && !this.revs.has(r))
        this.revs.set(r, {
          revisions: { start: parseRev(r).gen, ids: revisions.ids.slice(i) },
          deleted: false,
        });
    this.revs.set(rev, { revisions, body, deleted });
  }

  live(): Branch[] {
    const parents = new Set([...this.revs.values()].map((r) => revsFromHistory(r.revisions)[1]));
    return [...this.revs.entries()]
      .filter(([rev, r]) => !r.deleted && !parents.has(rev))
      .map(([rev, r]) => ({ rev, revisions: r.revisions, body: r.body! }))
      .sort((x, y) => (orderBranches(x, y)[0] === x ? -1 : 1));
  }

  /** Merge until one live leaf remains; the clash that stopped it, if any. */
  merge(): Extract<MergeOutcome, { kind: 'conflict' }> | null {
    for (let round = 0; round < 20; round++) {
      const [a, b] = this.live();
      if (!a || !b) return null;
      const rev = this.bases(a.revisions, b.revisions, this.edges).find((r) => this.revs.get(r)?.body);
      const o = mergeBranches('sub:1', a, b, rev ? { rev, body: this.revs.get(rev)!.body! } : null);
      if (o.kind === 'conflict') return o;
      for (const { _id, _rev, _revisions, _deleted, ...body } of o.docs)
        this.write(_rev, _revisions, body, _deleted === true);
      this.edges.push({ rev: o.docs[0]._rev, parent: o.winner }, { rev: o.docs[0]._rev, parent: o.loser });
    }
    throw new Error('still branched after 20 rounds');
  }

  /** An admin's resolution, as the conflicts route writes and records it. */
  resolve(resolved: Body) {
    const [a, b] = this.live() as [Branch, Branch];
    for (const { _id, _rev, _revisions, _deleted, ...body } of resolveBranches('sub:1', a, b, resolved))
      this.write(_rev, _revisions, body, _deleted === true);
    const rev = this.live()[0]!.rev;
    this.edges.push({ rev, parent: a.rev }, { rev, parent: b.rev });
  }
}

const SLOTS = [
  'answers.f.k1',
  'answers.f.k2',
  'answers.f.k3',
  'answers.f.k4',
  'answers.events[01A].v',
  'answers.events[01B].v',
];
const scalar = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom('a', 'b'), fc.boolean());
const body: fc.Arbitrary<Body> = fc
  .record({
    k: fc.array(scalar, { minLength: 4, maxLength: 4 }),
    v: fc.tuple(scalar, scalar),
    status: scalar,
  })
  .map(({ k, v, status }) => ({
    status,
    answers: {
      f: { k1: k[0], k2: k[1], k3: k[2], k4: k[3] },
      events: [
        { _id: '01A', v: v[0] },
        { _id: '01B', v: v[1] },
      ],
    },
  }));
const step = fc.record({
  device: fc.constantFrom(0, 1),
  /** Now and then the device pulls the server's record before editing. */
  pull: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  /** Edits kept on the device before the push: their bodies never reach the server. */
  unpushed: fc.integer({ min: 0, max: 2 }),
  /** Fields of the device's own half of the form, and now and then one of the other half. */
  own: fc.subarray([0, 1, 2], { minLength: 1 }),
  cross: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 5 },
    { arbitrary: fc.constantFrom(0, 1, 2), weight: 1 },
  ),
  remove: fc.boolean(),
  /** Set the first field back to its value in the record's first revision. */
  revert: fc.boolean(),
  /** Whether the pushed leaf should win the hash order, when its generation ties the server's. */
  wins: fc.boolean(),
  /** On a clash, whether the admin keeps the pushed value or the server's. */
  keepPushed: fc.boolean(),
});

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;
type Leaf = { rev: string; revisions: Revisions; body: Body };
const same = (x: unknown, y: unknown) => canonicalJson(x ?? null) === canonicalJson(y ?? null);
const newStats = () => ({ clean: 0, clashed: 0, pushedWon: 0, pushedLost: 0 });

/** Run the steps; check each merge against what the devices saw. An admin resolves each clash. */
function run(bases: Base, first: Body, steps: Step[], stats = newStats()) {
  const server = new ModelServer(bases);
  const b = nextRevision(null, first);
  server.write(b.rev, b.revisions, first);
  const devices: Leaf[] = [0, 1].map(() => ({ ...b, body: first }));
  for (const [i, s] of steps.entries()) {
    const now = server.live()[0]!;
    if (s.pull) devices[s.device] = now;
    const seen = devices[s.device]!;
    let leaf = seen;
    for (let k = 0; k < s.unpushed; k++) leaf = { ...nextRevision(leaf, leaf.body), body: leaf.body };
    let edited = leaf.body;
    // A value no one wrote before (or the field removed), or the first value again.
    const half = (d: number) => SLOTS.filter((_, j) => j % 2 === d);
    const slots = s.own.map((j) => half(s.device)[j]!);
    if (s.cross !== undefined) slots.push(half(1 - s.device)[s.cross]!);
    for (const p of slots)
      edited = setAt(edited, p, s.remove && p.endsWith('k4') ? undefined : `d${s.device}s${i}`);
    // Back to the first value: the old base took that for "unchanged" and kept the merge's value.
    if (s.revert) edited = setAt(edited, slots[0]!, getAt(first, slots[0]!));
    // The updatedAt salt moves the rev hash (it is bookkeeping, never merged): pick the hash order wanted.
    let next = { ...nextRevision(leaf, edited), body: edited };
    for (let salt = 0; parseRev(next.rev).gen === parseRev(now.rev).gen && salt < 64; salt++) {
      if (beats({ rev: next.rev, deleted: false }, { rev: now.rev, deleted: false }) === s.wins) break;
      const salted = { ...edited, updatedAt: `2026-12-01T00:00:${String(salt).padStart(2, '0')}Z` };
      next = { ...nextRevision(leaf, salted), body: salted };
    }
    server.write(next.rev, next.revisions, next.body);
    devices[s.device] = next;
    const contested = server.live().length > 1;
    if (contested) stats[server.live()[0]!.rev === next.rev ? 'pushedWon' : 'pushedLost']++;

    // A genuine clash: the device changed a field from what it saw, and the server's value has moved
    // on from what the device saw, to a third value.
    const clashes = SLOTS.filter(
      (p) =>
        !same(getAt(edited, p), getAt(seen.body, p)) &&
        !same(getAt(now.body, p), getAt(seen.body, p)) &&
        !same(getAt(edited, p), getAt(now.body, p)),
    );
    const outcome = server.merge();
    expect(outcome?.conflicts.map((c) => c.path).sort() ?? []).toEqual(clashes.sort());
    const chosen = s.keepPushed ? edited : now.body;
    if (outcome) {
      // Measured against what the device last pushed or pulled, which the server's record contains —
      // or a later revision of the pushed history the server also holds: two devices that made the
      // same edit of the same revision made the same revision (content-derived ids).
      expect(revsFromHistory(next.revisions)).toContain(outcome.base);
      expect(parseRev(outcome.base!).gen).toBeGreaterThanOrEqual(parseRev(seen.rev).gen);
      stats.clashed++;
      server.resolve(clashes.reduce((r, p) => setAt(r, p, getAt(chosen, p)), outcome.merged));
    } else if (contested) stats.clean++;
    const [merged, ...rest] = server.live();
    expect(rest).toEqual([]);
    for (const p of SLOTS) {
      const mine = !same(getAt(edited, p), getAt(seen.body, p));
      const want = clashes.includes(p) ? getAt(chosen, p) : mine ? getAt(edited, p) : getAt(now.body, p);
      expect(getAt(merged!.body, p)).toEqual(want);
    }
  }
  return stats;
}

describe('an edit after an automatic merge (issue 12, item 2)', () => {
  it('conflicts exactly where the device overwrote a value it never saw, over chains of merges', () => {
    const stats = newStats();
    fc.assert(
      fc.property(body, fc.array(step, { minLength: 1, maxLength: 8 }), (first, steps) => {
        run(mergeBaseCandidates, first, steps, stats);
      }),
      settings,
    );
    // The property cannot pass by never conflicting, nor by never racing.
    expect(stats.clashed).toBeGreaterThan(20);
    expect(stats.clean).toBeGreaterThan(100);
    expect(stats.pushedWon).toBeGreaterThan(20);
    expect(stats.pushedLost).toBeGreaterThan(20);
  });

  it('failed with the rev-history ancestor alone (the old base)', () => {
    const history: Base = (a, b) => commonAncestors(a, b);
    const found = fc.check(
      fc.property(body, fc.array(step, { minLength: 1, maxLength: 8 }), (first, steps) => {
        run(history, first, steps);
      }),
      settings,
    );
    expect(found.failed).toBe(true);
    // Shrunk, it is the story (a device edits again the field the merge took from it, after
    // losing the hash order); the same steps pass with the merge edges.
    const [first, steps] = found.counterexample!;
    expect(() => run(mergeBaseCandidates, first, steps)).not.toThrow();
  });
});
