export {
  type EvaluationRecord,
  type EvaluationSet,
  type EvaluationOptions,
  type IdentityTruth,
  type Planted,
  evaluationSet,
} from './evaluation-set.ts';
export { type PrecisionRecall, precisionRecall, exactMatchPairs } from './evaluate.ts';
export { type NameForms, type Origin, ORIGINS } from './names.ts';
export { type RecallRow, recallBreakdown, namesakeFits } from './breakdown.ts';
export { ceilingRecall } from './ceiling.ts';
