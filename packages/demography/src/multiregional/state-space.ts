// The shape of every multiregional array. States are regions (NUTS codes) or population groups
// (ethnicity, citizenship) — the engine does not care which. Two sexes, A age groups of width n years
// (the last one open unless the convention says closed), R states.
//
// Layout (row-major, Float64Array): a population-like array is [sex][age][state], index
// (sex·A + age)·R + state; an origin–destination array is [sex][age][origin][destination].
// Per age group the R values of a sex are contiguous, so the per-age R×R algebra reads them in place.

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];
export const FEMALE = 0;
export const MALE = 1;

export interface StateSpace {
  readonly states: readonly string[];
  /** Number of age groups; group a covers [a·width, (a+1)·width), the last one open unless closed. */
  readonly ages: number;
  /** Width of the age groups and of one projection step, in years. */
  readonly width: number;
}

export const stateCount = (s: StateSpace): number => s.states.length;
export const popSize = (s: StateSpace): number => 2 * s.ages * s.states.length;
export const odSize = (s: StateSpace): number => 2 * s.ages * s.states.length ** 2;
export const popIndex = (s: StateSpace, sex: number, age: number, state: number): number =>
  (sex * s.ages + age) * s.states.length + state;
export const odIndex = (s: StateSpace, sex: number, age: number, origin: number, dest: number): number =>
  ((sex * s.ages + age) * s.states.length + origin) * s.states.length + dest;

/** The R values of one sex and age group, as a view (no copy). */
export const ageSlice = (s: StateSpace, a: Float64Array, sex: number, age: number): Float64Array => {
  const R = s.states.length;
  const at = (sex * s.ages + age) * R;
  return a.subarray(at, at + R);
};

/** The R×R origin–destination block of one sex and age group, as a view. */
export const odSlice = (s: StateSpace, a: Float64Array, sex: number, age: number): Float64Array => {
  const R2 = s.states.length ** 2;
  const at = (sex * s.ages + age) * R2;
  return a.subarray(at, at + R2);
};

export const ageLabel = (s: StateSpace, age: number): string =>
  age === s.ages - 1 ? `${age * s.width}+` : `${age * s.width}-${(age + 1) * s.width - 1}`;
