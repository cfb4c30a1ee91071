import { CaseBody } from '@tern/cases';
import { type PersonRecord, personFromCase } from '@tern/matching';
import type { MissionDb } from '@tern/store';

/** A case as matching reads it: the person record, and what the review queue and links show. */
export interface CasePerson {
  readonly key: string;
  readonly mission: string;
  readonly caseId: string;
  readonly code: string;
  readonly createdAt: string;
  /** The revision read: a case whose revision did not change is not matched again. */
  readonly rev: string;
  readonly person: PersonRecord;
}

/** `<mission>/<case id>`: a case across missions (case ids are unique per mission only). */
export const caseKey = (mission: string, caseId: string): string => `${mission}/${caseId}`;

/**
 * The cases of a mission as person records: the current winner of every `case:` document that is a
 * valid case (a tombstone or an invalid body is left out, never guessed). Name and date of birth
 * come from the case's `pii` (personFromCase); the Screening Interview's fields are not read yet.
 */
export async function casePeople(db: Pick<MissionDb, 'allDocs'>, mission: string): Promise<CasePerson[]> {
  const out: CasePerson[] = [];
  for (const doc of await db.allDocs()) {
    if (!doc._id.startsWith('case:') || doc._deleted) continue;
    const body = CaseBody.safeParse(doc);
    if (!body.success || body.data.mission !== mission) continue;
    const key = caseKey(mission, doc._id);
    out.push({
      key,
      mission,
      caseId: doc._id,
      code: body.data.code,
      createdAt: body.data.createdAt,
      rev: doc._rev,
      // The index keys people by id: the mission is part of it, case ids repeat across missions.
      person: { ...personFromCase(key, body.data), id: key },
    });
  }
  return out;
}
