// The public surface of @tern/research: de-identified research rows, the analytics store and the
// disclosure control every table passes before it leaves the server (docs/research-privacy.md).
export { DIMENSIONS, DIMENSION_NAMES, UNKNOWN, isDimension, isMulti } from './dimensions.ts';
export type {
  Dimension,
  DimensionInfo,
  DimensionKind,
  MultiDimension,
  SingleDimension,
} from './dimensions.ts';
export { RESEARCH_ERROR_CODES, ResearchError, isResearchError } from './errors.ts';
export type { ResearchErrorCode } from './errors.ts';
export { AGE_BANDS, ageBand, majority } from './rows/age-band.ts';
export type { AgeBand } from './rows/age-band.ts';
export { MIN_SECRET_BYTES, researchKeys } from './rows/research-keys.ts';
export type { ResearchKeys } from './rows/research-keys.ts';
export { fragmentOf } from './rows/fragments.ts';
export type { AssistanceFragment, CaseFragment, Fragment, ScreeningFragment } from './rows/fragments.ts';
export { deidentifyCase, rowFromFragments } from './rows/research-row.ts';
export type { ResearchRow } from './rows/research-row.ts';
export { openDuckDbStore } from './store/duckdb-store.ts';
export { peopleGroups, peoplePairs } from './store/people.ts';
export type { DuckDbStoreOptions } from './store/duckdb-store.ts';
export { catchUp, rebuildAnalytics } from './store/catch-up.ts';
export type { CatchUpOptions, CatchUpResult, ChangeSource } from './store/catch-up.ts';
export type {
  AnalyticsStatus,
  AnalyticsStore,
  Checkpoint,
  FeedBatch,
  CountUnit,
  FineCount,
  FineQuery,
  Recreation,
} from './store/analytics-store.ts';
export { DEFAULT_PTABLE, cellKeyPTable, perturbation } from './disclosure/ptable.ts';
export type { PTable, PTableRow } from './disclosure/ptable.ts';
export { MIN_K, disclosureParams } from './disclosure/parameters.ts';
export type { DisclosureParams } from './disclosure/parameters.ts';
export { MAX_TABLE_DIMS, checkQuery } from './disclosure/table-query.ts';
export type { CheckedQuery, TableQuery } from './disclosure/table-query.ts';
export { publishedValue } from './disclosure/publish.ts';
export type { PublishedCell } from './disclosure/publish.ts';
export { METHOD, researchFlows, researchSeries, researchTable } from './disclosure/research-tables.ts';
export type { Margin, PublishedTable, ResearchScope } from './disclosure/research-tables.ts';
export { CTDC_HEADER, MISSING, ctdcGender, ctdcRecord, toCsv } from './ctdc/ctdc-format.ts';
export type { CtdcRecord } from './ctdc/ctdc-format.ts';
export { HIERARCHIES, QI_COLUMNS } from './ctdc/hierarchies.ts';
export type { Hierarchy } from './ctdc/hierarchies.ts';
export { kAnonymousCtdc, naiveKAnonymousCtdc } from './ctdc/k-anonymity.ts';
export type { KAnonymityOptions, KAnonymityReport, KAnonymousExport } from './ctdc/k-anonymity.ts';
export { exportCtdc } from './ctdc/ctdc-export.ts';
export type { CtdcExport } from './ctdc/ctdc-export.ts';
export { parseCtdc } from './ctdc/ctdc-import.ts';
export type { CtdcParseOptions, CtdcParseResult, RejectedRow } from './ctdc/ctdc-import.ts';
export { MAX_FIELD_CHARS } from './ctdc/ctdc-row.ts';
export { openCtdcSources } from './ctdc/ctdc-sources.ts';
export type {
  CtdcSources,
  CtdcSourcesOptions,
  ImportReport,
  ResearchSources,
  SourceInfo,
} from './ctdc/ctdc-sources.ts';
