// The public surface of @tern/profiles: Migration Profiles (issue 15) as pure functions over a plain
// JSON document — the document and its keys, values from several sources, imports (SDMX-CSV, CSV,
// XLSX), the data-gap matrix, the edition workflow and diff, the report model and the figures export
// (docs/profiles.md).
export { PROFILE_ERROR_CODES, ProfileError, isProfileError } from './errors.ts';
export type { ProfileErrorCode } from './errors.ts';
export { PRODUCT_LANGUAGES, SECTION_IDS, SECTION_TITLES, sectionTitle } from './document/sections.ts';
export type { ProductLanguage, SectionId } from './document/sections.ts';
export { countryName, isAlpha3, toAlpha2, toAlpha3 } from './document/country.ts';
export { ITEM_ID, fnv1a, profileDocId, valueKey } from './document/keys.ts';
export {
  Comment,
  DEFAULT_STALE_AFTER_YEARS,
  DEFAULT_TOLERANCE,
  EDITION_STATUSES,
  GAP_PLAN_STATUSES,
  GapPlan,
  IndicatorTable,
  LangText,
  LanguageTag,
  Paragraph,
  ProfileBody,
  ProfileValue,
  Section,
  WorkflowStep,
  newProfile,
  parseProfile,
} from './document/schema.ts';
export type { EditionStatus } from './document/schema.ts';
export { disagreements, relativeSpread, sideBySide, toleranceOf } from './values/side-by-side.ts';
export type { SideBySideCell } from './values/side-by-side.ts';
export { addTernFigures, claimsTern, isTernSource, sealText } from './values/tern-figures.ts';
export { NO_RELIABILITY, applyRows, checkRows } from './import/rows.ts';
export type { CandidateRow, ImportOptions, Rejection } from './import/rows.ts';
export { importSdmxCsv, sdmxRows } from './import/sdmx-csv.ts';
export type { SdmxOptions } from './import/sdmx-csv.ts';
export { LONG_COLUMNS, importCsv, importXlsx, longRows } from './import/long-table.ts';
export { gapMatrix, overduePlans, unplannedGaps } from './gaps/matrix.ts';
export type { Gap, GapMatrix, IndicatorBlock, MatrixOptions, SourceRow } from './gaps/matrix.ts';
export {
  TRANSITIONS,
  addComment,
  checkEdit,
  nextEdition,
  openComments,
  resolveComment,
  transition,
} from './editions/workflow.ts';
export type { Actor, ProfileRole, WorkflowAction } from './editions/workflow.ts';
export { diffEditions, diffLines, isEmptyDiff } from './editions/diff.ts';
export type {
  Change,
  EditionDiff,
  FigureChange,
  TableChange,
  TextChange,
  WordPart,
} from './editions/diff.ts';
export { directionOf, reportModel } from './report/report-model.ts';
export type {
  ReportModel,
  ReportParagraph,
  ReportRow,
  ReportSection,
  ReportTable,
} from './report/report-model.ts';
export { escapeHtml, reportHtml } from './report/report-html.ts';
export { figuresCsv, figuresTable, figuresXlsx } from './report/figures-export.ts';
