import { describe, expect, it } from 'vitest';
import { searchCountries } from './country-search.ts';

const codes = (q: string, lang: string, limit?: number) =>
  searchCountries(q, lang, limit === undefined ? {} : { limit }).map((m) => m.code);

describe('searchCountries: what an interviewer types in the country field', () => {
  it('lists names that start with the text before names that only contain it (issue 16: "mal")', () => {
    const found = codes('mal', 'en');
    const starts = ['MLI', 'MWI', 'MYS', 'MDV', 'MLT'];
    expect(found.slice(0, 5).sort()).toEqual([...starts].sort());
    expect(found).toContain('GTM'); // Guatemala still listed, after them
    expect(found.indexOf('GTM')).toBeGreaterThan(4);
    expect(found.indexOf('SOM')).toBeGreaterThan(4);
  });

  it('puts the country whose ISO alpha-3 code was typed first, in any case', () => {
    expect(codes('NGA', 'en')[0]).toBe('NGA');
    expect(codes('nga', 'fr')[0]).toBe('NGA');
    expect(codes('civ', 'ar')[0]).toBe('CIV');
  });

  it('finds a country by its two-letter code and by a later word of its name', () => {
    expect(codes('NG', 'en')).toContain('NGA');
    expect(codes('new gui', 'en')).toEqual(['PNG']);
    expect(codes('guinea', 'en')).toContain('PNG');
  });

  it('names and searches in all five languages (Intl.DisplayNames, not an English list)', () => {
    expect(searchCountries('alle', 'fr')[0]).toEqual({ code: 'DEU', name: 'Allemagne' });
    expect(searchCountries('alem', 'es')[0]).toEqual({ code: 'DEU', name: 'Alemania' });
    expect(searchCountries('герм', 'ru')[0]).toEqual({ code: 'DEU', name: 'Германия' });
    expect(codes('نيجي', 'ar')).toContain('NGA');
    expect(codes('nigeria', 'ru')).toEqual([]); // Russian names, not English ones
  });

  it('ignores case and accents', () => {
    expect(codes('cote', 'fr')).toContain('CIV');
    expect(codes('  MALI ', 'en')[0]).toBe('MLI');
  });

  it('leaves out chosen countries, honours the limit, and returns nothing for blank or unknown text', () => {
    expect(searchCountries('mal', 'en', { exclude: ['MLI'] }).map((m) => m.code)).not.toContain('MLI');
    expect(codes('a', 'en', 12)).toHaveLength(12);
    expect(codes('   ', 'en')).toEqual([]);
    expect(codes('zzzz', 'en')).toEqual([]);
  });
});
