import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countryChoices, countryName, isCountryCode } from './countries.ts';
import { localize, textDirection } from './text-direction.ts';

describe('countries', () => {
  it('ships the 249 ISO 3166-1 codes, alpha-3 to alpha-2', () => {
    expect(COUNTRY_CODES.size).toBe(249);
    expect(COUNTRY_CODES.get('NGA')).toBe('NG');
    expect(isCountryCode('CIV')).toBe(true);
    expect(isCountryCode('XXX')).toBe(false);
    expect(isCountryCode('NG')).toBe(false);
  });
  it('names countries in the requested language from Intl.DisplayNames, English included', () => {
    expect(countryName('CIV', 'en')).toBe('Côte d’Ivoire');
    expect(countryName('BOL', 'en')).toBe('Bolivia'); // not the ISO list's "Bolivia, Plurinational State of"
    expect(countryName('RUS', 'es')).toBe('Rusia');
    expect(countryName('DEU', 'fr')).toBe('Allemagne');
    expect(countryName('SYR', 'ar')).toBe('سوريا');
    expect(countryName('ZZZ', 'fr')).toBe('ZZZ');
  });
  it('builds choices once per language set', () => {
    const a = countryChoices(['en', 'fr']);
    expect(a).toBe(countryChoices(['en', 'fr']));
    expect(a.find((c) => c.value === 'GHA')?.label).toEqual({ en: 'Ghana', fr: 'Ghana' });
  });
});

describe('text direction and localisation', () => {
  it('Arabic is right to left, French left to right', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('ar-SY')).toBe('rtl');
    expect(textDirection('fr')).toBe('ltr');
  });
  it('falls back to the default language', () => {
    expect(localize({ en: 'Age', fr: 'Âge' }, 'ar', 'en')).toBe('Age');
    expect(localize({ en: 'Age', fr: 'Âge' }, 'fr', 'en')).toBe('Âge');
    expect(localize(undefined, 'fr', 'en')).toBe('');
  });
});
