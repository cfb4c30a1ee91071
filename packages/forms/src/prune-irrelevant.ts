import { evaluateForm } from './evaluate-form.ts';
import type { Answers, EvaluateOptions } from './evaluate-form.ts';
import type { FormDefinition } from './definition.ts';

/**
 * The answers as ODK would submit them: answers of questions that are not relevant removed and
 * calculations brought up to date. Call before saving a final submission (decision 013).
 */
export function pruneIrrelevant(form: FormDefinition, answers: Answers, opts: EvaluateOptions = {}): Answers {
  return evaluateForm(form, answers, opts).values;
}
