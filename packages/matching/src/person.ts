import { MatchingError } from './errors.ts';

/**
 * What matching reads about a person: the fields of a case's `pii` and of the Screening Interview
 * that identify someone (HTCDS v2.0: name, date of birth, sex, citizenship, place of birth, family).
 * Names are kept as written, in their own script; everything else is derived (`prepare`).
 */
export interface PersonRecord {
  readonly id: string;
  readonly mission: string;
  /** As written, any script, any order ("Haddad Omar" or "Omar Haddad"). */
  readonly fullName: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  readonly birthDate?: string;
  /** The date of birth is an estimate, give or take this many years. */
  readonly birthDateEstimateYears?: number;
  readonly sex?: 'female' | 'male' | 'other';
  /** ISO 3166-1 alpha-3; a list for a person of several citizenships (HTCDS prs_Citizenship). */
  readonly citizenship?: string | readonly string[];
  readonly placeOfBirth?: string;
  /** Family names of parents, spouse or siblings, as written. */
  readonly relativesFamilyNames?: readonly string[];
}

export interface BirthDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  /** ± years; 0 when the date is stated. */
  readonly estimate: number;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const bad = (id: string, field: string, why: string): MatchingError =>
  new MatchingError('TERN_MATCHING_BAD_INPUT', `Person ${JSON.stringify(id)}: ${field} ${why}.`, {
    id,
    field,
  });

/** A birth date read strictly: a bad one is an error, never a silent "unknown". */
export function parseBirthDate(id: string, text: string, estimateYears = 0): BirthDate {
  const m = DATE.exec(text);
  if (!m) throw bad(id, 'birthDate', `is ${JSON.stringify(text)}; expected YYYY, YYYY-MM or YYYY-MM-DD`);
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (year < 1880 || year > 2100) throw bad(id, 'birthDate', `has the year ${year}, outside 1880–2100`);
  if (month !== undefined && (month < 1 || month > 12)) throw bad(id, 'birthDate', `has the month ${month}`);
  if (day !== undefined) {
    const last = new Date(Date.UTC(year, month!, 0)).getUTCDate();
    if (day < 1 || day > last) throw bad(id, 'birthDate', `has the day ${day}, month ${month} has ${last}`);
  }
  if (!Number.isInteger(estimateYears) || estimateYears < 0 || estimateYears > 30)
    throw bad(id, 'birthDateEstimateYears', `is ${estimateYears}; expected a whole number 0–30`);
  return {
    year,
    ...(month !== undefined && { month }),
    ...(day !== undefined && { day }),
    estimate: estimateYears,
  };
}

/** The checks every record passes before it is indexed; the message names the record and field. */
export function checkPerson(p: PersonRecord): void {
  if (typeof p.id !== 'string' || p.id.length === 0) throw bad(String(p.id), 'id', 'is empty');
  if (typeof p.mission !== 'string' || p.mission.length === 0) throw bad(p.id, 'mission', 'is empty');
  if (typeof p.fullName !== 'string' || !/[\p{L}]/u.test(p.fullName))
    throw bad(p.id, 'fullName', 'has no letters');
  if (p.fullName.length > 300) throw bad(p.id, 'fullName', 'is longer than 300 characters');
  if (p.sex !== undefined && !['female', 'male', 'other'].includes(p.sex))
    throw bad(p.id, 'sex', `is ${JSON.stringify(p.sex)}; expected female, male or other`);
  if (p.citizenship !== undefined) {
    const codes: readonly unknown[] = Array.isArray(p.citizenship) ? p.citizenship : [p.citizenship];
    if (codes.length > 10 || codes.some((c) => typeof c !== 'string' || !/^[A-Z]{3}$/.test(c)))
      throw bad(
        p.id,
        'citizenship',
        `is ${JSON.stringify(p.citizenship)}; expected ISO 3166 alpha-3 codes (at most 10)`,
      );
  }
  if (p.birthDate !== undefined && typeof p.birthDate !== 'string')
    throw bad(p.id, 'birthDate', 'is not text');
  if (p.placeOfBirth !== undefined && (typeof p.placeOfBirth !== 'string' || p.placeOfBirth.length > 200))
    throw bad(p.id, 'placeOfBirth', 'is not text of at most 200 characters');
  const relatives = p.relativesFamilyNames;
  if (relatives !== undefined) {
    if (!Array.isArray(relatives) || relatives.length > 20)
      throw bad(p.id, 'relativesFamilyNames', 'is not a list of at most 20 names');
    if (relatives.some((r) => typeof r !== 'string' || r.length > 300))
      throw bad(p.id, 'relativesFamilyNames', 'holds something that is not a name of at most 300 characters');
  }
}
