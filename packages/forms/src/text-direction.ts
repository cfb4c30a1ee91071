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
