/**
 * Shares for synthetic data shaped like CTDC's global figures (the demo's missions and the demo CTDC
 * source). The codebooks in ../shared/data/ctdc/ describe the variables, not their distribution, so
 * these are round approximations of what CTDC's public dashboards show (decision 107): about seven in
 * ten identified victims women and girls; sexual exploitation and forced labour the two main types;
 * adults of 18–38 most of the cases, one in five a minor; registrations rising from 2002 to a peak in
 * the late 2010s, a dip in 2020, and rising again; each region with a few corridors carrying most
 * cases, domestic trafficking among them. Synthetic people, never records of anyone.
 */
export type Weighted<T> = ReadonlyArray<readonly [T, number]>;

/** HTCDS prs_Gender codes. */
export const GENDER_SHARES: Weighted<string> = [
  ['Feminine', 70],
  ['Masculine', 28],
  ['NonConforming', 0.6],
  ['NonSpecifiedUnknown', 1.4],
];

/** Age in years drawn within a CTDC band (band, weight, [lowest, highest]). */
export const AGE_SHARES: Weighted<readonly [number, number]> = [
  [[3, 8], 3],
  [[9, 17], 17],
  [[18, 20], 12],
  [[21, 23], 12],
  [[24, 26], 11],
  [[27, 29], 9],
  [[30, 38], 20],
  [[39, 47], 10],
  [[48, 65], 6],
];

/** Registration years 2002–2025: relative weights. */
export const YEAR_SHARES: Weighted<number> = Array.from({ length: 24 }, (_, i) => {
  const year = 2002 + i;
  const rise = year <= 2019 ? 1 + (year - 2002) * 0.55 : year === 2020 ? 6.5 : 8 + (year - 2021) * 0.6;
  return [year, rise] as const;
});

/** A region: its corridors (HTCDS alpha-3 citizenship → country of exploitation) and its mix of types. */
export interface Region {
  corridors: Weighted<readonly [string, string]>;
  /** vic_TypeOfExploitation combinations. */
  exploitation: Weighted<readonly string[]>;
  transit: readonly string[];
}

export const REGIONS: Readonly<Record<'north' | 'south' | 'east', Region>> = {
  north: {
    corridors: [
      [['UKR', 'RUS'], 22],
      [['UKR', 'UKR'], 14],
      [['UKR', 'POL'], 10],
      [['MDA', 'RUS'], 12],
      [['MDA', 'TUR'], 8],
      [['BLR', 'RUS'], 9],
      [['ROU', 'ITA'], 7],
      [['BGR', 'DEU'], 6],
      [['ALB', 'GBR'], 5],
      [['KGZ', 'RUS'], 7],
    ],
    exploitation: [
      [['SexualExploitation'], 52],
      [['ForcedLabour'], 38],
      [['ForcedLabour', 'SexualExploitation'], 4],
      [['ForcedBegging'], 3],
      [['Other'], 3],
    ],
    transit: ['POL', 'ROU', 'TUR', 'HUN'],
  },
  south: {
    corridors: [
      [['NGA', 'ITA'], 14],
      [['NGA', 'LBY'], 12],
      [['GHA', 'GHA'], 14],
      [['ETH', 'SAU'], 12],
      [['SEN', 'SEN'], 8],
      [['MLI', 'CIV'], 7],
      [['NER', 'DZA'], 6],
      [['ERI', 'LBY'], 6],
      [['KEN', 'SAU'], 8],
      [['UGA', 'ARE'], 7],
      [['SDN', 'EGY'], 6],
    ],
    exploitation: [
      [['SexualExploitation'], 40],
      [['ForcedLabour'], 38],
      [['ChildLabour', 'ForcedLabour'], 6],
      [['ForcedMarriage'], 7],
      [['Servitude'], 6],
      [['Other'], 3],
    ],
    transit: ['NER', 'LBY', 'SDN', 'MLI'],
  },
  east: {
    corridors: [
      [['PHL', 'MYS'], 13],
      [['PHL', 'SAU'], 9],
      [['IDN', 'MYS'], 14],
      [['IDN', 'SAU'], 7],
      [['KHM', 'THA'], 12],
      [['MMR', 'THA'], 12],
      [['VNM', 'CHN'], 8],
      [['LAO', 'THA'], 7],
      [['BGD', 'IND'], 8],
      [['NPL', 'IND'], 6],
      [['PHL', 'PHL'], 6],
    ],
    exploitation: [
      [['ForcedLabour'], 58],
      [['SexualExploitation'], 30],
      [['ForcedLabour', 'SexualExploitation'], 4],
      [['ForcedMarriage'], 5],
      [['Other'], 3],
    ],
    transit: ['THA', 'MYS', 'SGP'],
  },
};

/** ISIC sections of forced labour, weighted. */
export const SECTOR_SHARES: Weighted<string> = [
  ['T_ActivitiesOfHouseholdsAsEmployers', 26],
  ['F_Construction', 20],
  ['A_AgricultureForestryAndFishing', 22],
  ['C_Manufacturing', 14],
  ['I_AccommodationAndFoodServiceActivities', 10],
  ['B_MiningAndQuarrying', 4],
  ['H_TransportationAndStorage', 4],
];

export const CONTROL_CODES = [
  'PsychologicalAbuse',
  'PhysicalAbuse',
  'PhysicalThreats',
  'FalsePromises',
  'TakesEarnings',
  'DebtBondage',
  'WithholdsDocuments',
  'ExcessiveWorkingHours',
  'SexualAbuse',
  'WithholdsNecessities',
] as const;

export const RELATION_SHARES: Weighted<string> = [
  ['Acquainted', 45],
  ['Unaquainted', 35],
  ['Familial', 20],
];
