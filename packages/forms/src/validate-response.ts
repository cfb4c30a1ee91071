import type { FormDefinition, Question } from './definition.ts';
import { questionsOf } from './definition.ts';

/** Answers of one submission, keyed by question name (names are unique within a form). */
export type Answers = Record<string, unknown>;

export interface ValidationIssue {
  field: string;
  code: 'required' | 'type' | 'range' | 'choice' | 'unknown_field' | 'length';
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function checkQuestion(q: Question, v: unknown): Omit<ValidationIssue, 'field'> | null {
  if (isEmpty(v)) return q.required ? { code: 'required', message: 'This question is required' } : null;
  switch (q.type) {
    case 'text':
      if (typeof v !== 'string') return { code: 'type', message: 'Expected text' };
      if (q.maxLength !== undefined && v.length > q.maxLength)
        return { code: 'length', message: `At most ${q.maxLength} characters` };
      return null;
    case 'integer':
      if (typeof v !== 'number' || !Number.isInteger(v))
        return { code: 'type', message: 'Expected a whole number' };
      if (q.min !== undefined && v < q.min) return { code: 'range', message: `Must be at least ${q.min}` };
      if (q.max !== undefined && v > q.max) return { code: 'range', message: `Must be at most ${q.max}` };
      return null;
    case 'date': {
      if (typeof v !== 'string' || !ISO_DATE.test(v) || Number.isNaN(Date.parse(v + 'T00:00:00Z')))
        return { code: 'type', message: 'Expected a date as YYYY-MM-DD' };
      const d = new Date(v + 'T00:00:00Z');
      if (d.toISOString().slice(0, 10) !== v) return { code: 'type', message: `${v} is not a calendar date` };
      return null;
    }
    case 'select_one':
      if (typeof v !== 'string') return { code: 'type', message: 'Expected one choice' };
      if (!q.choices.some((c) => c.value === v))
        return { code: 'choice', message: `"${v}" is not one of the choices` };
      return null;
    case 'select_multiple': {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
        return { code: 'type', message: 'Expected a list of choices' };
      const bad = v.find((x) => !q.choices.some((c) => c.value === x));
      if (bad !== undefined) return { code: 'choice', message: `"${bad}" is not one of the choices` };
      if (new Set(v).size !== v.length) return { code: 'choice', message: 'A choice is selected twice' };
      return null;
    }
  }
}

/** Validate answers against a form. An empty list means the response is valid. */
export function validateResponse(form: FormDefinition, answers: Answers): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const questions = questionsOf(form.children);
  const known = new Set(questions.map((q) => q.question.name));
  for (const { question } of questions) {
    const problem = checkQuestion(question, answers[question.name]);
    if (problem) issues.push({ field: question.name, ...problem });
  }
  for (const key of Object.keys(answers)) {
    if (!known.has(key))
      issues.push({ field: key, code: 'unknown_field', message: 'Not a question of this form' });
  }
  return issues;
}
