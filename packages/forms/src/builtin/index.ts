import type { FormDefinition } from '../definition.ts';
import { assistance as assistanceEnFr } from './assistance.ts';
import { quickScreening as quickScreeningEnFr } from './quick-screening.ts';
import { screening as screeningEnFr } from './screening.ts';
import { addLanguageTo, withMoreLanguages } from './translations/apply.ts';

/**
 * The built-in forms in the five UI languages: English and French inline, ar/es/ru from
 * ./translations (in the browser, added by each language's chunk through `addFormLanguage`).
 */
export const screening = withMoreLanguages(screeningEnFr);
export const assistance = withMoreLanguages(assistanceEnFr);
export const quickScreening = withMoreLanguages(quickScreeningEnFr);

/** Built-in forms by `id@version`, the key stored in every submission. */
export const builtinForms: ReadonlyMap<string, FormDefinition> = new Map(
  [quickScreening, screening, assistance].map((f) => [`${f.id}@${f.version}`, f]),
);

/** Fill one more language into the built-in forms, in place (the browser's language chunks call it). */
export function addFormLanguage(lang: string, dict: Readonly<Record<string, string>>): void {
  addLanguageTo([quickScreening, screening, assistance], lang, dict);
}
