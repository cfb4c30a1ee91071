/**
 * A case's lifecycle, after IOM's assistance process: screening decides eligibility; an eligible
 * person is assisted, may return, is reintegrated, and the case is closed. Closed cases can be
 * reopened. HTCDS v2.0 records the case status under cas_ (packages/forms/src/builtin/htcds).
 */
export const CASE_STATUSES = [
  'screening',
  'eligible',
  'not_eligible',
  'assisted',
  'returned',
  'reintegrated',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Which status may follow which. Every change also needs who, when and why (see case-history.ts). */
const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  screening: ['eligible', 'not_eligible', 'closed'],
  eligible: ['assisted', 'not_eligible', 'closed'],
  not_eligible: ['eligible', 'closed'],
  // Return is not every case's path: a person assisted where they are may go straight to reintegration.
  assisted: ['returned', 'reintegrated', 'closed'],
  returned: ['reintegrated', 'closed'],
  reintegrated: ['closed'],
  // Reopening goes back to the status the case had before it was closed (checked by the caller).
  closed: ['screening', 'eligible', 'not_eligible', 'assisted', 'returned', 'reintegrated'],
};

export function allowedNext(from: CaseStatus): readonly CaseStatus[] {
  return NEXT[from];
}

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return NEXT[from].includes(to);
}
