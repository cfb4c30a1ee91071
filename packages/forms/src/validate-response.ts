import { checkAnswer, isEmptyAnswer, toAtom } from './answer-values.ts';
import { compileForm } from './compile-form.ts';
import type { CompiledForm, FieldInfo } from './compile-form.ts';
import type { Choice, FormDefinition, LocalizedText, Question } from './definition.ts';
import { context, evaluateForm } from './evaluate-form.ts';
import type { Answers, EvaluateOptions } from './evaluate-form.ts';
import { toBool, toNum } from './expr/index.ts';
import type { EvalContext } from './expr/index.ts';
import { forEachInstance } from './instances.ts';

export type { Answers };

export type ValidationCode =
  | 'required'
  | 'type'
  | 'range'
  | 'choice'
  | 'length'
  | 'constraint'
  | 'unknown_field'
  | 'irrelevant_answer'
  | 'repeat_item'
  | 'repeat_count';

export interface ValidationIssue {
  /** Answer path: `prs_age`, or inside repeats `events[2].hte_Type` (0-based index into the array). */
  field: string;
  code: ValidationCode;
  /** In the requested language (default: the form's default language). */
  message: string;
  /** The author's constraint message in every language the form has. */
  messages?: LocalizedText;
}

export interface ValidateOptions extends EvaluateOptions {
  language?: string;
  /**
   * 'report' (default): an answer to a question that is not relevant is an `irrelevant_answer` issue,
   * because ODK never submits such values (decision 013). 'ignore': such answers are not checked;
   * use pruneIrrelevant() before storing.
   */
  irrelevant?: 'report' | 'ignore';
}

/**
 * Validate answers against a form with the same engine the renderer uses. Only relevant questions are
 * checked for required, type, choice and constraint. An empty list means the response is valid.
 */
export function validateResponse(
  form: FormDefinition,
  answers: Answers,
  opts: ValidateOptions = {},
): ValidationIssue[] {
  const compiled = compileForm(form);
  const lang = opts.language ?? form.defaultLanguage;
  const issues = checkStructure(compiled, answers);
  const state = evaluateForm(compiled, answers, opts);
  if (opts.irrelevant !== 'ignore') {
    for (const c of state.cleared)
      issues.push({
        field: c.path,
        code: 'irrelevant_answer',
        message: 'Answered, but the question does not apply given the other answers',
      });
  }
  for (const f of compiled.fields) {
    const n = f.node;
    if (n.type === 'group') continue;
    forEachInstance(state.values, f.repeats, (frame, positions, prefix) => {
      const rec = frame[frame.length - 1]!;
      const path = prefix + f.name;
      if (state.irrelevant.has(path)) return;
      if (n.type === 'repeat') {
        const count = Array.isArray(rec[f.name]) ? (rec[f.name] as unknown[]).length : 0;
        if (f.count) {
          // repeat_count fixes the number of entries; the device adds them, never removes answers.
          const want = toNum(f.count(context(frame, positions, state.today, '', opts)));
          if (Number.isInteger(want) && want >= 0 && count !== want)
            issues.push({ field: path, code: 'repeat_count', message: `Exactly ${want} needed` });
        }
        if (n.minCount !== undefined && count < n.minCount)
          issues.push({ field: path, code: 'repeat_count', message: `At least ${n.minCount} needed` });
        if (n.maxCount !== undefined && count > n.maxCount)
          issues.push({ field: path, code: 'repeat_count', message: `At most ${n.maxCount} allowed` });
        return;
      }
      const v = rec[f.name];
      const ctx = context(frame, positions, state.today, '', opts);
      const issue = checkQuestion(f, n, v, ctx, lang, form.defaultLanguage);
      if (issue) issues.push({ field: path, ...issue });
    });
  }
  return issues;
}

function checkQuestion(
  f: FieldInfo,
  q: Question,
  v: unknown,
  ctx: EvalContext,
  lang: string,
  fallback: string,
): Omit<ValidationIssue, 'field'> | null {
  if (isEmptyAnswer(v)) {
    if (!('required' in q && q.required && f.calculate === null)) return null;
    const messages = 'requiredMessage' in q ? q.requiredMessage : undefined;
    const message = messages?.[lang] ?? messages?.[fallback] ?? 'This question is required';
    return messages ? { code: 'required', message, messages } : { code: 'required', message };
  }
  // A calculated answer is recomputed here, so there is nothing of the submitter's to check.
  if (f.calculate !== null) return null;
  const problem = checkAnswer(q, v, offeredChoices(f, ctx));
  if (problem) return problem;
  if (f.constraint && !toBool(f.constraint({ ...ctx, current: toAtom(q, v) }))) {
    const messages = 'constraintMessage' in q ? q.constraintMessage : undefined;
    const message = messages?.[lang] ?? messages?.[fallback] ?? 'The answer is not allowed';
    return messages ? { code: 'constraint', message, messages } : { code: 'constraint', message };
  }
  return null;
}

/** The choices a select offers in this instance: all, or those its choice filter keeps. */
export function offeredChoices(f: FieldInfo, ctx: EvalContext): readonly Choice[] | null {
  const filter = f.choiceFilter;
  if (!filter || !f.choices) return f.choices;
  return f.choices.filter((c) => toBool(filter({ ...ctx, choice: { name: c.value, ...c.data } })));
}

/** Keys that are not questions of the record's scope, and repeat answers that are not lists of records with unique `_id`s. */
function checkStructure(compiled: CompiledForm, answers: Answers): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const scopes = new Map<string | null, Map<string, FieldInfo>>();
  for (const f of compiled.fields) {
    if (f.node.type === 'group') continue;
    const key = f.repeats.at(-1) ?? null;
    let m = scopes.get(key);
    if (!m) scopes.set(key, (m = new Map()));
    m.set(f.name, f);
  }
  const scopeOf = (repeat: string | null): ReadonlyMap<string, FieldInfo> => scopes.get(repeat) ?? new Map();
  const walk = (rec: Record<string, unknown>, repeat: string | null, prefix: string): void => {
    const scope = scopeOf(repeat);
    for (const key of Object.keys(rec)) {
      if (repeat !== null && key === '_id') continue;
      const f = scope.get(key);
      if (!f) {
        issues.push({ field: prefix + key, code: 'unknown_field', message: 'Not a question of this form' });
        continue;
      }
      if (f.node.type !== 'repeat' || rec[key] === undefined || rec[key] === null) continue;
      const items = rec[key];
      if (!Array.isArray(items)) {
        issues.push({
          field: prefix + key,
          code: 'repeat_item',
          message: 'Expected a list of repeat instances',
        });
        continue;
      }
      const ids = new Set<string>();
      items.forEach((item: unknown, i) => {
        const at = `${prefix}${key}[${i}]`;
        if (!item || typeof item !== 'object' || Array.isArray(item)) {
          issues.push({ field: at, code: 'repeat_item', message: 'Expected a record' });
          return;
        }
        const id = (item as Record<string, unknown>)._id;
        if (typeof id !== 'string' || id === '')
          issues.push({
            field: `${at}._id`,
            code: 'repeat_item',
            message: 'Each instance needs a non-empty _id',
          });
        else if (ids.has(id))
          issues.push({ field: `${at}._id`, code: 'repeat_item', message: `Duplicate instance id ${id}` });
        else ids.add(id);
        walk(item as Record<string, unknown>, key, `${at}.`);
      });
    }
  };
  walk(answers, null, '');
  return issues;
}
