import type { CaseBody } from '@tern/cases';
import type { PersonRecord } from './person.ts';

/**
 * The part of a person record a case itself holds (`case:<ULID>`, its `pii`): name and date of
 * birth. Sex, citizenship, place of birth and relatives come from the case's Screening Interview and
 * are passed in `extra` by the caller that reads it. `pii.otherNames` (aliases) is not mixed into the
 * name: an alias is another name, compared on its own by matching a second record if wanted.
 */
export function personFromCase(
  caseId: string,
  body: Pick<CaseBody, 'mission' | 'pii'>,
  extra: Omit<PersonRecord, 'id' | 'mission' | 'fullName' | 'birthDate'> = {},
): PersonRecord {
  return {
    ...extra,
    id: caseId,
    mission: body.mission,
    fullName: body.pii.fullName,
    ...(body.pii.birthDate !== undefined && body.pii.birthDate !== '' && { birthDate: body.pii.birthDate }),
  };
}
