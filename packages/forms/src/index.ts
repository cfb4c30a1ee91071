export {
  FormDefinition,
  FormNode,
  Group,
  LocalizedText,
  parseFormDefinition,
  questionsOf,
} from './definition.ts';
export type { Question } from './definition.ts';
export { validateResponse } from './validate-response.ts';
export type { Answers, ValidationIssue } from './validate-response.ts';
export { builtinForms, quickScreening } from './builtin/index.ts';
