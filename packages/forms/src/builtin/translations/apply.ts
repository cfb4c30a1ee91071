import type { FormDefinition } from '../../definition.ts';
import { AR } from './ar.ts';
import { ES } from './es.ts';
import { RU } from './ru.ts';

/** The languages the built-in forms carry beyond English and French (written inline with `t()`). */
export const MORE_LANGUAGES: Readonly<Record<'ar' | 'es' | 'ru', Readonly<Record<string, string>>>> = {
  ar: AR,
  es: ES,
  ru: RU,
};

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
