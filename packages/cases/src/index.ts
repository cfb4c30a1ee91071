export { CASE_STATUSES, allowedNext, canMove } from './case-status.ts';
export type { CaseStatus } from './case-status.ts';
export { caseCode, checkChar, isValidCaseCode } from './case-code.ts';
export { CaseBody, StatusChange, TraffickingStatus } from './case-doc.ts';
export { CaseTransitionError, changeStatus, statusBeforeClose } from './case-history.ts';
export { Assignment } from './case-doc.ts';
export { caseIdsOf, caseIsTheirs, everHeld, mayView, seesWholeMission } from './case-access.ts';
export type { CaseLike, SubmissionLike, Viewer, ViewerRole } from './case-access.ts';
export { CaseAssignmentError, assignCase } from './case-assignment.ts';
