import type { LocalizedText } from './definition.ts';

/** Scripts written right to left, by ISO 639-1 code (Arabic, Persian, Hebrew, Urdu, Pashto, Kurdish Sorani, Dhivehi, Yiddish). */
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'dv', 'yi']);

/** 'rtl' or 'ltr' for a language code such as 'ar' or 'ar-SY', for the renderer's `dir` attribute. */
export function textDirection(lang: string): 'rtl' | 'ltr' {
  return RTL.has(lang.toLowerCase().split('-')[0]!) ? 'rtl' : 'ltr';
}

/** The text in `lang`, else in the form's default language, else any language it has, else ''. */
export function localize(text: LocalizedText | undefined, lang: string, fallback: string): string {
  if (!text) return '';
  return text[lang] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}

/** Letters of the scripts written right to left: Hebrew to Arabic Extended, their presentation forms, and the RTL planes. */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const LETTER = /\p{L}/u;

/**
 * The direction of a text's first strongly directional character (a letter), as `dir="auto"` and the
 * Unicode bidi algorithm's paragraph rule (P2) read it; null for a text without letters ("12", "?").
 */
export function firstStrongDirection(text: string): 'rtl' | 'ltr' | null {
  for (const c of text) {
    if (!LETTER.test(c)) continue;
    return RTL_LETTER.test(c) ? 'rtl' : 'ltr';
  }
  return null;
}
