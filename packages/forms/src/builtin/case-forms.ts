import type { FormDefinition } from '../definition.ts';
import { assistance as assistanceEnFr } from './assistance.ts';
import { screening as screeningEnFr } from './screening.ts';
import { withMoreLanguages } from './translations/apply.ts';

/**
 * The case forms (Screening, Assistance) with their HTCDS code lists, in every language brought so
 * far (a language chunk loaded later fills itself in through `addFormLanguage`). In the browser this
 * module is its own chunk, fetched with the cases screens or when a case form is chosen (decision 207).
 */
export const screening: FormDefinition = withMoreLanguages(screeningEnFr);
export const assistance: FormDefinition = withMoreLanguages(assistanceEnFr);
export const CASE_FORMS: readonly FormDefinition[] = [screening, assistance];
