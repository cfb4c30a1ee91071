// Single-region cohort-component projection, female-dominant, two sexes (Preston, Heuveline & Guillot
// 2001, ch. 6, Box 6.2; the same algebra as Wheldon's CCMPP package). Inputs are the textbook's:
// survival ratios nLx+n/nLx, annual fertility rates, the sex ratio at birth, annual net-migration
// proportions of the start population. The multiregional engine (./multiregional) works from rates
// instead; with one region and no internal migration both give the same numbers (a property test).
import { DemographyError } from './errors.ts';

/** Where net migrants of a step are added: Preston's default puts half at the start, half at the end. */
export type MigrationTiming = 'half-start-half-end' | 'start' | 'end';
/** 'open': the last group is x+ and its members survive within it; 'closed': they leave the table. */
export type LastGroup = 'open' | 'closed';

/**
 * Which women give the births of a step: 'start-and-end' averages the start population (with the
 * migrants who arrived at the start) and the whole end population, end-of-step migrants included
 * (Preston Box 6.2); 'survivors' counts at the end only the survivors of the start population, so
 * migrants arriving at the end give no births in that step (Wheldon's Leslie-matrix form).
 */
export type BirthsExposure = 'start-and-end' | 'survivors';

export interface SurvivalRatios {
  /** nL0 / (n·l0): survival of the births of a step to the first age group at its end. */
  births: number;
  /**
   * One value per age group: [i] (i < last) survives group i into group i+1 (nLx+n / nLx); the last
   * value survives the open group within itself (T(z+n)/T(z)). With `lastGroup: 'closed'` it is unused.
   */
  ratios: readonly number[];
}

export interface CcmppStep {
  /** Annual age-specific fertility rates per woman (not multiplied by the step width). */
  fertility: readonly number[];
  /** Males born per female birth. */
  srb: number;
  survival: { female: SurvivalRatios; male: SurvivalRatios };
  /** Annual net-migration proportions of the population at the start of the step, by age. */
  migration: { female: readonly number[]; male: readonly number[] };
}

export interface CcmppInput {
  /** Width of the age groups and of a projection step, in years. */
  width: number;
  base: { female: readonly number[]; male: readonly number[] };
  steps: readonly CcmppStep[];
  migrationTiming?: MigrationTiming;
  lastGroup?: LastGroup;
  birthsExposure?: BirthsExposure;
}

export interface CcmppResult {
  /** [step][age], step 0 the base population. */
  female: number[][];
  male: number[][];
  /** Births during each step (both sexes, before survival). */
  births: number[];
}

export const timingShares = (t: MigrationTiming): [start: number, end: number] =>
  t === 'start' ? [1, 0] : t === 'end' ? [0, 1] : [0.5, 0.5];

export function projectCcmpp(input: CcmppInput): CcmppResult {
  const { width: n, base, steps } = input;
  const A = base.female.length;
  const [startShare, endShare] = timingShares(input.migrationTiming ?? 'half-start-half-end');
  const open = (input.lastGroup ?? 'open') === 'open';
  const birthsExposure = input.birthsExposure ?? 'start-and-end';
  checkInput(input, A);
  const female = [Array.from(base.female)];
  const male = [Array.from(base.male)];
  const births: number[] = [];
  for (const step of steps) {
    const kf = female[female.length - 1]!;
    const km = male[male.length - 1]!;
    const survive = (k: number[], props: readonly number[], s: SurvivalRatios) => {
      const start = k.map((v, a) => v + startShare * props[a]! * n * v);
      const next = new Array<number>(A).fill(0);
      for (let a = 0; a < A - 1; a++) next[a + 1] = s.ratios[a]! * start[a]!;
      if (open) next[A - 1] = next[A - 1]! + s.ratios[A - 1]! * start[A - 1]!;
      return { start, next };
    };
    const f = survive(kf, step.migration.female, step.survival.female);
    const m = survive(km, step.migration.male, step.survival.male);
    // End-of-step migrants join before births are counted (Preston's Box 6.2 averages the fertility
    // exposure over the whole start and end populations); 'survivors' leaves them out (Wheldon's Leslie form).
    const fEnd = f.next.map((v, a) => v + endShare * step.migration.female[a]! * n * kf[a]!);
    const mEnd = m.next.map((v, a) => v + endShare * step.migration.male[a]! * n * km[a]!);
    const exposureEnd = birthsExposure === 'start-and-end' ? fEnd : f.next;
    // Births: women at the start (with the migrants who arrived then) and at the end, each at the rate
    // of the age group they are in, averaged over the step (Preston et al. 2001, ch. 6).
    let b = 0;
    for (let a = 0; a < A; a++) b += (n / 2) * step.fertility[a]! * (f.start[a]! + exposureEnd[a]!);
    births.push(b);
    fEnd[0] = fEnd[0]! + (b / (1 + step.srb)) * step.survival.female.births;
    mEnd[0] = mEnd[0]! + ((b * step.srb) / (1 + step.srb)) * step.survival.male.births;
    female.push(fEnd);
    male.push(mEnd);
  }
  return { female, male, births };
}

function checkInput(input: CcmppInput, A: number): void {
  const bad = (what: string) => {
    throw new DemographyError('TERN_DEMOGRAPHY_BAD_INPUT', `CCMPP input: ${what}`);
  };
  if (!(input.width > 0)) bad(`the step width must be positive, got ${input.width}`);
  if (A < 2) bad('at least two age groups are needed');
  if (input.base.male.length !== A) bad(`male base has ${input.base.male.length} age groups, female ${A}`);
  input.steps.forEach((s, i) => {
    const lengths = [
      s.fertility,
      s.migration.female,
      s.migration.male,
      s.survival.female.ratios,
      s.survival.male.ratios,
    ];
    if (lengths.some((v) => v.length !== A)) bad(`step ${i + 1}: every age vector must have ${A} values`);
    if (!(s.srb > 0)) bad(`step ${i + 1}: the sex ratio at birth must be positive`);
    for (const r of [
      ...s.survival.female.ratios,
      ...s.survival.male.ratios,
      s.survival.female.births,
      s.survival.male.births,
    ])
      if (!(r >= 0 && r <= 1)) bad(`step ${i + 1}: survival ratios must lie in [0, 1], got ${r}`);
  });
}
