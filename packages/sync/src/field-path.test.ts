import { describe, expect, it } from 'vitest';
import { escapeKey, getAt, parsePath, setAt } from './field-path.ts';
import { threeWayMerge } from './three-way-merge.ts';

describe('field paths', () => {
  const doc = {
    answers: {
      age: 30,
      events: [
        { _id: '01A', type: 'shelter' },
        { _id: '01B', type: 'medical' },
      ],
    },
  };

  it('parse keys and repeat items', () => {
    expect(parsePath('answers.events[01B].type')).toEqual([
      { key: 'answers' },
      { key: 'events' },
      { item: '01B' },
      { key: 'type' },
    ]);
    for (const bad of ['', '..', 'a[', 'a]b'])
      expect(() => parsePath(bad), bad).toThrow(/Invalid field path/);
  });

  it('read values by key and by item id', () => {
    expect(getAt(doc, 'answers.age')).toBe(30);
    expect(getAt(doc, 'answers.events[01B].type')).toBe('medical');
    expect(getAt(doc, 'answers.events[01Z].type')).toBeUndefined();
  });

  it('set, remove and append without touching the original', () => {
    expect(setAt(doc, 'answers.age', 31).answers.age).toBe(31);
    expect(setAt(doc, 'answers.events[01A].type', 'legal').answers.events[0]).toEqual({
      _id: '01A',
      type: 'legal',
    });
    expect(setAt(doc, 'answers.events[01A]', undefined).answers.events.map((e) => e._id)).toEqual(['01B']);
    expect(setAt(doc, 'answers.events[01C]', { _id: '01C', type: 'x' }).answers.events).toHaveLength(3);
    expect('age' in setAt(doc, 'answers.age', undefined).answers).toBe(false);
    expect(doc.answers.age).toBe(30);
  });

  it('keep a question name with a dot as one key, from the merge to a resolution (issue 17)', () => {
    const base = { answers: { 'q1.2': 'a', 'hh-size': 1, q1: { 2: 'not me' } } };
    const r = threeWayMerge(
      base,
      { answers: { ...base.answers, 'q1.2': 'b' } },
      { answers: { ...base.answers, 'q1.2': 'c' } },
    );
    expect(r.conflicts.map((c) => c.path)).toEqual(['answers.q1\\.2']);
    const resolved = setAt(r.merged, r.conflicts[0]!.path, 'b') as typeof base;
    expect(resolved.answers['q1.2']).toBe('b');
    expect(resolved.answers.q1).toEqual({ 2: 'not me' });
    expect(getAt(resolved, `answers.${escapeKey('a[b]\\c')}`)).toBeUndefined();
    expect(parsePath(`x.${escapeKey('a[b]\\c')}`)).toEqual([{ key: 'x' }, { key: 'a[b]\\c' }]);
  });
});
