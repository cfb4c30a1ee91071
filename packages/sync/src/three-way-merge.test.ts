import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { threeWayMerge } from './three-way-merge.ts';
import type { Body } from './types.ts';

describe('threeWayMerge examples', () => {
  const base = { status: 'screening', answers: { name: 'Amina', age: 30, town: 'Agadez' } };

  it('merges edits of different fields', () => {
    const a = { ...base, answers: { ...base.answers, age: 31 } };
    const b = { ...base, status: 'eligible', answers: { ...base.answers, town: 'Niamey' } };
    const r = threeWayMerge(base, a, b);
    expect(r.conflicts).toEqual([]);
    expect(r.merged).toEqual({ status: 'eligible', answers: { name: 'Amina', age: 31, town: 'Niamey' } });
    expect(r.taken).toEqual({ 'answers.age': 0, 'answers.town': 1, status: 1 });
  });

  it('reports the same field changed to different values as a conflict and picks nothing', () => {
    const a = { ...base, answers: { ...base.answers, age: 31 } };
    const b = { ...base, answers: { ...base.answers, age: 32 } };
    const r = threeWayMerge(base, a, b);
    expect(r.conflicts).toEqual([{ path: 'answers.age', base: 30, values: [31, 32] }]);
  });

  it('takes a photo (an attachment reference) whole: two replacements conflict on the answer, not on its fields', () => {
    const ref = (c: string, size: number) => ({
      digest: c.repeat(64),
      mediaType: 'image/jpeg',
      size,
      name: 'p.jpg',
    });
    const withPhoto = { ...base, answers: { ...base.answers, photo: ref('a', 10) } };
    const a = { ...base, answers: { ...base.answers, photo: ref('b', 10) } };
    const b = { ...base, answers: { ...base.answers, photo: ref('c', 20) } };
    const r = threeWayMerge(withPhoto, a, b);
    expect(r.conflicts.map((c) => c.path)).toEqual(['answers.photo']);
    const one = threeWayMerge(withPhoto, a, withPhoto);
    expect(one.conflicts).toEqual([]);
    expect(one.merged).toEqual(a);
  });

  it('merges repeat items by id, not by position', () => {
    const ev = (id: string, type: string) => ({ _id: id, type });
    const b0 = { answers: { events: [ev('01A', 'shelter'), ev('01B', 'medical')] } };
    const a = { answers: { events: [ev('01A', 'shelter'), ev('01B', 'medical'), ev('01C', 'legal')] } };
    const b = {
      answers: { events: [ev('01D', 'psychosocial'), ev('01A', 'shelter'), ev('01B', 'medical_followup')] },
    };
    const r = threeWayMerge(b0, a, b);
    expect(r.conflicts).toEqual([]);
    expect(r.merged).toEqual({
      answers: {
        events: [
          ev('01A', 'shelter'),
          ev('01B', 'medical_followup'),
          ev('01C', 'legal'),
          ev('01D', 'psychosocial'),
        ],
      },
    });
  });

  it('flags an item deleted on one side and changed on the other', () => {
    const b0 = { answers: { events: [{ _id: '01A', type: 'shelter' }] } };
    const a = { answers: { events: [] } };
    const b = { answers: { events: [{ _id: '01A', type: 'medical' }] } };
    const r = threeWayMerge(b0, a, b);
    expect(r.conflicts.map((c) => c.path)).toEqual(['answers.events[01A]']);
  });

  it('with no common ancestor, conflicts on every differing field', () => {
    const r = threeWayMerge(null, { a: 1, b: 2 }, { a: 1, b: 3, c: 4 });
    expect(r.conflicts.map((c) => c.path)).toEqual(['b', 'c']);
  });
});

// Bodies shaped like Tern documents: top-level scalars and an `answers` object with scalars and a repeat.
const scalar = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom('a', 'b', 'c'), fc.boolean());
const keys = ['k1', 'k2', 'k3', 'k4', 'k5'];
const flat = fc.dictionary(fc.constantFrom(...keys), scalar, { maxKeys: 5 });
const items = fc.uniqueArray(fc.record({ _id: fc.constantFrom('01A', '01B', '01C', '01D'), v: scalar }), {
  selector: (x) => x._id,
  maxLength: 4,
});
const body: fc.Arbitrary<Body> = fc.record({
  status: scalar,
  answers: fc.record({ f: flat, events: items }),
});

/** An edit of `base`: each top-level answer key kept, changed or removed. */
const editOf = (base: Body) =>
  fc.record({ status: fc.option(scalar, { nil: undefined }), f: flat, events: items }).map((e) => ({
    status: e.status ?? base.status,
    answers: { f: { ...(base.answers as { f: object }).f, ...e.f }, events: e.events },
  }));

const cj = (v: unknown) => (v === null ? 'null' : canonicalJson(v));

describe('threeWayMerge properties', () => {
  it('merging with an unchanged side returns the other side', () => {
    fc.assert(
      fc.property(body, body, (base, other) => {
        expect(cj(threeWayMerge(base, base, other).merged)).toBe(cj(other));
        expect(cj(threeWayMerge(base, other, base).merged)).toBe(cj(other));
      }),
      { seed: 20261202, numRuns: 100 },
    );
  });

  it('always merges edits of disjoint fields', () => {
    fc.assert(
      fc.property(body, fc.subarray(keys), scalar, scalar, (base, mine, x, y) => {
        const f = (base.answers as { f: Record<string, unknown> }).f;
        const a = { ...base, answers: { ...(base.answers as object), f: { ...f } } } as Body;
        const b = structuredClone(a);
        for (const k of keys) {
          if (mine.includes(k)) (a.answers as { f: Record<string, unknown> }).f[k] = `a-${String(x)}`;
          else (b.answers as { f: Record<string, unknown> }).f[k] = `b-${String(y)}`;
        }
        const r = threeWayMerge(base, a, b);
        expect(r.conflicts).toEqual([]);
        const mf = (r.merged.answers as { f: Record<string, unknown> }).f;
        for (const k of keys) expect(mf[k]).toBe(mine.includes(k) ? `a-${String(x)}` : `b-${String(y)}`);
      }),
      { seed: 20261203, numRuns: 100 },
    );
  });

  it('does not depend on the order of the branches', () => {
    fc.assert(
      fc.property(
        body.chain((base) => fc.tuple(fc.constant(base), editOf(base), editOf(base))),
        ([base, a, b]) => {
          const ab = threeWayMerge(base, a, b);
          const ba = threeWayMerge(base, b, a);
          expect(cj(ab.merged)).toBe(cj(ba.merged));
          expect(ab.conflicts.map((c) => c.path)).toEqual(ba.conflicts.map((c) => c.path));
          for (const [i, c] of ab.conflicts.entries())
            expect(cj(c.values)).toBe(cj([...ba.conflicts[i]!.values].reverse()));
        },
      ),
      { seed: 20261204, numRuns: 100 },
    );
  });

  it('loses no value from either branch without listing it in a conflict', () => {
    const at = (v: Body, path: string): unknown =>
      path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], v);
    fc.assert(
      fc.property(
        body.chain((base) => fc.tuple(fc.constant(base), editOf(base), editOf(base))),
        ([base, a, b]) => {
          const r = threeWayMerge(base, a, b);
          const paths = ['status', ...keys.map((k) => `answers.f.${k}`)];
          for (const p of paths) {
            for (const side of [a, b]) {
              const v = at(side, p);
              if (cj(v ?? null) === cj(at(base, p) ?? null)) continue; // unchanged on this side
              const kept =
                !r.conflicts.some((c) => c.path === p) && cj(at(r.merged, p) ?? null) === cj(v ?? null);
              const listed = r.conflicts.some(
                (c) => c.path === p && c.values.some((x) => cj(x ?? null) === cj(v ?? null)),
              );
              expect(kept || listed, `${p}: ${cj(v ?? null)}`).toBe(true);
            }
          }
          // Conflict records carry the real values of each side.
          for (const c of r.conflicts) {
            if (c.path.includes('[')) continue;
            expect(cj(c.values[0] ?? null)).toBe(cj(at(a, c.path) ?? null));
            expect(cj(c.values[1] ?? null)).toBe(cj(at(b, c.path) ?? null));
          }
        },
      ),
      { seed: 20261205, numRuns: 100 },
    );
  });
});
