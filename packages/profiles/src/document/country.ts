// Countries as ISO 3166-1 alpha-3 codes (i18n-iso-countries holds the list); names come from the
// runtime's Intl.DisplayNames, so they exist in every language the browser or Node knows.
import countries from 'i18n-iso-countries';

/** Is `code` an assigned ISO 3166-1 alpha-3 code (upper case, "KEN")? */
export const isAlpha3 = (code: string): boolean =>
  /^[A-Z]{3}$/.test(code) && countries.alpha3ToAlpha2(code) !== undefined;

/** An alpha-3 code from an alpha-3 or alpha-2 code (Eurostat's geo uses alpha-2, with EL for Greece). */
export function toAlpha3(code: string): string | undefined {
  const c = code.trim().toUpperCase();
  if (isAlpha3(c)) return c;
  if (/^[A-Z]{2}$/.test(c)) return countries.alpha2ToAlpha3(c === 'EL' ? 'GR' : c === 'UK' ? 'GB' : c);
  return undefined;
}

/** The alpha-2 code of an assigned alpha-3 code (KEN → KE), or undefined. */
export const toAlpha2 = (alpha3: string): string | undefined =>
  isAlpha3(alpha3) ? countries.alpha3ToAlpha2(alpha3) : undefined;

/** The country's name in a language (the code itself when the runtime has no name). */
export function countryName(alpha3: string, lang: string): string {
  const a2 = countries.alpha3ToAlpha2(alpha3);
  if (!a2) return alpha3;
  try {
    return new Intl.DisplayNames([lang, 'en'], { type: 'region' }).of(a2) ?? alpha3;
  } catch {
    return alpha3;
  }
}
