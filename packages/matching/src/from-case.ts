import type { CaseBody } from '@tern/cases';
import { MatchingError } from './errors.ts';
import { type PersonRecord, parseBirthDate } from './person.ts';

/** What the Screening Interview tells matching about a person, beyond the case's `pii`. */
export type ScreeningIdentity = Omit<PersonRecord, 'id' | 'mission' | 'fullName'>;

/**
 * The person record of a case (`case:<ULID>`): the name and date of birth from its `pii`; sex,
 * citizenship, place of birth and relatives from its Screening Interview (`identityFromScreening`),
 * passed in `screening` by the caller that reads it. The Screening's date of birth (or its stated
 * age, an estimate) is used only when the case has none. `pii.otherNames` (aliases) is not mixed
 * into the name: an alias is another name, compared on its own by matching a second record if wanted.
 */
export function personFromCase(
  caseId: string,
  body: Pick<CaseBody, 'mission' | 'pii'>,
  screening: ScreeningIdentity = {},
): PersonRecord {
  const { birthDate, birthDateEstimateYears, ...rest } = screening;
  const own = body.pii.birthDate !== undefined && body.pii.birthDate !== '' ? body.pii.birthDate : undefined;
  return {
    ...rest,
    id: caseId,
    mission: body.mission,
    fullName: body.pii.fullName,
    ...(own !== undefined
      ? { birthDate: own }
      : birthDate !== undefined && {
          birthDate,
          ...(birthDateEstimateYears !== undefined && { birthDateEstimateYears }),
        }),
  };
}

/** HTCDS prs_Gender codes read as sex for matching; the others are left out (decision 205). */
const SEX: Readonly<Record<string, 'female' | 'male'>> = { Feminine: 'female', Masculine: 'male' };
/** A stated age is an estimate: the year of birth is the interview's year minus the age, ± this. */
export const STATED_AGE_ESTIMATE_YEARS = 2;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Commas (Latin and Arabic), semicolons and slashes separate the parents' family names. */
const NAME_SEPARATORS = /[,;،؛/]+/;

const text = (v: unknown, max: number): string | undefined => {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return s.length > 0 && s.length <= max && /\p{L}/u.test(s) ? s : undefined;
};

/**
 * The identity fields of a Screening Interview's answers (the built-in form's names: HTCDS
 * prs_Gender, prs_Citizenship, prs_Birthdate, and Tern's age_stated with interview_date,
 * place_of_birth and parents_family_names). The answers were checked against the form when they
 * were stored; a value that still does not fit (an older form version, another deployment's form)
 * is left out of matching, never guessed, and the answers themselves are not touched.
 */
export function identityFromScreening(answers: Readonly<Record<string, unknown>>): ScreeningIdentity {
  const out: { -readonly [K in keyof ScreeningIdentity]: ScreeningIdentity[K] } = {};
  const sex = typeof answers.prs_Gender === 'string' ? SEX[answers.prs_Gender] : undefined;
  if (sex) out.sex = sex;
  const given = answers.prs_Citizenship;
  const codes = (Array.isArray(given) ? given : [given]).filter(
    (c): c is string => typeof c === 'string' && /^[A-Z]{3}$/.test(c),
  );
  if (codes.length > 0) out.citizenship = [...new Set(codes)].slice(0, 10);
  const place = text(answers.place_of_birth, 200);
  if (place) out.placeOfBirth = place;
  const parents = text(answers.parents_family_names, 300);
  if (parents) {
    const names = parents
      .split(NAME_SEPARATORS)
      .map((n) => n.trim())
      .filter((n) => /\p{L}/u.test(n));
    if (names.length > 0) out.relativesFamilyNames = names.slice(0, 20);
  }
  const dob = answers.prs_Birthdate;
  if (typeof dob === 'string' && ISO_DATE.test(dob) && valid(dob)) out.birthDate = dob;
  else {
    const age = answers.age_stated;
    const on = answers.interview_date;
    if (typeof age === 'number' && Number.isInteger(age) && age >= 0 && age <= 120) {
      if (typeof on === 'string' && ISO_DATE.test(on) && valid(on)) {
        const year = String(Number(on.slice(0, 4)) - age);
        if (valid(year, STATED_AGE_ESTIMATE_YEARS)) {
          out.birthDate = year;
          out.birthDateEstimateYears = STATED_AGE_ESTIMATE_YEARS;
        }
      }
    }
  }
  return out;
}

function valid(date: string, estimate = 0): boolean {
  try {
    parseBirthDate('screening', date, estimate);
    return true;
  } catch (e) {
    if (e instanceof MatchingError) return false;
    throw e;
  }
}
