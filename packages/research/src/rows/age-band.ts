/**
 * CTDC `ageBroad`: the age when the person was registered, in the bands of the CTDC codebooks (v6 2017
 * variable 4; synthetic 2024 variable 3), spelled as the 2020 global dataset spells them (`18--20`).
 */
export const AGE_BANDS = [
  '0--8',
  '9--17',
  '18--20',
  '21--23',
  '24--26',
  '27--29',
  '30--38',
  '39--47',
  '48+',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

const UPPER = [8, 17, 20, 23, 26, 29, 38, 47];

/** The band of an age in whole years, or null for no age, a negative one or one past 120. */
export function ageBand(age: unknown): AgeBand | null {
  const years = typeof age === 'string' && age.trim() !== '' ? Number(age) : age;
  if (typeof years !== 'number' || !Number.isFinite(years) || years < 0 || years > 120) return null;
  const whole = Math.floor(years);
  const i = UPPER.findIndex((upper) => whole <= upper);
  return AGE_BANDS[i === -1 ? AGE_BANDS.length - 1 : i]!;
}

/** CTDC majorityStatus from a band. */
export const majority = (band: AgeBand | null): 'Minor' | 'Adult' | null =>
  band === null ? null : band === '0--8' || band === '9--17' ? 'Minor' : 'Adult';
