import { compileForm } from '@tern/forms';
import { deviceForms } from '../forms-admin/device-forms.ts';
import { answerText, fieldLabel } from '../conflicts/field-labels.ts';

/** One answer as a reviewer reads it: the question's label and the answer in words, in one language. */
export interface AnswerLine {
  name: string;
  label: string;
  text: string;
}

/** One answer that differs between two versions of a record. */
export interface AnswerChange {
  name: string;
  label: string;
  before: string;
  after: string;
}

const SHOWN_NOT = new Set(['group', 'note', 'calculate', 'metadata', 'hidden']);

/**
 * The question names of a form in document order, top level only (answers are flat by question name;
 * a repeat's own questions are shown inside its answer). A form the device does not know lists the
 * answers' own keys, in their order, so nothing is hidden from a reviewer.
 */
function questionNames(formKey: string, answers: Record<string, unknown>): string[] {
  const form = deviceForms.get(formKey);
  if (!form) return Object.keys(answers);
  const fields = compileForm(form).fields;
  const names = fields
    .filter((f) => f.repeats.length === 0 && !SHOWN_NOT.has(f.node.type))
    .map((f) => f.name);
  // Calculations and metadata are the form's own bookkeeping: known, not shown.
  const known = new Set(fields.map((f) => f.name));
  // Answers of questions the form no longer has (an older version's) are shown last, by name.
  return [...names, ...Object.keys(answers).filter((k) => !known.has(k))];
}

const empty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The answered questions of a record, labelled, with choice labels instead of codes. */
export function answerLines(formKey: string, answers: Record<string, unknown>, lang: string): AnswerLine[] {
  return questionNames(formKey, answers)
    .filter((name) => !empty(answers[name]))
    .map((name) => ({
      name,
      label: fieldLabel(formKey, `answers.${name}`, lang),
      text: answerText(formKey, `answers.${name}`, answers[name], lang),
    }));
}

/** Stable text of a value (object keys sorted) to compare two versions of an answer. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

/** Whether two sets of answers say the same thing (an empty answer and no answer are the same). */
export function sameAnswers(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (empty(a[k]) && empty(b[k])) continue;
    if (canonical(a[k]) !== canonical(b[k])) return false;
  }
  return true;
}

/** The answers that differ between a previous version and this one, in the form's order, labelled. */
export function answerChanges(
  formKey: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  lang: string,
): AnswerChange[] {
  const names = questionNames(formKey, { ...before, ...after });
  return names
    .filter((name) => {
      const [a, b] = [before[name], after[name]];
      return !(empty(a) && empty(b)) && canonical(a) !== canonical(b);
    })
    .map((name) => ({
      name,
      label: fieldLabel(formKey, `answers.${name}`, lang),
      before: answerText(formKey, `answers.${name}`, before[name], lang),
      after: answerText(formKey, `answers.${name}`, after[name], lang),
    }));
}
