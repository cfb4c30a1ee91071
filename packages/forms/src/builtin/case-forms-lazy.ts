import type { FormDefinition } from '../definition.ts';

/**
 * The browser: the Screening and Assistance (≈ 8 KiB gzip with their code lists) are not in the
 * interview route's first download (issue 16, decision 207); `loadCaseForms` fetches them.
 */
export const INITIAL_CASE_FORMS: readonly FormDefinition[] = [];
