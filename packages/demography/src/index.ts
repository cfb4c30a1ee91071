// The public surface of @tern/demography: population projections (single-region and multiregional
// cohort-component), scenarios, data import and the migration indicator registry (docs/demography.md).
export { projectCcmpp, timingShares } from './ccmpp.ts';
export type { BirthsExposure, CcmppInput, CcmppResult, CcmppStep, LastGroup, MigrationTiming, SurvivalRatios } from './ccmpp.ts';
export { DEMOGRAPHY_ERROR_CODES, DemographyError, isDemographyError } from './errors.ts';
export type { DemographyErrorCode } from './errors.ts';
