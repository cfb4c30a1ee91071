import { describe, expect, it } from 'vitest';
import { getAt, parsePath, setAt } from './field-path.ts';

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
});
