import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangeCounter } from './change-counter.ts';

/** A compact-sync answer as the server streams it (pull-stream.ts): results, changes, then the rest. */
function answer(results: unknown[], changes: unknown[], tail = ''): string {
  return `{"results":${JSON.stringify(results)},"changes":[${changes.map((d) => JSON.stringify(d)).join(',')}]${tail},"checkpoint":"e1@42","more":false}`;
}

function count(parts: string[]): number {
  const c = new ChangeCounter();
  for (const p of parts) c.feed(p);
  return c.docs;
}

describe('ChangeCounter: pulled documents counted while the answer arrives', () => {
  it('counts the documents of changes, not the push results, nested objects or gone', () => {
    const text = answer(
      [
        { id: 'sub:1', rev: '1-a', ok: true },
        { id: 'sub:2', rev: '1-b', ok: false, code: 'X', reason: 'no' },
      ],
      [
        { _id: 'case:1', person: { name: 'A', aliases: [{ v: 'x' }] }, _revisions: { start: 1, ids: ['a'] } },
        { _id: 'sub:3', answers: { q: '}{]["', r: 'a \\" } b' } },
        {},
      ],
      ',"gone":["case:9"]',
    );
    expect(count([text])).toBe(3);
  });

  it('counts nothing in an answer with no changes, or keys that only look like "changes"', () => {
    expect(count([answer([{ id: 'sub:1', rev: '1-a', ok: true }], [])])).toBe(0);
    // A value (not a key) spelled "changes", and "changes" inside a document, are not the array.
    const tricky = `{"results":[],"x":"changes","changes":[{"changes":[{},{}]}],"checkpoint":"changes","more":false}`;
    expect(count([tricky])).toBe(1);
  });

  it('a count at any point is what has fully arrived, and never more than the whole', () => {
    const docs = [{ _id: 'a', t: 'é"\\' }, { _id: 'b', n: [1, { x: 2 }] }, { _id: 'c' }];
    const text = answer([], docs);
    const starts = docs.map((d) => text.indexOf(JSON.stringify(d)) + JSON.stringify(d).length);
    for (let cut = 0; cut <= text.length; cut++) {
      const c = new ChangeCounter();
      c.feed(text.slice(0, cut));
      expect(c.docs).toBe(starts.filter((end) => end <= cut).length);
    }
  });

  it('gives the same count however the text is split (inside strings, escapes and keys)', () => {
    const doc = fc.record({
      _id: fc.string(),
      answers: fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.array(fc.string()))),
      nested: fc.option(fc.object({ maxDepth: 3 })),
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.string(), rev: fc.string(), ok: fc.boolean() }), { maxLength: 3 }),
        fc.array(doc, { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (results, changes, cuts) => {
          const text = answer(results, changes);
          const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const parts: string[] = [];
          let from = 0;
          for (const c of at) {
            parts.push(text.slice(from, c));
            from = c;
          }
          parts.push(text.slice(from));
          expect(count(parts)).toBe(changes.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('ChangeCounter over UTF-8 bytes (as they arrive, decision 227)', () => {
  it('counts the bytes of any answer, split anywhere (inside a character too), as its text', () => {
    const enc = new TextEncoder();
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' })), {
          maxLength: 8,
        }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (docs, cuts) => {
          const text = answer(
            [{ id: 'sub:é', rev: '1-a', ok: true }],
            [...docs, { name: 'أمل', note: '"}]\\' }],
          );
          const bytes = enc.encode(text);
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const c = new ChangeCounter();
          let from = 0;
          for (const to of [...at, bytes.length]) {
            c.feed(bytes.subarray(from, to));
            from = to;
          }
          expect(c.docs).toBe(docs.length + 1);
          expect(c.docs).toBe(count([text]));
        },
      ),
    );
  });
});
