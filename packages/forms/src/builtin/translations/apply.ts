import type { FormDefinition } from '../../definition.ts';
import { INITIAL_LANGUAGES } from '#builtin-languages';

/**
 * The languages the built-in forms carry beyond English and French (written inline with `t()`): in
 * Node all of them from the start; in the browser each one once `addFormLanguage` brought it.
 */
export const MORE_LANGUAGES: Record<string, Readonly<Record<string, string>>> = { ...INITIAL_LANGUAGES };

/** A LocalizedText: an object with an English text and only string values. */
function isText(v: unknown): v is Record<string, string> {
  return (
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    typeof (v as Record<string, unknown>).en === 'string' &&
    Object.values(v).every((x) => typeof x === 'string')
  );
}

function fill(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(fill);
  if (v === null || typeof v !== 'object') return v;
  if (isText(v)) {
    const out: Record<string, string> = { ...v };
    for (const [lang, dict] of Object.entries(MORE_LANGUAGES)) out[lang] ??= dict[v.en!] ?? '';
    for (const [lang, text] of Object.entries(out)) if (text === '') delete out[lang];
    return out;
  }
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
}

/**
 * The form with Arabic, Spanish and Russian filled into every text (title, labels, hints, messages,
 * choices) from the dictionaries, keyed by the English text; a text written inline wins. Keeping the
 * three languages in one file each lets a translator review a language in one place.
 */
export function withMoreLanguages(form: FormDefinition): FormDefinition {
  return fill(form) as FormDefinition;
}

/** Add one language to texts in place (a text that already has it keeps its own). */
function fillInPlace(v: unknown, lang: string, dict: Readonly<Record<string, string>>): void {
  if (Array.isArray(v)) {
    for (const x of v) fillInPlace(x, lang, dict);
    return;
  }
  if (v === null || typeof v !== 'object') return;
  if (isText(v)) {
    const text = dict[v.en!];
    if (v[lang] === undefined && text) v[lang] = text;
    return;
  }
  for (const x of Object.values(v)) fillInPlace(x, lang, dict);
}

/**
 * Give the built-in forms one more language, in place (the forms are shared objects every screen
 * already holds). Called by the browser's chunk of that language (apps/web/src/i18n/languages), so an
 * interviewer's first download carries no form dictionary it does not use. Idempotent.
 */
export function addLanguageTo(
  forms: Iterable<FormDefinition>,
  lang: string,
  dict: Readonly<Record<string, string>>,
): void {
  if (MORE_LANGUAGES[lang] === dict) return;
  MORE_LANGUAGES[lang] = dict;
  for (const form of forms) fillInPlace(form, lang, dict);
}
