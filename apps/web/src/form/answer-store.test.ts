import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateResponse } from '@tern/forms';
import { screening, assistance } from '@tern/forms/case-forms';
import { AnswerStore } from './answer-store.ts';
import { benchAnswers, benchForm } from '../../bench/bench-form.ts';

const today = '2026-11-26';
let counter = 0;
const newId = () => `id-${++counter}`;

afterEach(() => vi.useRealTimers());

describe('AnswerStore', () => {
  it('shows ${name} in a label with the current answer and notifies the field when it changes', () => {
    const form = {
      id: 'o',
      version: '1',
      title: { en: 'O' },
      defaultLanguage: 'en',
      children: [
        { type: 'text' as const, name: 'who', label: { en: 'Name' } },
        { type: 'integer' as const, name: 'age', label: { en: 'How old is ${who}?' } },
      ],
    };
    const store = new AnswerStore(form, { today, validateDelayMs: 1e9 });
    const age = store.field([], 'age');
    let calls = 0;
    age.subscribe(() => calls++);
    expect(age.get().outputs).toEqual({ who: '' });
    store.field([], 'who').set('Ama');
    expect(calls).toBe(1);
    expect(age.get().outputs).toEqual({ who: 'Ama' });
    store.dispose();
  });

  it('notifies only the field typed in when nothing depends on it', () => {
    const store = new AnswerStore(benchForm(), { answers: benchAnswers(), today, validateDelayMs: 1e9 });
    const calls = new Map<string, number>();
    for (const f of store.compiled.fields) {
      if (f.repeats.length) continue;
      store.field([], f.name).subscribe(() => calls.set(f.name, (calls.get(f.name) ?? 0) + 1));
    }
    store.field([], 'q284').set('hello');
    expect([...calls]).toEqual([['q284', 1]]);
    expect(store.field([], 'q284').get().value).toBe('hello');
    store.dispose();
  });

  it('notifies the fields whose relevance changed, and keeps snapshots identical otherwise', () => {
    const store = new AnswerStore(screening, { today, validateDelayMs: 1e9 });
    const agreement = store.field([], 'vic_AgreementToManagePersonalData');
    const person = store.field([], 'person');
    const note = store.field([], 'no_consent_note');
    const seen: string[] = [];
    for (const h of [agreement, person, note]) h.subscribe(() => seen.push(h.key));
    const before = agreement.get();
    expect(before.relevant).toBe(false);
    store.field([], 'con_Consent').set('yes');
    expect(agreement.get().relevant).toBe(true);
    expect(person.get().relevant).toBe(true);
    expect(seen.sort()).toEqual(['person', 'vic_AgreementToManagePersonalData']);
    seen.length = 0;
    store.field([], 'prs_FirstName').set('Leila');
    expect(seen).toEqual([]);
    store.field([], 'con_Consent').set('no');
    expect(note.get().relevant).toBe(true);
    expect(agreement.get().relevant).toBe(false);
    store.dispose();
  });

  it('shows an error only after the field is touched or a save, validates after a pause, and clears it when fixed', () => {
    vi.useFakeTimers();
    const store = new AnswerStore(screening, { today, validateDelayMs: 300 });
    const date = store.field([], 'interview_date');
    date.subscribe(() => {});
    date.set('2099-01-01');
    vi.advanceTimersByTime(300);
    expect(date.get().error).toBeUndefined(); // not touched yet
    date.touch();
    expect(date.get().error).toBe('The interview date cannot be in the future');
    store.setLanguage('fr');
    expect(date.get().error).toBe("La date de l'entretien ne peut pas être dans le futur");
    date.set('2026-11-01');
    expect(date.get().error).toBeDefined(); // typing: checked after the pause
    vi.advanceTimersByTime(300);
    expect(date.get().error).toBeUndefined();
    store.dispose();
  });

  it('save() shows every error and returns the issues; a choice is checked at once', () => {
    const store = new AnswerStore(screening, { today, validateDelayMs: 1e9 });
    const consent = store.field([], 'con_Consent');
    consent.subscribe(() => {});
    const issues = store.save();
    expect(issues.map((i) => i.field)).toEqual(['interview_date', 'con_Consent']);
    expect(consent.get().error).toBe('This question is required');
    consent.set('no', true);
    expect(consent.get().error).toBeUndefined();
    store.dispose();
  });

  it('adds and removes repeat instances by id; fields keep their keys when an earlier instance goes', () => {
    const store = new AnswerStore(assistance, { today, newId, validateDelayMs: 1e9 });
    const repeat = store.field([], 'assistance_events');
    repeat.subscribe(() => {});
    const a = store.addInstance([], 'assistance_events');
    const b = store.addInstance([], 'assistance_events');
    expect(repeat.get().ids).toEqual([a, b]);
    const objectives = store.field([{ repeat: 'assistance_events', id: b }], 'spl_Objectives');
    objectives.set('Shelter');
    expect(store.pathOf([{ repeat: 'assistance_events', id: b }], 'spl_Objectives')).toBe(
      'assistance_events[1].spl_Objectives',
    );
    expect(store.instanceHasAnswers([], 'assistance_events', a)).toBe(false);
    expect(store.instanceHasAnswers([], 'assistance_events', b)).toBe(true);
    store.removeInstance([], 'assistance_events', a);
    expect(repeat.get().ids).toEqual([b]);
    expect(objectives.get().value).toBe('Shelter');
    expect(store.pathOf([{ repeat: 'assistance_events', id: b }], 'spl_Objectives')).toBe(
      'assistance_events[0].spl_Objectives',
    );
    store.removeInstance([], 'assistance_events', b);
    expect(store.getAnswers()).not.toHaveProperty('assistance_events');
    store.dispose();
  });

  it('never mutates answers it was given or handed out (an autosave in flight keeps its version)', () => {
    const store = new AnswerStore(assistance, { today, newId, validateDelayMs: 1e9 });
    const id = store.addInstance([], 'assistance_events');
    const before = store.getAnswers();
    const frozen = structuredClone(before);
    store.field([{ repeat: 'assistance_events', id }], 'spl_Objectives').set('x');
    expect(before).toEqual(frozen);
    expect(store.getAnswers()).not.toBe(before);
    store.dispose();
  });

  it('prunes answers of questions that are no longer relevant before saving, and the result validates', () => {
    const store = new AnswerStore(screening, { today, validateDelayMs: 1e9 });
    const set = (name: string, v: unknown) => store.field([], name).set(v);
    set('interview_date', '2026-11-20');
    set('con_Consent', 'yes');
    set('vic_AgreementToManagePersonalData', 'yes');
    set('prs_Gender', 'Feminine');
    set('age_stated', 40);
    set('prs_Birthdate', '1990-05-01'); // hides age_stated
    set('vic_TraffickingStatus', 'PossibleVictimOfTrafficking');
    set('eligible_for_assistance', 'yes');
    // Kept while filling (the branch may come back) …
    expect(store.getAnswers()).toHaveProperty('age_stated', 40);
    expect(store.save()).toEqual([]);
    // … but not saved: the server rejects answers to irrelevant questions.
    const pruned = store.prunedAnswers();
    expect(pruned).not.toHaveProperty('age_stated');
    expect(pruned).toMatchObject({ age_years: 36, is_minor: 'no' });
    expect(validateResponse(screening, pruned, { today })).toEqual([]);
    expect(validateResponse(screening, store.getAnswers(), { today }).map((i) => i.code)).toEqual([
      'irrelevant_answer',
    ]);
    store.dispose();
  });

  it('calls change listeners with every new version of the answers', () => {
    const store = new AnswerStore(screening, { today, validateDelayMs: 1e9 });
    const versions: unknown[] = [];
    const off = store.onChange((a) => versions.push(a));
    store.field([], 'notes').set('a');
    store.field([], 'notes').set('');
    off();
    store.field([], 'notes').set('b');
    expect(versions).toEqual([{ notes: 'a' }, {}]);
    expect(store.changes).toBe(3);
    store.dispose();
  });
});

describe('AnswerStore and XLSForm features (issue 17)', () => {
  it('adds repeat entries up to repeat_count and fills metadata on opening and saving', () => {
    const form = {
      id: 'rc',
      version: '1',
      title: { en: 'RC' },
      defaultLanguage: 'en',
      children: [
        { type: 'metadata' as const, name: 'start', kind: 'start' as const },
        { type: 'metadata' as const, name: 'end', kind: 'end' as const },
        { type: 'metadata' as const, name: 'who', kind: 'username' as const },
        { type: 'integer' as const, name: 'n', label: { en: 'N' } },
        {
          type: 'repeat' as const,
          name: 'kids',
          label: { en: 'Kids' },
          count: '${n}',
          children: [{ type: 'text' as const, name: 'kid', label: { en: 'Kid' } }],
        },
      ],
    };
    const store = new AnswerStore(form, { today, validateDelayMs: 1e9, newId, device: { username: 'ama' } });
    expect(store.getAnswers()).toMatchObject({ who: 'ama' });
    expect(store.getAnswers().start).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    store.field([], 'n').set(3);
    expect(store.field([], 'kids').get().ids).toHaveLength(3);
    store.field([], 'n').set(1);
    // Never removed by the count: the interviewer is told instead.
    expect(store.field([], 'kids').get().ids).toHaveLength(3);
    expect(store.save().map((i) => i.code)).toEqual(['repeat_count']);
    expect(store.prunedAnswers().end).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    store.dispose();
  });
});
