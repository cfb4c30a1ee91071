/**
 * The research dimensions: the only attributes of a case that reach the analytics store, each a
 * variable of the CTDC global dataset or of HTCDS v2.0 (../shared/data/ctdc/, ../shared/data/htcds/).
 * `single` dimensions hold one value per case (or none); `multi` ones hold a set (CTDC's 0/1 flag
 * columns and their `;`-joined "Concatenated" column). A case without a value is in `UNKNOWN`
 * (CTDC -99).
 */
export const UNKNOWN = 'unknown';

export type DimensionKind = 'single' | 'multi';

export interface DimensionInfo {
  kind: DimensionKind;
  /** Where the value comes from (HTCDS field or case field) and what CTDC calls it. */
  source: string;
}

export const DIMENSIONS = {
  year: { kind: 'single', source: 'case createdAt, year only (CTDC yearOfRegistration)' },
  mission: { kind: 'single', source: 'the mission the case belongs to' },
  citizenship: { kind: 'single', source: 'prs_Citizenship, first, ISO 3166 alpha-2 (CTDC citizenship)' },
  exploitationCountry: {
    kind: 'single',
    source: 'country_of_exploitation, else the last hte_ Exploitation event (CTDC CountryOfExploitation)',
  },
  exploitation: { kind: 'multi', source: 'vic_TypeOfExploitation (CTDC isForcedLabour, isSexualExploit…)' },
  labourSector: { kind: 'single', source: 'vic_ForcedLabourIndustry, ISIC section (CTDC typeOfLabour…)' },
  sexExploitation: { kind: 'multi', source: 'vic_TypeOfSexExploitation (CTDC typeOfSex…)' },
  gender: { kind: 'single', source: 'prs_Gender (CTDC gender)' },
  ageBand: { kind: 'single', source: 'age_years at screening, CTDC ageBroad bands' },
  meansOfControl: { kind: 'multi', source: 'vic_MethodsOfControl (CTDC meansOfControl…)' },
  recruiterRelationship: {
    kind: 'single',
    source: 'vic_RelationshipToTrafficker (CTDC RecruiterRelationship)',
  },
  traffickingStatus: { kind: 'single', source: 'the case decision, else vic_TraffickingStatus' },
  assistance: { kind: 'multi', source: 'spl_Type of every support plan item of the Assistance forms' },
  recruitmentCountry: { kind: 'single', source: 'hte_Country of the first Recruitment event' },
  transitCountries: { kind: 'multi', source: 'hte_Country of every Transit event' },
} as const satisfies Record<string, DimensionInfo>;

export type Dimension = keyof typeof DIMENSIONS;
export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as Dimension[];

export type SingleDimension = {
  [D in Dimension]: (typeof DIMENSIONS)[D]['kind'] extends 'single' ? D : never;
}[Dimension];
export type MultiDimension = Exclude<Dimension, SingleDimension>;

export const isDimension = (name: string): name is Dimension => Object.hasOwn(DIMENSIONS, name);
export const isMulti = (d: Dimension): d is MultiDimension => DIMENSIONS[d].kind === 'multi';
