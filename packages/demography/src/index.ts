// The public surface of @tern/demography: population projections (single-region and multiregional
// cohort-component), scenarios, data import and the migration indicator registry (docs/demography.md).
export { projectCcmpp, timingShares } from './ccmpp.ts';
export type {
  BirthsExposure,
  CcmppInput,
  CcmppResult,
  CcmppStep,
  LastGroup,
  MigrationTiming,
  SurvivalRatios,
} from './ccmpp.ts';
export { DEMOGRAPHY_ERROR_CODES, DemographyError, isDemographyError } from './errors.ts';
export type { DemographyErrorCode } from './errors.ts';
export {
  FEMALE,
  MALE,
  SEXES,
  ageLabel,
  ageSlice,
  odIndex,
  odSize,
  odSlice,
  popIndex,
  popSize,
} from './multiregional/state-space.ts';
export type { Sex, StateSpace } from './multiregional/state-space.ts';
export { DEFAULT_CONVENTIONS } from './multiregional/conventions.ts';
export type {
  BirthSurvival,
  Conventions,
  LastGroupConvention,
  LifeTableMethod,
} from './multiregional/conventions.ts';
export { checkRates, estimateRates } from './multiregional/rates.ts';
export type { InternationalInflow, MultiregionalRates, ObservedPeriod } from './multiregional/rates.ts';
export { projectMultiregional, totalsByState } from './multiregional/project.ts';
export type {
  InflowSchedule,
  ProjectionInput,
  ProjectionResult,
  RateSchedule,
} from './multiregional/project.ts';
export type { StepComponents } from './multiregional/components.ts';
export { multiregionalLifeTable } from './multiregional/life-table.ts';
export type { MultiregionalLifeTable } from './multiregional/life-table.ts';
export { buildOperators, survivorshipMatrices } from './multiregional/operators.ts';
export type { CohortOperators } from './multiregional/operators.ts';
export { runScenario, runScenarios } from './scenarios/scenario.ts';
export type { Baseline, Override, Scenario } from './scenarios/scenario.ts';
export { compareScenarios, oldAgeDependency } from './scenarios/compare.ts';
export type { ComparisonRow } from './scenarios/compare.ts';
export { parseCsv, MAX_CSV_BYTES } from './import/csv.ts';
export type { TextTable } from './import/csv.ts';
export { parseWorkbook, readXlsxTable, sheetTable, XLSX_LIMITS } from './import/xlsx.ts';
export { importDataset, RATE_KINDS } from './import/dataset.ts';
export type { Dataset, DatasetKind, DatasetOptions, Rejection } from './import/dataset.ts';
export { assembleObserved } from './import/assemble.ts';
export type { AssembleOptions, ObservedDatasets } from './import/assemble.ts';
export { parseAge, ageText } from './import/age-codes.ts';
export type { AgeGroup } from './import/age-codes.ts';
export { INDICATORS, indicatorById } from './registry/indicators.ts';
export type { IndicatorDefinition, IndicatorUnit } from './registry/indicators.ts';
export { IndicatorRegistry, checkIndicatorValues } from './registry/values.ts';
export type { IndicatorValue, ValueProblem } from './registry/values.ts';
export { componentRows, eurostatAge, populationRows, toCsv } from './export/long-rows.ts';
export type { Row } from './export/long-rows.ts';
export { importWorkbook } from './import/workbook.ts';
