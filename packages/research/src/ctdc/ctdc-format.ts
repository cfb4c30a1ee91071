import { majority } from '../rows/age-band.ts';
import type { AgeBand } from '../rows/age-band.ts';
import type { ResearchRow } from '../rows/research-row.ts';

/**
 * The CTDC 2020 global-dataset format (../shared/data/ctdc/global-dataset-2020-format-sample.csv and
 * the v6 codebook): 63 columns, flags 1 / 0 / -99 (missing), ISO 3166 alpha-2, CTDC age bands, and
 * `;`-joined "Concatenated" columns. HTCDS codes map to CTDC variables here and nowhere else.
 */
export const MISSING = '-99';

export const MEANS: ReadonlyArray<readonly [column: string, label: string, htcds: readonly string[]]> = [
  ['DebtBondage', 'Debt bondage', ['DebtBondage']],
  ['TakesEarnings', 'Takes/Withholds Earnings', ['TakesEarnings']],
  ['RestrictsFinancialAccess', 'Restricts access to finances', ['RestrictsFinancialAccess']],
  ['Threats', 'Threats to individual or others', ['PhysicalThreats', 'ThreatensChildrenFamily']],
  ['PsychologicalAbuse', 'Psychological abuse', ['PsychologicalAbuse']],
  ['PhysicalAbuse', 'Physical abuse', ['PhysicalAbuse']],
  ['SexualAbuse', 'Sexual abuse', ['SexualAbuse']],
  ['FalsePromises', 'False promises/deception', ['FalsePromises']],
  ['PsychoactiveSubstances', 'Use of psychoactive substances', ['PsychoactiveSubstance']],
  ['RestrictsMovement', 'Denied freedom of movement/kept in isolation', []],
  ['RestrictsMedicalCare', 'Limits/restricts medical services', ['RestrictsMedicalCare']],
  ['ExcessiveWorkingHours', 'Excessive working hours', ['ExcessiveWorkingHours']],
  ['UsesChildren', 'Restricts access to/manipulates children', []],
  ['ThreatOfLawEnforcement', 'Threat of action by law enforcement', ['ThreatsLawEnforcement']],
  ['WithholdsNecessities', 'Withholds/denies basic necessities', ['WithholdsNecessities']],
  ['WithholdsDocuments', 'Withholds/Destroys Important Documents', ['WithholdsDocuments']],
  ['Other', 'Other', ['Other']],
];

/** HTCDS vic_TypeOfExploitation → CTDC is… flags. */
const LABOUR = ['ForcedLabour', 'ChildLabour', 'ForcedBegging'];
export const EXPLOIT: ReadonlyArray<readonly [column: string, label: string, htcds: readonly string[]]> = [
  ['isForcedLabour', 'Forced labour', LABOUR],
  ['isSexualExploit', 'Sexual exploitation', ['SexualExploitation']],
  ['isOtherExploit', 'Other', ['ForcedAdoption', 'Surrogacy', 'Other']],
  ['isSexAndLabour', '', []], // computed
  ['isForcedMarriage', 'Forced marriage', ['ForcedMarriage']],
  ['isForcedMilitary', 'Forced military', ['ForcedMilitaryByNonStateActors']],
  ['isOrganRemoval', 'Organ removal', ['OrganRemoval']],
  ['isSlaveryAndPractices', 'Slavery and similar practices', ['Servitude']],
];

/** HTCDS vic_ForcedLabourIndustry (ISIC sections) → CTDC typeOfLabour…; begging comes from the type. */
export const LABOUR_TYPES: ReadonlyArray<readonly [column: string, label: string, isic: readonly string[]]> =
  [
    ['Agriculture', 'Agriculture/Farms/Animal Husbandry', ['A_AgricultureForestryAndFishing']],
    ['Aquafarming', 'Aquafarming/Fishing', []],
    ['Begging', 'Begging', []],
    ['Construction', 'Construction', ['F_Construction']],
    ['DomesticWork', 'Domestic Work', ['T_ActivitiesOfHouseholdsAsEmployers']],
    ['Hospitality', 'Hospitality/Restaurant/Food Service/Hotel', ['I_AccommodationAndFoodServiceActivities']],
    ['IllicitActivities', 'Illicit Activities', []],
    ['Manufacturing', 'Manufacturing/Factory work', ['C_Manufacturing']],
    ['MiningOrDrilling', 'Mining, Quarrying, Oil/Gas Extraction', ['B_MiningAndQuarrying']],
    ['Peddling', 'Peddling/informal street commerce', []],
    ['Transportation', 'Transportation', ['H_TransportationAndStorage']],
  ];

export const SEX: ReadonlyArray<readonly [column: string, label: string, htcds: string]> = [
  ['Prostitution', 'Prostitution', 'Prostitution'],
  ['Pornography', 'Pornography', 'Pornography'],
  ['RemoteInteractiveServices', 'Remote interactive services', 'RemoteInteractiveServices'],
  ['PrivateSexualServices', 'Private sexual services', 'PrivateSexualServices'],
];

const RECRUITER: Readonly<Record<string, readonly [label: string, column: string]>> = {
  Familial: ['Family/Relative', 'Family'],
  Acquainted: ['Friend/Acquaintance', 'Friend'],
  Unaquainted: ['Other', 'Other'],
};

export const CTDC_HEADER: readonly string[] = [
  'yearOfRegistration',
  'Datasource',
  'gender',
  'ageBroad',
  'majorityStatus',
  'majorityStatusAtExploit',
  'majorityEntry',
  'citizenship',
  ...MEANS.map(([c]) => `meansOfControl${c}`),
  'meansOfControlNotSpecified',
  'meansOfControlConcatenated',
  ...EXPLOIT.map(([c]) => c),
  'typeOfExploitConcatenated',
  ...LABOUR_TYPES.map(([c]) => `typeOfLabour${c}`),
  'typeOfLabourOther',
  'typeOfLabourNotSpecified',
  'typeOfLabourConcatenated',
  ...SEX.map(([c]) => `typeOfSex${c}`),
  'typeOfSexConcatenated',
  'isAbduction',
  'RecruiterRelationship',
  'CountryOfExploitation',
  'recruiterRelationIntimatePartner',
  'recruiterRelationFriend',
  'recruiterRelationFamily',
  'recruiterRelationOther',
  'recruiterRelationUnknown',
];

export type CtdcRecord = Record<string, string>;

// Column names made once (a record is built 200,000 times for one export).
const MEANS_COLS = MEANS.map(([c, l, codes]) => [`meansOfControl${c}`, l, codes] as const);
const LABOUR_COLS = LABOUR_TYPES.map(([c, l, isic]) => [c, `typeOfLabour${c}`, l, isic] as const);
const RELATION_COLS = ['IntimatePartner', 'Friend', 'Family', 'Other'].map(
  (c) => [c, `recruiterRelation${c}`] as const,
);
const SEX_COLS = SEX.map(([c, l, code]) => [`typeOfSex${c}`, l, code] as const);

const flag = (b: boolean) => (b ? '1' : '0');
const joined = (labels: string[]) => (labels.length ? labels.join(';') : MISSING);

/** HTCDS prs_Gender → CTDC gender. */
export function ctdcGender(g: string | null): string {
  if (g === null) return MISSING;
  if (g === 'Feminine') return 'Female';
  if (g === 'Masculine') return 'Male';
  if (g === 'NonSpecifiedUnknown') return 'Unknown';
  return 'Transgender/NonConforming';
}

/** One research row as a CTDC record, before any generalisation. */
export function ctdcRecord(r: ResearchRow): CtdcRecord {
  const out: CtdcRecord = {
    yearOfRegistration: r.year ?? MISSING,
    Datasource: 'Case Management',
    gender: ctdcGender(r.gender),
    ageBroad: r.ageBand ?? MISSING,
    majorityStatus: majority(r.ageBand as AgeBand | null) ?? MISSING,
    majorityStatusAtExploit: MISSING,
    majorityEntry: MISSING,
    citizenship: r.citizenship ?? MISSING,
  };
  const means = new Set(r.meansOfControl);
  for (const [col, , codes] of MEANS_COLS)
    out[col] = means.size ? flag(codes.some((x) => means.has(x))) : MISSING;
  out.meansOfControlNotSpecified = flag(means.size === 0);
  out.meansOfControlConcatenated = joined(
    MEANS.filter(([, , codes]) => codes.some((x) => means.has(x))).map(([, l]) => l),
  );

  const types = new Set(r.exploitation);
  const labour = LABOUR.some((x) => types.has(x));
  const sexual = types.has('SexualExploitation');
  for (const [c, , codes] of EXPLOIT) out[c] = types.size ? flag(codes.some((x) => types.has(x))) : MISSING;
  out.isSexAndLabour = types.size ? flag(labour && sexual) : MISSING;
  out.typeOfExploitConcatenated = joined(
    EXPLOIT.filter(([c, , codes]) => c !== 'isSexAndLabour' && codes.some((x) => types.has(x))).map(
      ([, l]) => l,
    ),
  );

  const sector = r.labourSector;
  const begging = types.has('ForcedBegging');
  const known = LABOUR_COLS.filter(([c, , , isic]) =>
    c === 'Begging' ? begging : sector !== null && isic.includes(sector),
  );
  const other = sector !== null && !LABOUR_TYPES.some(([, , isic]) => isic.includes(sector));
  for (const entry of LABOUR_COLS) out[entry[1]] = labour ? flag(known.includes(entry)) : MISSING;
  out.typeOfLabourOther = labour ? flag(other) : MISSING;
  out.typeOfLabourNotSpecified = labour ? flag(known.length === 0 && !other) : MISSING;
  out.typeOfLabourConcatenated = labour
    ? joined([
        ...known.map(([, , l]) => l),
        ...(other ? ['Other'] : []),
        ...(known.length || other ? [] : ['Not Specified']),
      ])
    : MISSING;

  const sex = new Set(r.sexExploitation);
  for (const [col, , code] of SEX_COLS) out[col] = sexual ? flag(sex.has(code)) : MISSING;
  out.typeOfSexConcatenated = sexual
    ? joined(SEX.filter(([, , code]) => sex.has(code)).map(([, l]) => l))
    : MISSING;

  out.isAbduction = MISSING;
  const rel = r.recruiterRelationship ? RECRUITER[r.recruiterRelationship] : undefined;
  out.RecruiterRelationship = rel?.[0] ?? MISSING;
  out.CountryOfExploitation = r.exploitationCountry ?? MISSING;
  for (const [c, col] of RELATION_COLS) out[col] = rel ? flag(rel[1] === c) : '0';
  out.recruiterRelationUnknown = flag(!rel);
  return out;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function toCsv(records: readonly CtdcRecord[]): string {
  const lines = [CTDC_HEADER.join(',')];
  for (const r of records) lines.push(CTDC_HEADER.map((h) => field(r[h] ?? MISSING)).join(','));
  return lines.join('\n') + '\n';
}
