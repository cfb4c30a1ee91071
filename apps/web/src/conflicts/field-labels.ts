import { choiceFor, compileForm, countryName, localize } from '@tern/forms';
import { deviceForms } from '../forms-admin/device-forms.ts';
import type { CompiledForm, FieldInfo } from '@tern/forms';
import { parsePath } from '@tern/sync';

/**
 * Words for merge field paths (`answers.age`, `answers.events[01J…].type`): the question labels of
 * the record's form in a language, and answers with choice labels instead of codes. Used by the
 * device's "under review" note and by the admin's conflict table, so both name fields alike.
 * Answers are flat by question name (groups do not nest them); repeat instances are items with `_id`.
 */

function compiled(formKey: string | null | undefined): CompiledForm | null {
  const form = formKey ? deviceForms.get(formKey) : undefined;
  return form ? compileForm(form) : null;
}

type PathStep = ReturnType<typeof parsePath>[number];

function steps(path: string): PathStep[] | null {
  try {
    return parsePath(path);
  } catch {
    return null;
  }
}

/** The questions named along an `answers.…` path, outermost first; null when it is not an answer. */
function questionsOn(form: CompiledForm | null, path: string): Array<FieldInfo | string> | null {
  const s = steps(path);
  if (!s || !('key' in s[0]!) || s[0].key !== 'answers') return null;
  return s
    .slice(1)
    .filter((x): x is { key: string } => 'key' in x)
    .map((x) => form?.byName.get(x.key) ?? x.key);
}

const labelOf = (q: FieldInfo | string, lang: string, fallback: string) =>
  typeof q === 'string' ? q : localize(q.node.label, lang, fallback) || q.name;

/** "Assistance events › Type of assistance" for `answers.events[01J…].type`; the raw path otherwise. */
export function fieldLabel(formKey: string | null | undefined, path: string, lang: string): string {
  const form = compiled(formKey);
  const qs = questionsOn(form, path);
  if (!qs || qs.length === 0) return path;
  const fallback = form?.form.defaultLanguage ?? 'en';
  return qs.map((q) => labelOf(q, lang, fallback)).join(' › ');
}

/** An answer as a person reads it: choice labels, country names, repeat items as "label: value; …". */
export function answerText(
  formKey: string | null | undefined,
  path: string,
  value: unknown,
  lang: string,
): string {
  const form = compiled(formKey);
  const qs = questionsOn(form, path);
  const q = qs?.[qs.length - 1];
  return describe(form, typeof q === 'string' ? undefined : q, value, lang);
}

function describe(form: CompiledForm | null, q: FieldInfo | undefined, value: unknown, lang: string): string {
  if (value === undefined || value === null || value === '') return '';
  const fallback = form?.form.defaultLanguage ?? 'en';
  if (Array.isArray(value)) {
    // A repeat's instances, or a select_multiple / multiple country answer.
    return value.map((v) => describe(form, q, v, lang)).join(q?.node.type === 'repeat' ? ' | ' : ', ');
  }
  if (typeof value === 'object' && q?.node.type === 'media') {
    // A media answer: the file as the person named it, and its size.
    const f = value as { name?: unknown; size?: unknown };
    return `${String(f.name)} (${Math.max(1, Math.round(Number(f.size) / 1024))} KB)`;
  }
  if (typeof value === 'object') {
    // A repeat instance: each answer with its question's label.
    return Object.entries(value as Record<string, unknown>)
      .filter(([k]) => k !== '_id')
      .map(([k, v]) => {
        const sub = form?.byName.get(k);
        return `${sub ? labelOf(sub, lang, fallback) : k}: ${describe(form, sub, v, lang)}`;
      })
      .join('; ');
  }
  if (q?.node.type === 'country' && typeof value === 'string') return countryName(value, lang);
  const choice = q?.choices && typeof value === 'string' ? choiceFor(q.choices, value) : undefined;
  if (choice) return `${localize(choice.label, lang, fallback)}`;
  return String(value);
}

/** The question an `answers.…` path ends on, if the form knows it (to offer the right input). */
export function questionAt(formKey: string | null | undefined, path: string): FieldInfo | undefined {
  const qs = questionsOn(compiled(formKey), path);
  const q = qs?.[qs.length - 1];
  return typeof q === 'string' ? undefined : q;
}

/** A value typed by a person, as the question stores it (numbers for numbers, lists for multiple choices). */
export function parseTyped(q: FieldInfo | undefined, text: string): unknown {
  const s = text.trim();
  switch (q?.node.type) {
    case 'integer':
    case 'decimal':
      return s === '' || Number.isNaN(Number(s)) ? s : Number(s);
    case 'select_multiple':
      return s.split(/[\s,]+/).filter(Boolean);
    case 'country':
      return 'multiple' in q.node && q.node.multiple ? s.split(/[\s,]+/).filter(Boolean) : s;
    default:
      return s;
  }
}
