import { jaroWinkler } from './talisman.ts';
import type { NameToken } from './normalise-name.ts';
import type { PreparedPerson } from './prepare.ts';

/**
 * The comparison of one field of a pair: its levels from disagreement (0) to the strongest agreement,
 * and a function giving the level of a pair, or -1 when either side lacks the field (a missing field
 * is neither evidence for nor against: its weight is 0, as in Splink's "null level").
 */
export interface Comparison {
  readonly field: string;
  readonly levels: readonly string[];
  readonly level: (a: PreparedPerson, b: PreparedPerson) => number;
}

/**
 * Two tokens name the same thing: same text (3); same skeleton or same Double Metaphone (2, they
 * sound alike); a Double Metaphone cut at its four letters, or Jaro–Winkler ≥ 0.88 (1, similar
 * spelling only).
 */
function tokenScore(a: NameToken, b: NameToken): number {
  if (a.text === b.text) return 3;
  if (a.skeleton === b.skeleton && a.skeleton.length > 1) return 2;
  // Double Metaphone codes stop at four letters: Bondaruk, Bondarov and Bondarenko are all PNTR.
  // A full code that agrees says the tokens sound alike; a cut one only that they begin alike.
  if (a.metaphone === b.metaphone && a.metaphone.length > 1) return a.metaphone.length < 4 ? 2 : 1;
  if (jaroWinkler(a.text, b.text) >= 0.88) return 1;
  return 0;
}

/**
 * How many tokens of the shorter name find a partner in the other, in any order (given and family
 * names swap between forms and missions), each partner used once, best partners first.
 */
function alignedTokens(
  a: readonly NameToken[],
  b: readonly NameToken[],
): { matched: number; bySpelling: number } {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  const used = new Uint8Array(l.length);
  let matched = 0;
  let bySpelling = 0;
  for (const t of s) {
    let best = -1;
    let bestScore = 0;
    for (let j = 0; j < l.length; j++) {
      if (used[j]) continue;
      const sc = tokenScore(t, l[j]!);
      if (sc > bestScore) {
        bestScore = sc;
        best = j;
        if (sc === 3) break;
      }
    }
    if (best >= 0) {
      used[best] = 1;
      matched++;
      if (bestScore === 1) bySpelling++;
    }
  }
  return { matched, bySpelling };
}

export const nameComparison: Comparison = {
  field: 'name',
  levels: [
    'no token agrees',
    'one token agrees',
    'most tokens agree',
    'every token agrees, one only by similar spelling',
    'every token agrees (sound or skeleton)',
    'same skeletons',
    'same name',
  ],
  level(a, b) {
    if (a.tokens.length === 0 || b.tokens.length === 0) return -1;
    if (a.exactKey === b.exactKey) return 6;
    if (a.skeletonKey === b.skeletonKey) return 5;
    const shorter = Math.min(a.tokens.length, b.tokens.length);
    const { matched: n, bySpelling } = alignedTokens(a.tokens, b.tokens);
    // Spelling alone (Jaro–Winkler) joins Bondaruk and Bondarov as readily as a typing slip: a level
    // of its own, so EM weighs it apart from tokens that sound or are written alike (decision 200).
    if (n === shorter && Math.abs(a.tokens.length - b.tokens.length) <= 1) return bySpelling > 0 ? 3 : 4;
    if (n >= 2 || (n === 1 && shorter === 1)) return 2;
    return n === 1 ? 1 : 0;
  },
};

/**
 * Dates of birth: estimates (± years), year-only and year-and-month dates, day/month swaps (03/04
 * read as 4 March by one mission and 3 April by another) and a year apart each have their own level,
 * so EM learns how much each is worth (decisions 200, 218). A field missing on either side is -1
 * (weight 0), never a level.
 */
export const birthDateComparison: Comparison = {
  field: 'birthDate',
  levels: [
    'far apart',
    'same year, another day',
    'a year apart',
    'within both estimates',
    'within the estimate',
    'same year, another month',
    'same year (a year-only date, no estimate)',
    'same year and month (no day on a side)',
    'day and month swapped',
    'same date',
  ],
  level(a, b) {
    const x = a.birth;
    const y = b.birth;
    if (!x || !y) return -1;
    const full = x.day !== undefined && y.day !== undefined;
    if (x.year === y.year && full) {
      if (x.month === y.month && x.day === y.day) return 9;
      if (x.month === y.day && x.day === y.month) return 8;
      // Two stated dates in one year that disagree: two people more often than one.
      return 1;
    }
    const apart = Math.abs(x.year - y.year);
    // An estimate on a side: within it (the same year included) is what an estimate is for, and is
    // worth as much whichever year in the window was written. Two estimates (two stated ages) can be
    // as far apart as both together: a level of its own, wider and so weaker.
    if (x.estimate > 0 || y.estimate > 0) {
      if (apart <= Math.max(x.estimate, y.estimate)) return 4;
      return apart <= x.estimate + y.estimate ? 3 : 0;
    }
    if (apart === 0) {
      // Stated in the same year, a day missing on a side: the month says more when both have one.
      if (x.month === undefined || y.month === undefined) return 6;
      return x.month === y.month ? 7 : 5;
    }
    return apart <= 1 ? 2 : 0;
  },
};

const equalField = (field: string, read: (p: PreparedPerson) => string | undefined): Comparison => ({
  field,
  levels: ['different', 'same'],
  level(a, b) {
    const x = read(a);
    const y = read(b);
    if (x === undefined || y === undefined) return -1;
    return x === y ? 1 : 0;
  },
});

export const sexComparison = equalField('sex', (p) => p.record.sex);
/** Citizenships: a dual citizen recorded with one of them by one mission and both by another agrees. */
export const citizenshipComparison: Comparison = {
  field: 'citizenship',
  levels: ['different', 'same'],
  level(a, b) {
    if (a.citizenships.size === 0 || b.citizenships.size === 0) return -1;
    for (const c of a.citizenships) if (b.citizenships.has(c)) return 1;
    return 0;
  },
};

export const placeComparison: Comparison = {
  field: 'placeOfBirth',
  levels: ['different', 'similar spelling', 'same skeletons', 'same'],
  level(a, b) {
    if (a.place === undefined || b.place === undefined) return -1;
    if (a.place === b.place) return 3;
    // Written in two scripts or two romanisations (Kassala, كسلا): the skeletons agree (decision 206).
    if (a.placeSkeleton === b.placeSkeleton) return 2;
    return jaroWinkler(a.place, b.place) >= 0.85 ? 1 : 0;
  },
};

export const relativesComparison: Comparison = {
  field: 'relatives',
  levels: ['no family name shared', 'a family name shared'],
  level(a, b) {
    if (a.relatives.size === 0 || b.relatives.size === 0) return -1;
    for (const r of a.relatives) if (b.relatives.has(r)) return 1;
    return 0;
  },
};

/** The comparison vector of the model, in this order. */
export const COMPARISONS: readonly Comparison[] = [
  nameComparison,
  birthDateComparison,
  sexComparison,
  citizenshipComparison,
  placeComparison,
  relativesComparison,
];
