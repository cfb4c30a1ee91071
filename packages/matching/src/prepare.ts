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
  /** The distinct skeletons of the name, sorted (the name frequencies' token sets). */
  readonly skeletonSet: readonly string[];
  readonly birth?: BirthDate;
  /** The place of birth romanised (its tokens joined by a space), and its sorted skeletons. */
  readonly place?: string;
  readonly placeSkeleton?: string;
  readonly relatives: ReadonlySet<string>;
  /** Every citizenship stated (several for a dual citizen); empty when none is. */
  readonly citizenships: ReadonlySet<string>;
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
  // A place is read like a name (decision 206): romanised from any script, the Arabic article
  // dropped, and its consonant skeletons kept, so Kassala, Кассала and كسلا agree.
  const placeTokens = record.placeOfBirth ? nameTokens(record.placeOfBirth) : [];
  const place = placeTokens.length > 0 ? placeTokens.join(' ') : undefined;
  return {
    record,
    tokens,
    exactKey: sorted(tokens.map((t) => t.text)),
    skeletonKey: sorted(tokens.map((t) => t.skeleton)),
    skeletonSet: [...new Set(tokens.map((t) => t.skeleton))].sort(),
    ...(record.birthDate !== undefined && {
      birth: parseBirthDate(record.id, record.birthDate, record.birthDateEstimateYears ?? 0),
    }),
    ...(place && { place, placeSkeleton: sorted(placeTokens.map(skeleton)) }),
    relatives,
    citizenships: new Set(
      record.citizenship === undefined
        ? []
        : typeof record.citizenship === 'string'
          ? [record.citizenship]
          : record.citizenship,
    ),
  };
}
