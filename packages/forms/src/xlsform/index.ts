/**
 * XLSForm import, a separate entry point (`@tern/forms/xlsform`) so that the spreadsheet reader is
 * only loaded where forms are imported (admin upload, CLI), never in the interviewer's bundle.
 */
export { importXlsForm } from './import-xlsform.ts';
export type { ImportProblem, ImportResult } from './import-xlsform.ts';
export { LIMITS as XLSFORM_LIMITS } from './read-workbook.ts';
