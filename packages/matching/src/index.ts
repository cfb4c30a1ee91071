export { type PersonRecord, type BirthDate, parseBirthDate, checkPerson } from './person.ts';
export { MATCHING_ERROR_CODES, type MatchingErrorCode, MatchingError, isMatchingError } from './errors.ts';
export { type NameToken, normaliseName, nameTokens, skeleton } from './normalise-name.ts';
export { type PreparedPerson, prepare } from './prepare.ts';
export {
  type ScreeningIdentity,
  STATED_AGE_ESTIMATE_YEARS,
  identityFromScreening,
  personFromCase,
} from './from-case.ts';
export { type Comparison, COMPARISONS } from './comparisons.ts';
export {
  type BlockingOptions,
  type CandidatePairs,
  DEFAULT_BLOCKING,
  blockingKeys,
  candidatePairs,
} from './blocking.ts';
export {
  type FieldEvidence,
  type FieldParameters,
  type MatchModel,
  type PairScore,
  type Thresholds,
  DEFAULT_THRESHOLDS,
  TF_MIN_U,
  comparisonVector,
  explain,
  probabilityOf,
  weightOf,
} from './fellegi-sunter.ts';
export { NameFrequencies, UNSEEN_NAME_COUNT } from './name-frequencies.ts';
export { type EmSession, emSession, estimateU } from './estimate.ts';
export { type Training, type TrainOptions, train } from './train.ts';
export { type MatchAllOptions, type MatchAllResult, type ScoredPair, matchAll } from './match-all.ts';
export { type Candidate, MatchIndex } from './match-index.ts';
export { seededRandom } from './random.ts';
