import { SubmissionBody } from '@tern/api';
import { CaseBody } from '@tern/cases';
import {
  type PersonRecord,
  type ScreeningIdentity,
  identityFromScreening,
  isMatchingError,
  personFromCase,
  prepare,
} from '@tern/matching';
import type { MissionDb } from '@tern/store';
import type { WireDoc } from '@tern/sync';

/** A case as matching reads it: the person record, and what the review queue and links show. */
export interface CasePerson {
  readonly key: string;
  readonly mission: string;
  readonly caseId: string;
  readonly code: string;
  readonly createdAt: string;
  /**
   * The revisions read, the case's and its Screening Interview's: a case whose revisions did not
   * change is not matched again, and an edited Screening Interview matches the case again.
   */
  readonly rev: string;
  readonly person: PersonRecord;
  /** Fields of the case that matching could not read (a malformed date): left out, not guessed. */
  readonly unread: readonly string[];
}

/** `<mission>/<case id>`: a case across missions (case ids are unique per mission only). */
export const caseKey = (mission: string, caseId: string): string => `${mission}/${caseId}`;

/** The built-in Screening Interview (any version): the form whose answers identify the person. */
const SCREENING = /^screening@/;

interface Screening {
  readonly rev: string;
  readonly at: string;
  readonly id: string;
  readonly identity: ScreeningIdentity;
}

/** The newer of two Screening Interviews of one case (last changed, then the larger id). */
const newer = (a: Screening, b: Screening): Screening =>
  a.at > b.at || (a.at === b.at && a.id > b.id) ? a : b;

/** Each case's current Screening Interview, by case id (a tombstone or an invalid body is left out). */
function screenings(docs: readonly WireDoc[], mission: string): Map<string, Screening> {
  const out = new Map<string, Screening>();
  for (const doc of docs) {
    if (!doc._id.startsWith('sub:') || doc._deleted) continue;
    const body = SubmissionBody.safeParse(doc);
    if (!body.success || body.data.mission !== mission || !body.data.caseId) continue;
    if (!SCREENING.test(body.data.form)) continue;
    const s: Screening = {
      rev: doc._rev,
      at: body.data.updatedAt ?? body.data.createdAt,
      id: doc._id,
      identity: identityFromScreening(body.data.answers),
    };
    const before = out.get(body.data.caseId);
    out.set(body.data.caseId, before ? newer(before, s) : s);
  }
  return out;
}

/**
 * A record matching can index: a field it refuses (a case's `pii.birthDate` that is no date, which
 * the case schema lets through as text) is left out and named, so one malformed case neither stops
 * the queue for every mission nor is matched on a guess. Undefined when the name itself is unusable.
 */
function usable(person: PersonRecord): { person: PersonRecord; unread: string[] } | undefined {
  const unread: string[] = [];
  let p = person;
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      prepare(p);
      return { person: p, unread };
    } catch (e) {
      const field = isMatchingError(e) ? e.details?.field : undefined;
      if (typeof field !== 'string' || !(field in p) || ['id', 'mission', 'fullName'].includes(field))
        return undefined;
      const { [field as keyof PersonRecord]: _dropped, ...rest } = p;
      if (field === 'birthDate') delete (rest as { birthDateEstimateYears?: number }).birthDateEstimateYears;
      p = rest as PersonRecord;
      unread.push(field);
    }
  }
  return undefined;
}

/**
 * The cases of a mission as person records: the current winner of every `case:` document that is a
 * valid case (a tombstone or an invalid body is left out, never guessed). Name and date of birth
 * come from the case's `pii`; sex, citizenship, place of birth, parents' family names (and the date
 * of birth or stated age when the case has none) from its latest Screening Interview (decision 205).
 */
export async function casePeople(db: Pick<MissionDb, 'allDocs'>, mission: string): Promise<CasePerson[]> {
  const docs = await db.allDocs();
  const screeningOf = screenings(docs, mission);
  const out: CasePerson[] = [];
  for (const doc of docs) {
    if (!doc._id.startsWith('case:') || doc._deleted) continue;
    const body = CaseBody.safeParse(doc);
    if (!body.success || body.data.mission !== mission) continue;
    const key = caseKey(mission, doc._id);
    const screening = screeningOf.get(doc._id);
    // The index keys people by id: the mission is part of it, case ids repeat across missions.
    const read = usable(personFromCase(key, body.data, screening?.identity));
    if (!read) continue;
    out.push({
      key,
      mission,
      caseId: doc._id,
      code: body.data.code,
      createdAt: body.data.createdAt,
      rev: screening ? `${doc._rev}+${screening.rev}` : doc._rev,
      person: read.person,
      unread: read.unread,
    });
  }
  return out;
}
