// Every convention of the multiregional projection, each an explicit parameter (docs/demography.md
// "Conventions"). The defaults are the textbook ones: Rogers' linear "option 1", Preston's half of the
// international migrants at the start of a step and half at the end.
import type { BirthsExposure, MigrationTiming } from '../ccmpp.ts';

/**
 * How transition probabilities follow from the rates of an age group:
 * 'linear' — Rogers' option 1, P = (I + n/2·M)⁻¹(I − n/2·M), person-years L = n/2·(l(x) + l(x+n));
 * 'exponential' — constant intensities within the group, P = exp(−n·M), L = n·φ₁(−n·M)·l(x).
 */
export type LifeTableMethod = 'linear' | 'exponential';

/**
 * The last age group z:
 * 'open-linear' — open; those entering it and those in it are survived with the rates of z like any
 *   other group (the balance of every region holds exactly);
 * 'open-stationary' — open; person-years beyond z are T(z) = M(z)⁻¹·l(z) (Rogers 1975, ch. 3),
 *   so the entering cohort is survived by T(z)·L(z−n)⁻¹ — the multiregional form of Preston's T85/T80;
 * 'closed' — the group is [z, z+n); its members leave the table at the end of the step.
 */
export type LastGroupConvention = 'open-linear' | 'open-stationary' | 'closed';

/**
 * Survival of the births of a step to the first age group:
 * 'life-table' — (1/n)·L(0)·l(0)⁻¹ from the rates of age group 0 (infants move between states too);
 * 'given' — the proportions nL0/(n·l0) in `birthSurvival` per sex and state; infants do not move.
 */
export type BirthSurvival = { kind: 'life-table' } | { kind: 'given'; proportions: Float64Array };

export interface Conventions {
  lifeTable: LifeTableMethod;
  lastGroup: LastGroupConvention;
  /** When international migrants arrive within a step (internal moves are part of the rates). */
  migrationTiming: MigrationTiming;
  birthsExposure: BirthsExposure;
  birthSurvival: BirthSurvival;
}

export const DEFAULT_CONVENTIONS: Conventions = {
  lifeTable: 'linear',
  lastGroup: 'open-linear',
  migrationTiming: 'half-start-half-end',
  birthsExposure: 'start-and-end',
  birthSurvival: { kind: 'life-table' },
};
