import type { FormDefinition } from '../definition.ts';
import { addLanguageTo } from './translations/apply.ts';

/**
 * Built-in forms by `id@version`, the key stored in every submission. In Node all three from the start;
 * in the browser the quick screening, then the Screening and Assistance once `loadCaseForms` brought
 * them (decision 207). One Map, filled in place, so a holder sees later additions.
 */
export const builtinForms: Map<string, FormDefinition> = new Map();

/** Register built-in forms (idempotent), in the order given after those already there. */
export function registerBuiltin(forms: readonly FormDefinition[]): void {
  for (const f of forms) {
    const key = `${f.id}@${f.version}`;
    if (!builtinForms.has(key)) builtinForms.set(key, f);
  }
}

/** Fill one more language into the built-in forms, in place (the browser's language chunks call it). */
export function addFormLanguage(lang: string, dict: Readonly<Record<string, string>>): void {
  addLanguageTo(builtinForms.values(), lang, dict);
}
