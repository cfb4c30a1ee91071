import { COUNTRY_CODES } from '@tern/forms';
import { AGE_BANDS } from '../rows/age-band.ts';
import type { ResearchRow } from '../rows/research-row.ts';
import { CTDC_HEADER, EXPLOIT, LABOUR_TYPES, MEANS, MISSING, SEX } from './ctdc-format.ts';

/**
 * One row of a CTDC 2020 global-dataset CSV, checked and turned into a research row (the reverse of
 * `ctdcRecord`). The CTDC codebook (v6, 2017; the 2020 file follows it) fixes every column's values:
 * flags are 1, 0 or -99 (missing); countries are ISO 3166 alpha-2, `ZZ` for unknown; ages are the
 * `ageBroad` bands. A row with any other value is rejected with the column and the value, never
 * guessed at. CTDC's categories are coarser than HTCDS's, so each maps to the HTCDS code that stands
 * for it (decision 106): Threats → PhysicalThreats, Other exploitation → Other, and so on.
 */
export const MAX_FIELD_CHARS = 1000;

const ALPHA2 = new Set(COUNTRY_CODES.values());
const BANDS = new Set<string>(AGE_BANDS);
const MAJORITY = new Set(['Minor', 'Adult', 'Unknown', MISSING]);
const DATASOURCE = new Set(['case management', 'hotline', MISSING]);
const GENDER: Readonly<Record<string, string | null>> = {
  Female: 'Feminine',
  Male: 'Masculine',
  'Transgender/NonConforming': 'NonConforming',
  Unknown: 'NonSpecifiedUnknown',
  [MISSING]: null,
};
const FLAG = new Set(['1', '0', MISSING]);

/** A flag column and the HTCDS code it stands for in a research row (null: counted nowhere). */
type Flag = readonly [column: string, code: string | null];
const MEANS_FLAGS: Flag[] = MEANS.map(([c, , codes]) => [
  `meansOfControl${c}`,
  c === 'UsesChildren' ? 'ThreatensChildrenFamily' : (codes[0] ?? null),
]);
const EXPLOIT_FLAGS: Flag[] = EXPLOIT.filter(([c]) => c !== 'isSexAndLabour').map(([c, , codes]) => [
  c,
  codes[0] ?? null,
]);
/** CTDC labour types → ISIC sections; Aquafarming/Fishing is ISIC A too. The first flagged wins. */
const LABOUR_FLAGS: Flag[] = LABOUR_TYPES.map(([c, , isic]) => [
  `typeOfLabour${c}`,
  c === 'Aquafarming' ? 'A_AgricultureForestryAndFishing' : (isic[0] ?? null),
]);
const SEX_FLAGS: Flag[] = SEX.map(([c, , code]) => [`typeOfSex${c}`, code]);
/** In order of precedence when more than one is set; HTCDS has three relationships only. */
const RELATION_FLAGS: Flag[] = [
  ['recruiterRelationFamily', 'Familial'],
  ['recruiterRelationIntimatePartner', 'Acquainted'],
  ['recruiterRelationFriend', 'Acquainted'],
  ['recruiterRelationOther', 'Unaquainted'],
];
const OTHER_FLAGS = [
  'isSexAndLabour',
  'meansOfControlNotSpecified',
  'typeOfLabourOther',
  'typeOfLabourNotSpecified',
  'isAbduction',
  'recruiterRelationUnknown',
];
const FLAG_COLUMNS = new Set([
  ...[...MEANS_FLAGS, ...EXPLOIT_FLAGS, ...LABOUR_FLAGS, ...SEX_FLAGS, ...RELATION_FLAGS].map(([c]) => c),
  ...OTHER_FLAGS,
]);

/** Where each column is in this file: the header may order them its own way and spell them in any case. */
export type ColumnIndex = ReadonlyMap<string, number>;

/** The column index of a header row, or why it is not a CTDC 2020 header. */
export function headerIndex(header: readonly string[]): ColumnIndex | string {
  const canonical = new Map(CTDC_HEADER.map((h) => [h.toLowerCase(), h]));
  const index = new Map<string, number>();
  const unknown: string[] = [];
  header.forEach((raw, i) => {
    const name = canonical.get(raw.trim().toLowerCase());
    if (!name) unknown.push(raw.slice(0, 40));
    else if (index.has(name)) unknown.push(`${name} (twice)`);
    else index.set(name, i);
  });
  const missing = CTDC_HEADER.filter((h) => !index.has(h));
  if (missing.length === 0 && unknown.length === 0) return index;
  const parts = [
    missing.length ? `missing column${missing.length > 1 ? 's' : ''} ${list(missing)}` : '',
    unknown.length ? `unknown column${unknown.length > 1 ? 's' : ''} ${list(unknown)}` : '',
  ];
  return `not the CTDC 2020 global-dataset header: ${parts.filter(Boolean).join('; ')}`;
}

const list = (xs: string[]) =>
  xs
    .slice(0, 5)
    .map((x) => JSON.stringify(x))
    .join(', ') + (xs.length > 5 ? ` and ${xs.length - 5} more` : '');

const problem = (column: string, value: string, why: string) =>
  `${column} ${JSON.stringify(value.slice(0, 60))} ${why}`;

export interface RowContext {
  mission: string;
  /** A stable reference for the n-th data row, and its record key (deterministic per row). */
  ref: string;
  recordKey: number;
  /** Registration years accepted, inclusive. */
  years: readonly [number, number];
}

/** Where each checked column of one file is, worked out once from its header (a row is read 50,000 times). */
export interface RowPlan {
  names: string[];
  at: Readonly<Record<string, number>>;
  flags: number[];
  /** Flag positions and the code each stands for. */
  exploit: Array<[number, string]>;
  means: Array<[number, string]>;
  sex: Array<[number, string]>;
  labour: Array<[number, string]>;
  relation: Array<[number, string]>;
  labelled: number[];
  majority: number[];
}

export function rowPlan(index: ColumnIndex): RowPlan {
  const names: string[] = [];
  for (const [name, i] of index) names[i] = name;
  const at = Object.fromEntries(index);
  const coded = (flags: readonly Flag[]) =>
    flags.flatMap(([c, code]): Array<[number, string]> => (code ? [[at[c]!, code]] : []));
  return {
    names,
    at,
    flags: [...FLAG_COLUMNS].map((c) => at[c]!),
    exploit: coded(EXPLOIT_FLAGS),
    means: coded(MEANS_FLAGS),
    sex: coded(SEX_FLAGS),
    labour: coded(LABOUR_FLAGS),
    relation: coded(RELATION_FLAGS),
    labelled: CTDC_HEADER.filter((h) => h.endsWith('Concatenated') || h === 'RecruiterRelationship').map(
      (c) => at[c]!,
    ),
    majority: ['majorityStatus', 'majorityStatusAtExploit', 'majorityEntry'].map((c) => at[c]!),
  };
}

/** The codes of the flags set to 1, sorted, each once. */
function flagged(fields: readonly string[], flags: ReadonlyArray<[number, string]>): string[] {
  const out: string[] = [];
  for (const [i, code] of flags) if (fields[i] === '1' && !out.includes(code)) out.push(code);
  return out.sort();
}

/** The research row of one CTDC record, or the reason it is rejected. */
export function ctdcRow(raw: readonly string[], plan: RowPlan, ctx: RowContext): ResearchRow | string {
  if (raw.length !== plan.names.length)
    return `has ${raw.length} fields, the header has ${plan.names.length}`;
  const fields: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const value = raw[i]!;
    if (value.length > MAX_FIELD_CHARS)
      return problem(plan.names[i]!, value, `is ${value.length} characters long, at most ${MAX_FIELD_CHARS}`);
    fields.push(value.trim());
  }
  const { at } = plan;
  for (const i of plan.flags)
    if (!FLAG.has(fields[i]!)) return problem(plan.names[i]!, fields[i]!, 'is not a flag (1, 0 or -99)');
  const year = fields[at.yearOfRegistration!]!;
  const y = Number(year);
  if (year !== MISSING && !(/^\d{4}$/.test(year) && y >= ctx.years[0] && y <= ctx.years[1]))
    return problem(
      'yearOfRegistration',
      year,
      `is not a year from ${ctx.years[0]} to ${ctx.years[1]} (or -99)`,
    );
  const source = fields[at.Datasource!]!;
  if (!DATASOURCE.has(source.toLowerCase()))
    return problem('Datasource', source, 'is not Case Management, Hotline or -99');
  const gender = fields[at.gender!]!;
  if (!Object.hasOwn(GENDER, gender))
    return problem('gender', gender, 'is not Female, Male, Transgender/NonConforming, Unknown or -99');
  // The codebook prints bands with a dash (0—8); the 2020 file spells them 0--8.
  const age = fields[at.ageBroad!]!.replace(/[\u2013\u2014]/g, '--');
  if (age !== MISSING && !BANDS.has(age))
    return problem('ageBroad', age, `is not a CTDC age band (${AGE_BANDS.join(' ')})`);
  for (const i of plan.majority)
    if (!MAJORITY.has(fields[i]!))
      return problem(plan.names[i]!, fields[i]!, 'is not Minor, Adult, Unknown or -99');
  const countries: Array<string | null> = [];
  for (const c of ['citizenship', 'CountryOfExploitation']) {
    const value = fields[at[c]!]!;
    if (value !== MISSING && value !== 'ZZ' && !ALPHA2.has(value))
      return problem(c, value, 'is not an ISO 3166 alpha-2 code (or ZZ, -99)');
    countries.push(value === MISSING || value === 'ZZ' ? null : value);
  }
  for (const i of plan.labelled)
    if (fields[i]!.split(';').some((label) => label.trim() === ''))
      return problem(plan.names[i]!, fields[i]!, 'has an empty label (labels are joined with ";")');

  return {
    ref: ctx.ref,
    recordKey: ctx.recordKey,
    mission: ctx.mission,
    year: year === MISSING ? null : year,
    citizenship: countries[0]!,
    exploitationCountry: countries[1]!,
    exploitation: flagged(fields, plan.exploit),
    labourSector: plan.labour.find(([i]) => fields[i] === '1')?.[1] ?? null,
    sexExploitation: flagged(fields, plan.sex),
    gender: GENDER[gender] ?? null,
    ageBand: age === MISSING ? null : age,
    meansOfControl: flagged(fields, plan.means),
    recruiterRelationship: plan.relation.find(([i]) => fields[i] === '1')?.[1] ?? null,
    traffickingStatus: null,
    assistance: [],
    recruitmentCountry: null,
    transitCountries: [],
  };
}
