import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluateForm } from '@tern/forms';
import type { FormDefinition } from '@tern/forms';
import { AnswerStore } from './answer-store.ts';
import type { FieldHandle } from './answer-store.ts';
import { benchAnswers, benchForm } from '../../bench/bench-form.ts';

// A keystroke refreshes only what the changed answer can reach (decision 225): these tests watch
// which mounted fields are notified and check that what they show is still right.

const today = '2026-12-03';
afterEach(() => vi.useRealTimers());

const l = (en: string) => ({ en });
const chain: FormDefinition = {
  id: 'chain',
  version: '1',
  title: l('Chain'),
  defaultLanguage: 'en',
  children: [
    { type: 'integer', name: 'a', label: l('A') },
    { type: 'calculate', name: 'b', calculate: '${a} + 1' },
    { type: 'calculate', name: 'c', label: l('C'), calculate: '${b} * 2' },
    { type: 'note', name: 'shows_c', label: l('C is ${c}') },
    { type: 'text', name: 'free', label: l('Free'), constraint: 'string-length(.) < 3' },
    { type: 'text', name: 'gated', label: l('Gated'), relevant: '${c} > 10' },
    {
      type: 'repeat',
      name: 'kids',
      label: l('Kids'),
      children: [
        { type: 'text', name: 'kid_name', label: l('Name') },
        { type: 'text', name: 'kid_note', label: l('Note about ${kid_name}') },
      ],
    },
  ],
};

/** Subscribe to every handle; returns the keys notified since the last call. */
function watch(handles: FieldHandle[]): () => string[] {
  let seen: string[] = [];
  for (const h of handles) h.subscribe(() => seen.push(h.key));
  return () => {
    const out = seen.sort();
    seen = [];
    return out;
  };
}

describe('AnswerStore: what a change refreshes', () => {
  it('a calculation chain updates to its end, with the text and the relevance that read it', () => {
    const store = new AnswerStore(chain, { today, validateDelayMs: 1e9 });
    const names = ['a', 'b', 'c', 'shows_c', 'free', 'gated'];
    const h = Object.fromEntries(names.map((n) => [n, store.field([], n)]));
    const notified = watch(Object.values(h));
    h.a!.set(2);
    // b = 3, c = 6: c and the note showing it change; gated stays hidden; free is not touched.
    expect(h.c!.get().value).toBe(6);
    expect(h.shows_c!.get().outputs).toEqual({ c: '6' });
    expect(notified()).toEqual(['a', 'b', 'c', 'shows_c']);
    h.a!.set(5);
    expect(h.c!.get().value).toBe(12);
    expect(h.gated!.get().relevant).toBe(true);
    expect(notified()).toEqual(['a', 'b', 'c', 'gated', 'shows_c']);
    h.free!.set('xy');
    expect(notified()).toEqual(['free']);
    expect(store.getAnswers()).toEqual({ a: 5, free: 'xy' });
    store.dispose();
  });

  it('typing in one repeat entry notifies that field and the text in the same entry that shows it', () => {
    const store = new AnswerStore(chain, {
      today,
      validateDelayMs: 1e9,
      answers: { kids: [{ _id: 'k1' }, { _id: 'k2' }, { _id: 'k3' }] },
    });
    const handles = ['k1', 'k2', 'k3'].flatMap((id) => [
      store.field([{ repeat: 'kids', id }], 'kid_name'),
      store.field([{ repeat: 'kids', id }], 'kid_note'),
    ]);
    const notified = watch([...handles, store.field([], 'a'), store.field([], 'kids')]);
    store.field([{ repeat: 'kids', id: 'k2' }], 'kid_name').set('Bo');
    expect(notified()).toEqual(['kids#k2/kid_name', 'kids#k2/kid_note']);
    expect(store.field([{ repeat: 'kids', id: 'k2' }], 'kid_note').get().outputs).toEqual({ kid_name: 'Bo' });
    expect(store.field([{ repeat: 'kids', id: 'k1' }], 'kid_note').get().outputs).toEqual({ kid_name: '' });
    store.dispose();
  });

  it('on the benchmark form a keystroke in a text field notifies it alone, and the state equals a full evaluation', () => {
    const form = benchForm();
    const store = new AnswerStore(form, { answers: benchAnswers(), today, validateDelayMs: 1e9 });
    const rep = store.field([], 'rep').get().ids;
    const handles = store.compiled.fields
      .filter((f) => f.repeats.length === 0)
      .map((f) => store.field([], f.name))
      .concat(rep.flatMap((id) => ['r_text', 'r_int'].map((n) => store.field([{ repeat: 'rep', id }], n))));
    const notified = watch(handles);
    const scope = [{ repeat: 'rep', id: rep[39]! }];
    for (const text of ['a', 'ab', 'abc']) store.field(scope, 'r_text').set(text);
    expect(notified()).toEqual(Array(3).fill(`rep#${rep[39]}/r_text`));
    // The integer that three questions' relevance reads: they are refreshed, and hidden.
    store.field([], 'q285').set(200000);
    expect(notified()).toEqual(['q285', 'q296']);
    expect(store.field([], 'q296').get().relevant).toBe(false);
    const full = evaluateForm(form, store.getAnswers(), { today });
    for (const f of ['q284', 'q296', 'rep']) expect(store.isRelevant([], f)).toBe(full.isRelevant(f));
    store.dispose();
  });

  it('validation after a pause runs once for a run of keystrokes and refreshes only fields whose message changed', () => {
    vi.useFakeTimers();
    const store = new AnswerStore(chain, { today, validateDelayMs: 300 });
    const free = store.field([], 'free');
    const a = store.field([], 'a');
    const notified = watch([free, a]);
    free.touch();
    expect(notified()).toEqual([]); // valid: no message, nothing to refresh
    for (const text of ['x', 'xy', 'xyz', 'xyzw']) {
      free.set(text);
      vi.advanceTimersByTime(100);
    }
    expect(vi.getTimerCount()).toBe(1); // one pending validation, moved on by each keystroke
    expect(free.get().error).toBeUndefined();
    notified();
    vi.advanceTimersByTime(199);
    expect(free.get().error).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(free.get().error).toBeDefined();
    expect(notified()).toEqual(['free']);
    expect(vi.getTimerCount()).toBe(0);
    store.dispose();
  });

  it('a select with a choice filter is refreshed with the choices offered when what the filter reads changes', () => {
    const form: FormDefinition = {
      id: 'cities',
      version: '1',
      title: l('Cities'),
      defaultLanguage: 'en',
      choiceLists: {
        city: [
          { value: 'lagos', label: l('Lagos'), data: { country: 'NGA' } },
          { value: 'abuja', label: l('Abuja'), data: { country: 'NGA' } },
          { value: 'accra', label: l('Accra'), data: { country: 'GHA' } },
        ],
      },
      children: [
        {
          type: 'select_one',
          name: 'country',
          label: l('Country'),
          choices: [
            { value: 'NGA', label: l('Nigeria') },
            { value: 'GHA', label: l('Ghana') },
          ],
        },
        {
          type: 'select_one',
          name: 'city',
          label: l('City'),
          choiceList: 'city',
          choiceFilter: 'country = ${country}',
        },
      ],
    };
    const store = new AnswerStore(form, { today, validateDelayMs: 1e9 });
    const city = store.field([], 'city');
    const notified = watch([city, store.field([], 'country')]);
    const before = city.getFrame();
    store.field([], 'country').set('GHA', true);
    expect(notified()).toEqual(['city', 'country']);
    expect(city.getFrame()).not.toBe(before);
    expect(store.choicesOf([], 'city').map((c) => c.value)).toEqual(['accra']);
    store.field([], 'country').set('NGA', true);
    expect(store.choicesOf([], 'city').map((c) => c.value)).toEqual(['lagos', 'abuja']);
    expect(notified()).toEqual(['city', 'country']);
    store.dispose();
  });

  it('a form whose calculation reads the clock refreshes every field on every change', () => {
    const form: FormDefinition = {
      ...chain,
      id: 'clock',
      children: [
        ...chain.children,
        { type: 'calculate', name: 'stamp', label: l('Now'), calculate: 'now()' },
      ],
    };
    const store = new AnswerStore(form, { today, validateDelayMs: 1e9 });
    const stamp = store.field([], 'stamp');
    stamp.subscribe(() => {});
    const first = stamp.get().value;
    vi.useFakeTimers({ now: Date.parse('2030-01-01T00:00:00Z') });
    store.field([], 'free').set('x');
    expect(stamp.get().value).not.toBe(first);
    expect(stamp.get().value).toBe('2030-01-01T00:00:00.000Z');
    store.dispose();
  });
});

describe('AnswerStore: a new day under an open form', () => {
  it('refreshes every field when today() has moved on since the last change', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // today() is the date at UTC+14 (the first place where a day starts): 23:59 there, then 00:01.
    vi.setSystemTime(new Date('2026-12-03T09:59:00Z'));
    const daily: FormDefinition = {
      id: 'daily',
      version: '1',
      title: l('Daily'),
      defaultLanguage: 'en',
      children: [
        { type: 'text', name: 'free', label: l('Free') },
        {
          type: 'text',
          name: 'after',
          label: l('After'),
          relevant: "format-date(today(), '%Y-%m-%d') = '2026-12-04'",
        },
      ],
    };
    // No fixed day: the store reads the clock, as on a tablet.
    const store = new AnswerStore(daily, { validateDelayMs: 1e9 });
    const free = store.field([], 'free');
    const after = store.field([], 'after');
    expect(after.get().relevant).toBe(false);
    const notified = watch([free, after]);
    free.set('x');
    expect(notified()).toEqual(['free']);
    // Past midnight, a keystroke in a field nothing reads: the form is evaluated for the new day and
    // the field whose relevance reads today() shows it.
    vi.setSystemTime(new Date('2026-12-03T10:01:00Z'));
    free.set('xy');
    expect(after.get().relevant).toBe(true);
    expect(notified()).toEqual(['after', 'free']);
  });
});
