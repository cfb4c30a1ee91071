import anyAscii from 'any-ascii';
import { doubleMetaphone } from './talisman.ts';

/**
 * Names across scripts. any-ascii romanises Arabic, Cyrillic, Ge'ez, Vietnamese… into ASCII; Arabic
 * comes out without short vowels ("محمد" → "mhmd"), so two keys are kept per token besides the
 * romanised form: the **consonant skeleton** (ours: vowels, w and y dropped, the digraphs that
 * transliteration schemes disagree on folded) which makes Muhammad, Mohamed, Мухаммед and محمد
 * one key, and the **Double Metaphone** code (talisman) for Latin spelling variants.
 */
export interface NameToken {
  /** Romanised, lower case, a–z only. */
  readonly text: string;
  readonly skeleton: string;
  readonly metaphone: string;
}

// Order matters: longer digraphs first. Each pair is a spelling two romanisations use for one sound
// (Russian "дж"→dzh, Arabic "ج"→j, French "dj"; "х"/"خ" → kh, Latin h; Russian "г" for Arabic "ه").
const FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/dzh|dj|zh/g, 'j'],
  [/kh|gh/g, 'h'],
  [/sh|ch|tch|sch/g, 's'],
  [/ts|tz/g, 's'],
  // ث is th in Arabic romanisation and s in Turkish and Russian (Othman, Osman, Осман).
  [/th/g, 's'],
  [/dh/g, 'd'],
  [/ph/g, 'f'],
  [/ck|q|c/g, 'k'],
  [/x/g, 'ks'],
  [/z/g, 's'],
  [/g/g, 'h'],
  // Arabic و is a consonant (Walid, Darwish) written v in Cyrillic (Валид, Дарвиш), and a long vowel
  // (Yousef, يوسف → ywsf): v is w, and w is dropped but where it begins the token.
  [/v/g, 'w'],
];

/** The consonant skeleton of a romanised token (a–z). */
export function skeleton(token: string): string {
  let s = token;
  for (const [re, to] of FOLDS) s = s.replace(re, to);
  s = s[0] + s.slice(1).replace(/[aeiouyw]/g, '');
  s = s.replace(/^[aeiouy]/, '');
  s = s.replace(/(.)\1+/g, '$1');
  // A final h is the Arabic tā' marbūṭa (فاطمة → ftmh) or an optional Latin ending (Fatimah).
  if (s.length > 1) s = s.replace(/h$/, '');
  return s;
}

const ARTICLES = new Set(['al', 'el', 'ul', 'bin', 'ben', 'ibn', 'bint']);
// "bd" is عبد romanised without its ʿayn.
const JOINING = new Set(['abd', 'bd', 'abdel', 'abdul', 'abdal', 'abu', 'abou']);

/** Romanised lower-case tokens of a name in any script, articles dropped, "Abd al-X" joined. */
export function nameTokens(name: string): string[] {
  // The Arabic article "ال" is written joined to its noun (الحسن): drop it before romanising, as the
  // Latin "al-" is dropped below. Lām-lām (الله) keeps its own letters.
  const noArticle = name.normalize('NFC').replace(/(^|[\s-])ال(?=\p{Script=Arabic})/gu, '$1');
  // The tā' marbūṭa (ة) ends a word in a vowel (Hamza, Fatima): any-ascii writes it "h", which after a
  // z or s read as the digraphs zh and sh (حمزة → hmzh → skeleton hmj, not Hamza's hms). Written as
  // the alif it sounds like, it romanises to "a" (decision 218).
  const ascii = anyAscii(noArticle.replace(/ة/gu, 'ا')).toLowerCase();
  const raw = ascii
    .replace(/['`’ʻʼ]/g, '')
    .split(/[^a-z]+/)
    .filter((t) => t.length > 0);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let t = raw[i]!;
    if (ARTICLES.has(t) && i + 1 < raw.length) continue;
    if (JOINING.has(t) && i + 1 < raw.length) {
      let next = raw[i + 1]!;
      let skip = 1;
      if (ARTICLES.has(next) && i + 2 < raw.length) {
        next = raw[i + 2]!;
        skip = 2;
      }
      t = t + next;
      i += skip;
    }
    out.push(t);
  }
  return out;
}

export function tokenOf(text: string): NameToken {
  return { text, skeleton: skeleton(text), metaphone: doubleMetaphone(text)[0] };
}

/** The tokens of a name with their keys. */
export function normaliseName(name: string): NameToken[] {
  return nameTokens(name).map(tokenOf);
}
