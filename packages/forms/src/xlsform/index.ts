export { importXlsForm } from './import-xlsform.ts';
export type { ImportOptions, ImportResult } from './import-xlsform.ts';
export { FILE_LIMITS as XLSFORM_FILE_LIMITS } from './read-file-choices.ts';
export { formatImportProblem } from './problem.ts';
export type { ImportProblem, Severity } from './problem.ts';
export { LIMITS as XLSFORM_LIMITS } from './read-workbook.ts';
