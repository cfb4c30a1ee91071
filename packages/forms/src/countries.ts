import { COUNTRY_CODES } from './country-codes.ts';
import { COUNTRY_NAMES_EN } from '#country-names-fallback';
import type { Choice, LocalizedText } from './definition.ts';

export { COUNTRY_CODES };

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

function namer(lang: string): Intl.DisplayNames | null {
  let n = displayNames.get(lang);
  if (n === undefined) {
    try {
      n = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    } catch {
      n = null; // a runtime without full ICU: fall back to the English ISO names
    }
    displayNames.set(lang, n);
  }
  return n;
}

/**
 * The country's name in `lang` from Intl.DisplayNames (CLDR: the short names people use, "Bolivia",
 * "Russia", in all five UI languages), else — in Node only — the English ISO 3166 name (a runtime
 * without full ICU), else the code. The browser carries no English list (decision 207).
 */
export function countryName(alpha3: string, lang: string): string {
  const alpha2 = COUNTRY_CODES.get(alpha3);
  if (alpha2 === undefined) return alpha3;
  return namer(lang)?.of(alpha2) ?? COUNTRY_NAMES_EN[alpha3] ?? alpha3;
}

const choiceCache = new Map<string, Choice[]>();

/** The country list as choices labelled in the given languages (cached per language set). */
export function countryChoices(languages: readonly string[]): Choice[] {
  const key = languages.join(',');
  let list = choiceCache.get(key);
  if (!list) {
    list = [...COUNTRY_CODES.keys()].map((code) => {
      const label: LocalizedText = {};
      for (const lang of languages) label[lang] = countryName(code, lang);
      return { value: code, label };
    });
    choiceCache.set(key, list);
  }
  return list;
}
