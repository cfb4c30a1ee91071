import type { PersonRecord } from '../person.ts';
import { seededRandom } from '../random.ts';
import { type NameForms, type Origin, ORIGINS } from './names.ts';
import { PLACE_FORMS } from './places.ts';

/** How a record was written: what the generator planted (the matcher never reads it). */
export interface Planted {
  readonly script: 'latin' | 'arabic' | 'cyrillic';
  readonly misspelt: boolean;
  /** Family name first. */
  readonly swapped: boolean;
  readonly dob: 'full' | 'day-month-swapped' | 'year-only' | 'estimate' | 'year-month' | 'missing';
}

/** A record of the evaluation set: `identity` and `planted` are the truth the matcher never reads. */
export interface EvaluationRecord extends PersonRecord {
  readonly identity: number;
  readonly planted: Planted;
}

export interface EvaluationSet {
  readonly records: readonly EvaluationRecord[];
  readonly identities: number;
  /** Identities met by more than one mission (planted duplicates). */
  readonly duplicated: number;
  /** Identities planted as a sibling of another (a near miss: same family, parents and place). */
  readonly siblings: number;
  /** The truth about each identity (by `identity`), for the evaluation's breakdown only. */
  readonly truth: readonly IdentityTruth[];
}

export interface IdentityTruth {
  /** Given and family names in their commonest Latin spelling. */
  readonly name: string;
  readonly sex: 'female' | 'male';
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly place: string;
  /** The first citizenship (ISO alpha-3). */
  readonly country: string;
  readonly motherFamily: string;
}

export interface EvaluationOptions {
  readonly seed: number;
  readonly records: number;
  readonly missions?: number;
}

interface Identity {
  readonly id: number;
  readonly origin: Origin;
  readonly sex: 'female' | 'male';
  readonly given: readonly NameForms[];
  readonly family: NameForms;
  /** The father's given name, written between given and family name in Arabic naming (nasab). */
  readonly father: NameForms;
  readonly motherFamily: NameForms;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly country: string;
  /** A second citizenship (a few people hold two), written by some missions and not others. */
  readonly secondCountry?: string;
  readonly place: string;
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
/** Zipf-like: index k drawn with weight 1/(k+1)^s, so the first names of a pool are common. */
function zipf<T>(r: Rand, xs: readonly T[], s = 1): T {
  const h = xs.reduce((acc, _, k) => acc + (k + 1) ** -s, 0);
  let x = r() * h;
  for (let k = 0; k < xs.length; k++) {
    x -= (k + 1) ** -s;
    if (x < 0) return xs[k]!;
  }
  return xs[xs.length - 1]!;
}
/**
 * Family names: Arabic families are often named after an ancestor, so the pool is the family names
 * and the men's names together; every pool is drawn with a flatter tail (s = 0.7) than given names.
 */
const familyPool = (o: Origin): readonly NameForms[] =>
  o.id === 'arabic' ? [...o.family, ...o.male] : o.family;
const ORIGIN_WEIGHTS = [0.4, 0.25, 0.2, 0.15];

function newIdentity(r: Rand, id: number): Identity {
  let x = r();
  let o = 0;
  while (x >= ORIGIN_WEIGHTS[o]! && o < ORIGINS.length - 1) x -= ORIGIN_WEIGHTS[o++]!;
  const origin = ORIGINS[o]!;
  const sex = r() < 0.55 ? 'female' : 'male';
  const [country, places] = pick(r, origin.countries);
  const others = origin.countries.filter(([c]) => c !== country);
  const second = r() < 0.04 && others.length > 0 ? pick(r, others)[0] : undefined;
  return {
    id,
    origin,
    sex,
    given: givenNames(r, origin, sex),
    family: zipf(r, familyPool(origin), 0.7),
    father: zipf(r, origin.male),
    motherFamily: zipf(r, familyPool(origin), 0.7),
    year: 1965 + Math.floor(r() * 45),
    month: 1 + Math.floor(r() * 12),
    day: 1 + Math.floor(r() * 28),
    country,
    ...(second !== undefined && { secondCountry: second }),
    place: pick(r, places),
  };
}

function givenNames(
  r: Rand,
  origin: Origin,
  sex: 'female' | 'male',
  not?: readonly NameForms[],
): NameForms[] {
  const pool = sex === 'female' ? origin.female : origin.male;
  for (let attempt = 0; attempt < 20; attempt++) {
    const first = zipf(r, pool);
    const names =
      origin.givenCount === 2
        ? [
            first,
            pick(
              r,
              pool.filter((f) => f !== first),
            ),
          ]
        : [first];
    if (!not || names[names.length - 1] !== not[not.length - 1]) return names;
  }
  return [pool[pool.length - 1]!];
}

/** A brother or sister: same family name, same parents, same place; another given name and date. */
function sibling(r: Rand, of: Identity, id: number): Identity {
  const sex = r() < 0.5 ? 'female' : 'male';
  const gap = (1 + Math.floor(r() * 8)) * (r() < 0.5 ? -1 : 1);
  return {
    ...of,
    id,
    sex,
    given: givenNames(r, of.origin, sex, of.given),
    year: of.year + gap,
    month: 1 + Math.floor(r() * 12),
    day: 1 + Math.floor(r() * 28),
  };
}

type Script = 'latin' | 'arabic' | 'cyrillic';
function script(r: Rand, o: Origin): Script {
  const x = r();
  if (o.id === 'arabic') return x < 0.5 ? 'latin' : x < 0.8 ? 'arabic' : 'cyrillic';
  if (o.id === 'east-slavic') return x < 0.55 ? 'latin' : 'cyrillic';
  return 'latin';
}
function write(r: Rand, f: NameForms, s: Script): string {
  if (s === 'arabic' && f.arabic) return f.arabic;
  if (s === 'cyrillic' && f.cyrillic) return f.cyrillic;
  return r() < 0.5 ? f.latin[0]! : pick(r, f.latin);
}

/** One typing mistake: a letter dropped, doubled, replaced by a vowel, or two letters swapped. */
function misspell(r: Rand, word: string): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(r() * (word.length - 2));
  const kind = Math.floor(r() * 4);
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + word[i] + word.slice(i);
  if (kind === 2) return word.slice(0, i) + pick(r, ['a', 'e', 'i', 'o', 'u']) + word.slice(i + 1);
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

const pad = (x: number) => String(x).padStart(2, '0');

/**
 * Citizenships as a mission records them (HTCDS prs_Citizenship, several allowed): a dual citizen's
 * both or either one; 2% a citizenship the person claimed or the interviewer picked wrongly.
 */
function citizenships(r: Rand, p: Identity): string | string[] {
  if (r() < 0.02)
    return pick(
      r,
      ORIGINS.flatMap((o) => o.countries.map(([c]) => c)),
    );
  if (p.secondCountry === undefined) return p.country;
  const x = r();
  return x < 0.5 ? [p.country, p.secondCountry] : x < 0.8 ? p.country : p.secondCountry;
}

/** The place in the record's script where it has a local name (places.ts), a Latin one misspelt 10%. */
function writePlace(r: Rand, place: string, s: Script): string {
  const forms = PLACE_FORMS[place];
  if (s === 'arabic' && forms?.arabic) return forms.arabic;
  if (s === 'cyrillic' && forms?.cyrillic) return forms.cyrillic;
  return r() < 0.1 ? misspell(r, place) : place;
}

type Birth = Pick<PersonRecord, 'birthDate' | 'birthDateEstimateYears'> & { dob: Planted['dob'] };
function birth(r: Rand, p: Identity): Birth {
  const x = r();
  if (x < 0.55) return { birthDate: `${p.year}-${pad(p.month)}-${pad(p.day)}`, dob: 'full' };
  if (x < 0.63 && p.day <= 12 && p.day !== p.month)
    return { birthDate: `${p.year}-${pad(p.day)}-${pad(p.month)}`, dob: 'day-month-swapped' };
  if (x < 0.75) return { birthDate: `${p.year}`, dob: 'year-only' };
  if (x < 0.87) {
    const off = Math.floor(r() * 5) - 2;
    return { birthDate: `${p.year + off}`, birthDateEstimateYears: 2, dob: 'estimate' };
  }
  if (x < 0.9) return { birthDate: `${p.year}-${pad(p.month)}`, dob: 'year-month' };
  return { dob: 'missing' };
}

function render(r: Rand, p: Identity, id: string, mission: string): EvaluationRecord {
  const s = script(r, p.origin);
  let given = p.given.map((g) => write(r, g, s));
  let family = write(r, p.family, s);
  const misspelt = s === 'latin' && r() < 0.15;
  if (misspelt) {
    if (r() < 0.5) family = misspell(r, family);
    else given = given.map((g, k) => (k === 0 ? misspell(r, g) : g));
  }
  // Arabic names are often recorded with the father's name (Omar Khalid Haddad), often not.
  if (p.origin.id === 'arabic' && r() < 0.6) given = [...given, write(r, p.father, s)];
  const swapped = r() < 0.25;
  const parts = swapped ? [family, ...given] : [...given, family];
  const { dob, ...date } = birth(r, p);
  return {
    id,
    mission,
    identity: p.id,
    planted: { script: s, misspelt, swapped, dob },
    fullName: parts.join(' '),
    ...date,
    ...(r() >= 0.05 && { sex: r() < 0.01 ? (p.sex === 'female' ? 'male' : 'female') : p.sex }),
    ...(r() >= 0.1 && { citizenship: citizenships(r, p) }),
    ...(r() < 0.55 && { placeOfBirth: writePlace(r, p.place, s) }),
    ...(r() < 0.35 && { relativesFamilyNames: [write(r, p.family, s), write(r, p.motherFamily, s)] }),
  };
}

/**
 * The evaluation set (issue 20): people across missions, about a fifth met by a second mission and
 * some by a third (planted duplicates: other script, other spelling, swapped order, estimated or
 * partial dates, missing fields), one in ten with a sibling (a planted near miss), and common names
 * from Zipf-weighted pools. Same seed, same set.
 */
export function evaluationSet(options: EvaluationOptions): EvaluationSet {
  const r = seededRandom(options.seed);
  const missions = Array.from({ length: options.missions ?? 5 }, (_, k) => `mission-${k + 1}`);
  const records: EvaluationRecord[] = [];
  let identities = 0;
  let duplicated = 0;
  let siblings = 0;
  const truth: IdentityTruth[] = [];
  const emit = (p: Identity) => {
    truth[p.id] = {
      name: [...p.given, p.family].map((f) => f.latin[0]).join(' '),
      sex: p.sex,
      year: p.year,
      month: p.month,
      day: p.day,
      place: p.place,
      country: p.country,
      motherFamily: p.motherFamily.latin[0]!,
    };
    const copies = r() < 0.2 ? (r() < 0.25 ? 3 : 2) : 1;
    if (copies > 1) duplicated++;
    const order = [...missions].sort(() => r() - 0.5);
    for (let c = 0; c < copies && records.length < options.records; c++)
      records.push(render(r, p, `p${records.length}`, order[c]!));
  };
  while (records.length < options.records) {
    const p = newIdentity(r, identities++);
    emit(p);
    if (r() < 0.1 && records.length < options.records) {
      siblings++;
      emit(sibling(r, p, identities++));
    }
  }
  return { records, identities, duplicated, siblings, truth };
}
