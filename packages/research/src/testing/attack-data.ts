import { AGE_BANDS } from '../rows/age-band.ts';
import type { ResearchRow } from '../rows/research-row.ts';
import { prng, weighted } from '../synthetic/prng.ts';

/**
 * The adversarial test's data (issue 13): a seeded background of cases with shares loosely like
 * CTDC's, and planted people who are unique on their quasi-identifiers — each has a citizenship shared
 * by thousands and a country of exploitation no one else of that citizenship was taken to. Their type
 * of exploitation (the secret) is drawn uniformly among `SECRETS`, independently of everything else,
 * so an attacker who learns nothing about a planted person guesses right one time in four.
 */
export const SECRETS = ['SexualExploitation', 'ForcedLabour', 'ForcedMarriage', 'Servitude'] as const;
export const BASE_RATE = 1 / SECRETS.length;

/** What the attacker knows of each planted person: every single-valued dimension but the secret. */
export const KNOWN = [
  'citizenship',
  'exploitationCountry',
  'gender',
  'ageBand',
  'year',
  'mission',
  'recruiterRelationship',
  'traffickingStatus',
] as const;
export type Known = (typeof KNOWN)[number];

export interface Target {
  known: Record<Known, string>;
  secret: string;
}

export const MISSIONS = ['mission-a', 'mission-b', 'mission-c'];
const BIG = ['UA', 'PH', 'MD', 'ID', 'KH', 'NG'];
const SMALL = ['MM', 'BY', 'GH', 'VN', 'ET', 'BD', 'HT', 'NP', 'SN', 'ML', 'GT', 'HN', 'LA', 'SY'];
const DESTINATIONS = [
  'US',
  'RU',
  'TH',
  'MY',
  'TR',
  'AE',
  'SA',
  'LY',
  'IT',
  'PL',
  'MX',
  'GB',
  'DE',
  'JP',
  'KR',
  'QA',
];
/** Each citizenship is taken to its own six of the destinations; planted people go to one of the others. */
const routes = (cit: string) => {
  const h = [...cit].reduce((a, c) => a * 31 + c.charCodeAt(0), 7);
  return Array.from({ length: 6 }, (_, i) => DESTINATIONS[(h + i * 5) % DESTINATIONS.length]!);
};
export const CATEGORIES: Record<Known, string[]> = {
  citizenship: [...BIG, ...SMALL, 'unknown'],
  exploitationCountry: [...DESTINATIONS, 'unknown'],
  gender: ['Feminine', 'Masculine', 'TransgenderFeminine', 'NonSpecifiedUnknown', 'unknown'],
  ageBand: [...AGE_BANDS, 'unknown'],
  year: ['2019', '2020', '2021', '2022', '2023', '2024', '2025', 'unknown'],
  mission: MISSIONS,
  recruiterRelationship: ['Familial', 'Acquainted', 'Unaquainted', 'unknown'],
  traffickingStatus: [
    'ActualVictimOfTrafficking',
    'PossibleVictimOfTrafficking',
    'NotAVictimOfTrafficking',
    'unknown',
  ],
};

const hex = (rand: () => number) =>
  Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

function person(rand: () => number, secret: string, known: Record<Known, string>): ResearchRow {
  return {
    ref: hex(rand),
    recordKey: Math.floor(rand() * 2 ** 32),
    ...known,
    exploitation: [secret],
    labourSector: secret === 'ForcedLabour' ? pick(rand, ['C_Manufacturing', 'F_Construction']) : null,
    sexExploitation: secret === 'SexualExploitation' ? ['Prostitution'] : [],
    meansOfControl: ['DebtBondage', 'FalsePromises', 'PhysicalAbuse'].filter(() => rand() < 0.3),
    assistance: ['Health', 'Legal', 'Financial'].filter(() => rand() < 0.3),
    recruitmentCountry: known.citizenship,
    transitCountries: [],
  };
}

function knownOf(rand: () => number, citizenship: string, country: string): Record<Known, string> {
  return {
    citizenship,
    exploitationCountry: country,
    gender: weighted(rand, [
      ['Feminine', 70],
      ['Masculine', 28],
      ['TransgenderFeminine', 1],
      ['NonSpecifiedUnknown', 1],
    ]),
    ageBand: weighted(
      rand,
      AGE_BANDS.map((b, i) => [b, [3, 14, 16, 14, 12, 10, 18, 9, 4][i]!] as const),
    ),
    year: String(2019 + Math.floor(rand() * 7)),
    mission: pick(rand, MISSIONS),
    recruiterRelationship: weighted(rand, [
      ['Familial', 20],
      ['Acquainted', 45],
      ['Unaquainted', 25],
      ['unknown', 10],
    ]),
    traffickingStatus: weighted(rand, [
      ['ActualVictimOfTrafficking', 60],
      ['PossibleVictimOfTrafficking', 32],
      ['NotAVictimOfTrafficking', 8],
    ]),
  };
}

export function attackData(o: { background: number; planted: number; seed: number }): {
  rows: ResearchRow[];
  targets: Target[];
} {
  const rand = prng(o.seed);
  const rows: ResearchRow[] = [];
  for (let i = 0; i < o.background; i++) {
    const cit = rand() < 0.8 ? pick(rand, BIG) : pick(rand, SMALL);
    const secret = weighted(rand, [
      ['SexualExploitation', 48],
      ['ForcedLabour', 40],
      ['ForcedMarriage', 6],
      ['Servitude', 6],
    ]);
    rows.push(
      person(
        rand,
        secret,
        knownOf(
          rand,
          cit,
          weighted(
            rand,
            routes(cit).map((c, k) => [c, 6 - k] as const),
          ),
        ),
      ),
    );
  }
  const pairs = BIG.flatMap((cit) =>
    DESTINATIONS.filter((d) => !routes(cit).includes(d)).map((d) => [cit, d] as const),
  );
  if (o.planted > pairs.length) throw new Error(`at most ${pairs.length} planted people`);
  const targets: Target[] = [];
  for (const k of shuffle(
    rand,
    pairs.map((_, i) => i),
  ).slice(0, o.planted)) {
    const [cit, country] = pairs[k]!;
    const known = knownOf(rand, cit, country);
    const secret = pick(rand, SECRETS);
    rows.push(person(rand, secret, known));
    targets.push({ known, secret });
  }
  return { rows, targets };
}

export function shuffle<T>(rand: () => number, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}
