import { describe, expect, it } from 'vitest';
import { evaluateForm } from './evaluate-form.ts';
import { pruneIrrelevant } from './prune-irrelevant.ts';
import { tripForm } from './test-forms.ts';
import { validateResponse } from './validate-response.ts';

const today = '2024-03-15';
const v = (answers: Record<string, unknown>, opts = {}) =>
  validateResponse(tripForm, answers, { today, ...opts });
const codes = (answers: Record<string, unknown>) => v(answers).map((i) => `${i.field}:${i.code}`);

describe('validateResponse', () => {
  it('accepts a complete valid response', () => {
    expect(
      v({
        consent: 'yes',
        age: 30,
        seen_on: '2024-03-15',
        citizenship: ['NGA', 'GHA'],
        home: 'NGA',
        home_city: 'lagos',
        events: [{ _id: 'a', event_type: 'Exploitation', days: 10, places: [{ _id: 'p', place: 'farm' }] }],
      }),
    ).toEqual([]);
  });

  it('checks required only where relevant', () => {
    expect(codes({})).toEqual(['consent:required']);
    expect(codes({ consent: 'no' })).toEqual([]);
    expect(codes({ consent: 'yes' })).toEqual(['age:required']);
    expect(codes({ consent: 'yes', age: 12 })).toEqual(['guardian:required']); // via the calculated is_minor
    expect(codes({ consent: 'yes', age: 12, guardian: 'aunt' })).toEqual([]);
  });

  it('uses the constraint message in the requested language', () => {
    const [issue] = v({ consent: 'yes', age: 130 }, { language: 'fr' });
    expect(issue).toMatchObject({
      field: 'age',
      code: 'constraint',
      message: "L'âge doit être entre 0 et 120",
    });
    expect(issue?.messages?.en).toBe('Age must be between 0 and 120');
  });

  it('rejects a date in the future of the given today', () => {
    expect(codes({ consent: 'yes', age: 30, seen_on: '2024-03-16' })).toEqual(['seen_on:constraint']);
    expect(codes({ consent: 'yes', age: 30, seen_on: '2024-02-30' })).toEqual(['seen_on:type']);
  });

  it('reports answers to irrelevant questions, or ignores them when asked', () => {
    expect(codes({ consent: 'no', age: 200 })).toEqual(['age:irrelevant_answer']);
    expect(v({ consent: 'no', age: 200 }, { irrelevant: 'ignore' })).toEqual([]);
    expect(codes({ consent: 'no', events: [{ _id: 'a', event_type: 'Transit' }] })).toEqual([
      'events:irrelevant_answer',
    ]);
    expect(pruneIrrelevant(tripForm, { consent: 'no', age: 200 }, { today })).toEqual({
      consent: 'no',
      total_days: 0,
    });
  });

  it('checks types, choices, countries and unknown fields', () => {
    expect(codes({ consent: 'maybe' })).toEqual(['consent:choice']);
    expect(codes({ consent: 'yes', age: '30' })).toEqual(['age:type']);
    expect(codes({ consent: 'yes', age: 33.5 })).toEqual(['age:type']);
    expect(codes({ consent: 'yes', age: 30, citizenship: ['XXX'] })).toEqual(['citizenship:choice']);
    expect(codes({ consent: 'yes', age: 30, citizenship: 'NGA' })).toEqual(['citizenship:type']);
    expect(codes({ consent: 'yes', age: 30, home: 'NGA', extra: 1 })).toEqual(['extra:unknown_field']);
  });

  it('rejects a choice its choice filter does not offer', () => {
    expect(codes({ consent: 'yes', age: 30, home: 'GHA', home_city: 'lagos' })).toEqual(['home_city:choice']);
    expect(codes({ consent: 'yes', age: 30, home: 'GHA', home_city: 'accra' })).toEqual([]);
  });

  it('validates inside repeats with indexed paths and per-instance relevance', () => {
    const answers = {
      consent: 'yes',
      age: 30,
      events: [
        { _id: 'a', event_type: 'Recruitment' },
        { _id: 'b', event_type: 'Exploitation' },
        { _id: 'c', event_type: 'Exploitation', days: 0 },
        { _id: 'd', event_type: 'Transit', days: 4 },
      ],
    };
    expect(codes(answers)).toEqual([
      'events[3].days:irrelevant_answer',
      'events:repeat_count',
      'events[1].days:required',
      'events[2].days:constraint',
    ]);
  });

  it('validates nested repeats, reading the enclosing instance', () => {
    const answers = {
      consent: 'yes',
      age: 30,
      events: [
        { _id: 'a', event_type: 'Transit', places: [{ _id: 'x', place: 'home' }] },
        { _id: 'b', event_type: 'Recruitment', places: [{ _id: 'y', place: 'home' }] },
      ],
    };
    expect(codes(answers)).toEqual(['events[0].places[0].place:constraint']);
  });

  it('checks repeat instance shape and ids', () => {
    expect(codes({ consent: 'yes', age: 30, events: 'x' })).toContain('events:repeat_item');
    expect(codes({ consent: 'yes', age: 30, events: [{ event_type: 'Transit' }] })).toEqual([
      'events[0]._id:repeat_item',
    ]);
    expect(
      codes({
        consent: 'yes',
        age: 30,
        events: [
          { _id: 'a', event_type: 'Transit' },
          { _id: 'a', event_type: 'Transit', bogus: 1 },
        ],
      }),
    ).toEqual(['events[1]._id:repeat_item', 'events[1].bogus:unknown_field']);
  });
});

describe('evaluateForm', () => {
  it('computes calculations per instance and across repeats, in dependency order', () => {
    const s = evaluateForm(
      tripForm,
      {
        consent: 'yes',
        age: 17,
        events: [
          { _id: 'a', event_type: 'Exploitation', days: 5 },
          { _id: 'b', event_type: 'Exploitation', days: 7 },
          { _id: 'c', event_type: 'Transit' },
        ],
      },
      { today },
    );
    expect(s.values.is_minor).toBe('yes');
    expect(s.values.total_days).toBe(12);
    expect((s.values.events as Array<Record<string, unknown>>).map((e) => e.event_no)).toEqual([1, 2, 3]);
    expect(s.isRelevant('guardian')).toBe(true);
    expect(s.isRelevant('events[2].days')).toBe(false);
    expect(s.isRelevant('many')).toBe(true);
  });
  it('does not change the caller’s answers', () => {
    const answers = { consent: 'no', age: 5, events: [{ _id: 'a', event_type: 'Transit' }] };
    const before = structuredClone(answers);
    evaluateForm(tripForm, answers, { today });
    expect(answers).toEqual(before);
  });
  it('blanks everything inside an irrelevant group', () => {
    const s = evaluateForm(tripForm, { consent: 'no', age: 12, guardian: 'x' }, { today });
    expect(s.irrelevant.has('person')).toBe(true);
    expect(s.irrelevant.has('guardian')).toBe(true);
    expect(s.values).toEqual({ consent: 'no', total_days: 0 });
    expect(s.cleared.map((c) => c.path)).toEqual(['age', 'guardian']);
  });
});
