import { INITIAL_CASE_FORMS } from '#case-forms';
import { quickScreening as quickScreeningEnFr } from './quick-screening.ts';
import { registerBuiltin } from './registry.ts';
import { withMoreLanguages } from './translations/apply.ts';

/**
 * The built-in forms in the five UI languages: English and French inline, ar/es/ru from
 * ./translations (in the browser, added by each language's chunk through `addFormLanguage`).
 * The Screening and Assistance are exported by `@tern/forms/case-forms` (decision 207).
 */
export const quickScreening = withMoreLanguages(quickScreeningEnFr);
registerBuiltin([quickScreening, ...INITIAL_CASE_FORMS]);

export { addFormLanguage, builtinForms } from './registry.ts';

let loading: Promise<void> | null = null;

/**
 * Bring the Screening and Assistance into `builtinForms` (at once in Node, where they are there from
 * the start; in the browser a chunk the service worker precached). A failed fetch may be tried again.
 */
export function loadCaseForms(): Promise<void> {
  loading ??= import('./case-forms.ts').then(
    (m) => registerBuiltin(m.CASE_FORMS),
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

export { CASE_FORM_TITLES } from './case-form-titles.ts';
