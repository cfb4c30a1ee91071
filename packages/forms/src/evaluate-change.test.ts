import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileForm } from './compile-form.ts';
import type { FormDefinition } from './definition.ts';
import { changeReach } from './dependents.ts';
import { evaluateChange } from './evaluate-change.ts';
import type { RecordPath } from './evaluate-change.ts';
import { evaluateForm } from './evaluate-form.ts';
import type { Answers, FormState } from './evaluate-form.ts';
import { tripForm } from './test-forms.ts';

const l = (en: string) => ({ en });

/** A calculation chain, a text showing its end, and a question nothing reads. */
const chainForm: FormDefinition = {
  id: 'chain',
  version: '1',
  title: l('Chain'),
  defaultLanguage: 'en',
  children: [
    { type: 'integer', name: 'a', label: l('A') },
    { type: 'calculate', name: 'b', calculate: '${a} + 1' },
    { type: 'calculate', name: 'c', calculate: '${b} * 2' },
    { type: 'note', name: 'shows_c', label: l('C is ${c}') },
    { type: 'text', name: 'free', label: l('Free text') },
    { type: 'text', name: 'gated', label: l('Gated'), relevant: '${c} > 10' },
    {
      type: 'repeat',
      name: 'kids',
      label: l('Kids'),
      children: [
        { type: 'text', name: 'kid_name', label: l('Name') },
        { type: 'integer', name: 'kid_age', label: l('Age'), relevant: '${a} != 99' },
        { type: 'text', name: 'kid_note', label: l('Note about ${kid_name}') },
      ],
    },
    { type: 'calculate', name: 'kid_ages', calculate: 'sum(${kid_age})' },
  ],
};

const names = (s: ReadonlySet<string> | undefined) => [...(s ?? [])].sort();

describe('changeReach: what one answer can change', () => {
  const trip = compileForm(tripForm);
  const chain = compileForm(chainForm);

  it('follows a calculation chain and the relevance that reads its end', () => {
    const r = changeReach(chain, 'a')!;
    expect(names(r.evaluated)).toEqual(['b', 'c', 'gated', 'kid_age', 'kid_ages']);
    // The note shows ${c}: refreshed, not evaluated.
    expect(names(r.shown)).toEqual(['a', 'b', 'c', 'gated', 'kid_age', 'kid_ages', 'shows_c']);
  });

  it('a question nothing reads reaches only itself', () => {
    expect(names(changeReach(chain, 'free')!.evaluated)).toEqual([]);
    expect(names(changeReach(chain, 'free')!.shown)).toEqual(['free']);
    expect(names(changeReach(trip, 'guardian')!.shown)).toEqual(['guardian']);
  });

  it('a text that shows the answer is refreshed, nothing evaluated', () => {
    const r = changeReach(chain, 'kid_name')!;
    expect(names(r.evaluated)).toEqual([]);
    expect(names(r.shown)).toEqual(['kid_name', 'kid_note']);
  });

  it('a group or repeat whose relevance changes takes what is inside it along', () => {
    const r = changeReach(trip, 'consent')!;
    for (const n of ['person', 'age', 'is_minor', 'guardian', 'events', 'days', 'places', 'place', 'many'])
      expect(r.evaluated.has(n), n).toBe(true);
    expect(r.evaluated.has('consent')).toBe(false);
  });

  it('relevance inside a repeat and a sum outside it', () => {
    const r = changeReach(trip, 'event_type')!;
    expect(names(r.evaluated)).toEqual(['days', 'total_days']);
    // The place's constraint reads the event type: its message may change, nothing is evaluated.
    expect(r.shown.has('place')).toBe(true);
  });

  it('a choice filter is refreshed, not evaluated', () => {
    const r = changeReach(trip, 'home')!;
    expect(names(r.evaluated)).toEqual([]);
    expect(r.shown.has('home_city')).toBe(true);
  });

  it('a repeat count reads its names as evaluation', () => {
    const form: FormDefinition = {
      ...chainForm,
      id: 'count',
      children: [
        { type: 'integer', name: 'n', label: l('N') },
        {
          type: 'repeat',
          name: 'r',
          label: l('R'),
          count: '${n}',
          children: [{ type: 'text', name: 't', label: l('T') }],
        },
      ],
    };
    expect(names(changeReach(compileForm(form), 'n')!.evaluated)).toEqual(['r', 't']);
  });

  it('the clock or chance in an evaluated expression makes every change reach everything', () => {
    const withNow: FormDefinition = {
      ...chainForm,
      id: 'now',
      children: [...chainForm.children, { type: 'calculate', name: 'stamp', calculate: 'now()' }],
    };
    expect(changeReach(compileForm(withNow), 'free')).toBeNull();
    // once(uuid()) keeps its first value: not volatile.
    const withOnce: FormDefinition = {
      ...chainForm,
      id: 'once',
      children: [...chainForm.children, { type: 'calculate', name: 'id', calculate: 'once(uuid())' }],
    };
    expect(names(changeReach(compileForm(withOnce), 'free')!.evaluated)).toEqual([]);
    // In a constraint it is never evaluated with the form: not volatile either.
    const inConstraint: FormDefinition = {
      ...chainForm,
      id: 'constraint-now',
      children: [{ type: 'date', name: 'd', label: l('D'), constraint: '. <= now()' }, ...chainForm.children],
    };
    expect(changeReach(compileForm(inConstraint), 'free')).not.toBeNull();
  });
});

// ---- evaluateChange equals evaluateForm, on random edits ----

function setAt(root: Answers, at: RecordPath, name: string, value: unknown): Answers {
  if (at.length === 0) {
    const next = { ...root };
    if (value === undefined) delete next[name];
    else next[name] = value;
    return next;
  }
  const [head, ...rest] = at;
  const items = (root[head!.repeat] as Answers[]).slice();
  items[head!.index] = setAt(items[head!.index]!, rest, name, value);
  return { ...root, [head!.repeat]: items };
}

/** Every (path, name) a question of `form` has in `answers`: one per entry of the repeats around it. */
function slots(form: FormDefinition, answers: Answers): Array<{ at: RecordPath; name: string }> {
  const compiled = compileForm(form);
  const out: Array<{ at: RecordPath; name: string }> = [];
  for (const f of compiled.fields) {
    const t = f.node.type;
    if (t === 'group' || t === 'repeat' || t === 'calculate' || t === 'note') continue;
    const walk = (rec: Answers, depth: number, at: RecordPath): void => {
      if (depth === f.repeats.length) {
        out.push({ at, name: f.name });
        return;
      }
      const rep = f.repeats[depth]!;
      const items = rec[rep];
      if (Array.isArray(items))
        items.forEach((it, index) => walk(it as Answers, depth + 1, [...at, { repeat: rep, index }]));
    };
    walk(answers, 0, []);
  }
  return out;
}

const POOL: Record<string, unknown[]> = {
  consent: ['yes', 'no', undefined],
  age: [5, 17, 18, 40, 'x', undefined],
  guardian: ['Ama', '', undefined],
  seen_on: ['2024-01-02', undefined],
  citizenship: [['NGA'], ['GHA', 'NGA'], undefined],
  home: ['NGA', 'GHA', undefined],
  home_city: ['lagos', 'accra', undefined],
  event_type: ['Recruitment', 'Transit', 'Exploitation', undefined],
  days: [1, 3, 10, undefined],
  place: ['home', 'Kano', undefined],
  total_days: [2, undefined],
  a: [1, 4, 5, 99, undefined],
  free: ['x', 'xy', undefined],
  gated: ['g', undefined],
  kid_name: ['Ada', 'Bo', undefined],
  kid_age: [3, 12, undefined],
  kid_note: ['n', undefined],
};

const tripAnswers: Answers = {
  consent: 'yes',
  age: 12,
  events: [
    { _id: 'e1', event_type: 'Exploitation', days: 4, places: [{ _id: 'p1', place: 'home' }] },
    { _id: 'e2', event_type: 'Transit', places: [{ _id: 'p2' }, { _id: 'p3', place: 'Kano' }] },
  ],
};
const chainAnswers: Answers = { a: 1, kids: [{ _id: 'k1', kid_name: 'Ada', kid_age: 4 }, { _id: 'k2' }] };

function comparable(s: FormState) {
  return {
    values: s.values,
    irrelevant: [...s.irrelevant].sort(),
    cleared: s.cleared.map((c) => c.path).sort(),
    today: s.today.days,
  };
}

describe('evaluateChange', () => {
  for (const [form, start] of [
    [tripForm, tripAnswers],
    [chainForm, chainAnswers],
  ] as const) {
    it(`gives what evaluating ${form.id} again gives, over random edits`, () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 25 }), (edits) => {
          const opts = { today: '2024-06-01' };
          let answers = start;
          let state = evaluateForm(form, answers, opts);
          for (const [i, j] of edits) {
            const all = slots(form, answers);
            const slot = all[i % all.length]!;
            const pool = POOL[slot.name] ?? ['v', undefined];
            answers = setAt(answers, slot.at, slot.name, pool[j % pool.length]);
            state = evaluateChange(state, answers, slot.at, slot.name, opts);
            expect(comparable(state)).toEqual(comparable(evaluateForm(form, answers, opts)));
          }
        }),
        { numRuns: 150 },
      );
    });
  }

  it('shares every record the change did not touch', () => {
    const opts = { today: '2024-06-01' };
    const before = evaluateForm(chainForm, chainAnswers, opts);
    const at = [{ repeat: 'kids', index: 1 }];
    const after = evaluateChange(before, setAt(chainAnswers, at, 'kid_name', 'Bo'), at, 'kid_name', opts);
    const kids = (s: FormState) => s.values.kids as Answers[];
    expect(kids(after)[1]!.kid_name).toBe('Bo');
    expect(kids(after)[0]).toBe(kids(before)[0]);
    expect(kids(before)[1]!.kid_name).toBeUndefined();
  });

  it('evaluates again when the answer is read elsewhere, or the day changed', () => {
    const before = evaluateForm(chainForm, chainAnswers, { today: '2024-06-01' });
    const next = setAt(chainAnswers, [], 'a', 7);
    const after = evaluateChange(before, next, [], 'a', { today: '2024-06-01' });
    expect(after.values.c).toBe(16);
    expect(after.isRelevant('gated')).toBe(true);
    const nextDay = evaluateChange(before, setAt(chainAnswers, [], 'free', 'x'), [], 'free', {
      today: '2024-06-02',
    });
    expect(nextDay.today.toString()).toBe('2024-06-02');
  });

  it('a hidden question is not shown its answer in the evaluated values', () => {
    const opts = { today: '2024-06-01' };
    const start = { ...chainAnswers, a: 99 };
    const before = evaluateForm(chainForm, start, opts);
    const at = [{ repeat: 'kids', index: 0 }];
    const after = evaluateChange(before, setAt(start, at, 'kid_age', 7), at, 'kid_age', opts);
    expect((after.values.kids as Answers[])[0]!.kid_age).toBeUndefined();
    expect(after.cleared.map((c) => c.path)).toEqual(['kids[0].kid_age']);
  });
});
