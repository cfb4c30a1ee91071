import anyAscii from 'any-ascii';
import { type NameToken, normaliseName, skeleton, nameTokens } from './normalise-name.ts';
import { type BirthDate, type PersonRecord, checkPerson, parseBirthDate } from './person.ts';

/** A record with everything comparisons and blocking read, computed once per person. */
export interface PreparedPerson {
  readonly record: PersonRecord;
  readonly tokens: readonly NameToken[];
  /** Sorted romanised tokens: equal for the same name in any order. */
  readonly exactKey: string;
  /** Sorted skeletons: equal across transliterations. */
  readonly skeletonKey: string;
  readonly birth?: BirthDate;
  readonly place?: string;
  readonly relatives: ReadonlySet<string>;
}

const sorted = (xs: readonly string[]): string => [...xs].sort().join(' ');

export function prepare(record: PersonRecord): PreparedPerson {
  checkPerson(record);
  const tokens = normaliseName(record.fullName);
  const relatives = new Set<string>();
  // The person's own name tokens are left out: a father's family name is usually the person's own,
  // and would agree whenever the names do (counting the name twice).
  const own = new Set(tokens.map((t) => t.skeleton));
  for (const n of record.relativesFamilyNames ?? [])
    for (const t of nameTokens(n)) if (!own.has(skeleton(t))) relatives.add(skeleton(t));
  const place = record.placeOfBirth
    ? anyAscii(record.placeOfBirth)
        .toLowerCase()
        .replace(/[^a-z]+/g, ' ')
        .trim()
    : undefined;
  return {
    record,
    tokens,
    exactKey: sorted(tokens.map((t) => t.text)),
    skeletonKey: sorted(tokens.map((t) => t.skeleton)),
    ...(record.birthDate !== undefined && {
      birth: parseBirthDate(record.id, record.birthDate, record.birthDateEstimateYears ?? 0),
    }),
    ...(place && { place }),
    relatives,
  };
}
