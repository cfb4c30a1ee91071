export { importXlsForm } from './import-xlsform.ts';
export type { ImportResult } from './import-xlsform.ts';
export { formatImportProblem } from './problem.ts';
export type { ImportProblem, Severity } from './problem.ts';
export { LIMITS as XLSFORM_LIMITS } from './read-workbook.ts';
