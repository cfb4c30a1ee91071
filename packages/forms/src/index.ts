export {
  Choice,
  FormDefinition,
  FormNode,
  Group,
  Repeat,
  LocalizedText,
  isContainer,
  questionsOf,
} from './definition.ts';
export type { Question, SelectQuestion } from './definition.ts';
export { AttachmentRef, DIGEST_PATTERN, MEDIA_KINDS, NAME_PATTERN } from './definition.ts';
export type { MediaKind, MediaQuestion } from './definition.ts';
export { parseFormDefinition } from './parse-form-definition.ts';
export { checkForm, compileForm } from './compile-form.ts';
export type { CompiledForm, FieldInfo } from './compile-form.ts';
export { FormDefinitionError, formatProblem } from './form-problems.ts';
export type { FormProblem } from './form-problems.ts';
export { evaluateForm, todayIn } from './evaluate-form.ts';
export type { Answers, EvaluateOptions, FormState } from './evaluate-form.ts';
export { evaluateChange } from './evaluate-change.ts';
export type { RecordPath } from './evaluate-change.ts';
export { changeReach } from './dependents.ts';
export type { ChangeReach } from './dependents.ts';
export { offeredChoices, validateResponse } from './validate-response.ts';
export type { ValidateOptions, ValidationCode, ValidationIssue } from './validate-response.ts';
export { pruneIrrelevant } from './prune-irrelevant.ts';
export { initialAnswers, newRepeatInstance } from './initial-answers.ts';
export { fillMetadata } from './metadata.ts';
export { forEachInstance } from './instances.ts';
export type { DeviceFacts } from './metadata.ts';
export { parsePoint } from './geo.ts';
export { COUNTRY_CODES, countryChoices, countryName, isCountryCode } from './countries.ts';
export { searchCountries } from './country-search.ts';
export { choiceFor, currentAnswers, currentCode } from './choice-aliases.ts';
export type { CountryMatch } from './country-search.ts';
export { firstStrongDirection, localize, textDirection } from './text-direction.ts';
export { fillText, outputValues, textRefsOf } from './text-refs.ts';
export {
  CASE_FORM_TITLES,
  addFormLanguage,
  builtinForms,
  loadCaseForms,
  quickScreening,
} from './builtin/index.ts';
export * as expr from './expr/index.ts';
export { compileExpression, ExpressionError, parseExpression } from './expr/index.ts';
export { loadRegexEngine } from '#regex-engine';
export { readyToCompile, usesRegex } from './expr/regex-engine.ts';
