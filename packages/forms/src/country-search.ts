import { COUNTRY_CODES } from './country-codes.ts';
import { countryName } from './countries.ts';

export interface CountryMatch {
  /** ISO 3166-1 alpha-3, what the answer stores. */
  code: string;
  /** The name in the search language. */
  name: string;
}

/** Case and accents do not count: "cote" finds "Côte d’Ivoire", and Arabic vowel marks are ignored. */
function fold(text: string, lang: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(lang);
}

interface Entry extends CountryMatch {
  folded: string;
  alpha2: string;
}
const entries = new Map<string, Entry[]>();

function entriesFor(lang: string): Entry[] {
  let list = entries.get(lang);
  if (!list) {
    const collator = new Intl.Collator(lang);
    list = [...COUNTRY_CODES].map(([code, alpha2]) => {
      const name = countryName(code, lang);
      return { code, alpha2, name, folded: fold(name, lang) };
    });
    list.sort((a, b) => collator.compare(a.name, b.name));
    entries.set(lang, list);
  }
  return list;
}

/**
 * Countries matching what was typed, best first (issue 16: "mal" lists Mali, Malawi, Malaysia,
 * Maldives, Malta before Guatemala and Somalia):
 * 0. the ISO alpha-3 code typed in full ("NGA");
 * 1. the name starts with the text;
 * 2. a later word of the name starts with it ("guinea" → Papua New Guinea), or the ISO alpha-2 code;
 * 3. the name contains it.
 * Alphabetical (in `lang`) within each rank. `exclude` leaves out countries already chosen.
 */
export function searchCountries(
  query: string,
  lang: string,
  options: { limit?: number; exclude?: readonly string[] } = {},
): CountryMatch[] {
  const q = fold(query.trim(), lang);
  if (q === '') return [];
  const upper = query.trim().toUpperCase();
  const exclude = new Set(options.exclude ?? []);
  const ranked: [number, Entry][] = [];
  for (const e of entriesFor(lang)) {
    if (exclude.has(e.code)) continue;
    let rank: number;
    if (e.code === upper) rank = 0;
    else if (e.folded.startsWith(q)) rank = 1;
    else if (e.alpha2 === upper || e.folded.split(/[\s\-‐(),’']+/u).some((w) => w.startsWith(q))) rank = 2;
    else if (e.folded.includes(q)) rank = 3;
    else continue;
    ranked.push([rank, e]);
  }
  // A stable sort keeps the alphabetical order inside each rank.
  ranked.sort((a, b) => a[0] - b[0]);
  return ranked.slice(0, options.limit ?? ranked.length).map(([, e]) => ({ code: e.code, name: e.name }));
}
