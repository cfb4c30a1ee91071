import { isCountryCode } from './countries.ts';
import type { Choice, Question } from './definition.ts';
import { parseIsoDate } from './expr/index.ts';
import type { Atom } from './expr/index.ts';

/**
 * How stored answers look, per question type, and how expressions see them:
 * text → string; integer/decimal → number; date → 'YYYY-MM-DD'; select_one and country → the choice
 * value; select_multiple and multiple country → string[] (seen by expressions joined by one space);
 * calculate → string or number. A missing or empty answer is '' to expressions.
 */
export function isEmptyAnswer(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

export function toAtom(q: Question, v: unknown): Atom {
  if (v === undefined || v === null) return '';
  switch (q.type) {
    case 'date':
      return typeof v === 'string' ? (parseIsoDate(v) ?? v) : '';
    case 'select_multiple':
    case 'country':
      if (Array.isArray(v)) return v.join(' ');
      return typeof v === 'string' ? v : '';
    default:
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : '';
  }
}

export interface AnswerProblem {
  code: 'type' | 'range' | 'choice' | 'length';
  message: string;
}

const isMultiple = (q: Question): boolean =>
  q.type === 'select_multiple' || (q.type === 'country' && q.multiple === true);

/** Type, range and choice checks of one non-empty answer. `choices` are those offered (after any filter). */
export function checkAnswer(
  q: Question,
  v: unknown,
  choices: readonly Choice[] | null,
): AnswerProblem | null {
  switch (q.type) {
    case 'text':
      if (typeof v !== 'string') return { code: 'type', message: 'Expected text' };
      if (q.maxLength !== undefined && v.length > q.maxLength)
        return { code: 'length', message: `At most ${q.maxLength} characters` };
      return null;
    case 'integer':
    case 'decimal':
      if (typeof v !== 'number' || !Number.isFinite(v)) return { code: 'type', message: 'Expected a number' };
      if (q.type === 'integer' && !Number.isInteger(v))
        return { code: 'type', message: 'Expected a whole number' };
      if (q.min !== undefined && v < q.min) return { code: 'range', message: `Must be at least ${q.min}` };
      if (q.max !== undefined && v > q.max) return { code: 'range', message: `Must be at most ${q.max}` };
      return null;
    case 'date':
      if (typeof v !== 'string' || !parseIsoDate(v))
        return { code: 'type', message: 'Expected a calendar date as YYYY-MM-DD' };
      return null;
    case 'select_one':
    case 'select_multiple':
    case 'country': {
      const values = isMultiple(q) ? v : [v];
      if (!Array.isArray(values) || !values.every((x) => typeof x === 'string'))
        return {
          code: 'type',
          message: isMultiple(q) ? 'Expected a list of choices' : 'Expected one choice',
        };
      const offered = (x: string): boolean =>
        q.type === 'country' ? isCountryCode(x) : (choices ?? []).some((c) => c.value === x);
      const bad = values.find((x) => !offered(x));
      if (bad !== undefined) return { code: 'choice', message: `"${bad}" is not one of the choices` };
      if (new Set(values).size !== values.length)
        return { code: 'choice', message: 'A choice is selected twice' };
      return null;
    }
    case 'note':
      return { code: 'type', message: 'A note takes no answer' };
    case 'calculate':
      return typeof v === 'string' || typeof v === 'number'
        ? null
        : { code: 'type', message: 'Expected a calculated text or number' };
  }
}
