import type { Assignment, CaseBody } from './case-doc.ts';

export class CaseAssignmentError extends Error {
  readonly code = 'TERN_CASE_ASSIGNMENT';
  constructor(message: string) {
    super(message);
    this.name = 'CaseAssignmentError';
  }
}

/**
 * Assign or transfer a case (a data officer's act, decision 135): a new `assignments` item saying from
 * whom to whom, by whom and when, and `assignedTo` set to the new holder. Refuses an empty name and an
 * assignment to the current holder (nothing would change, yet the history would say it did).
 */
export function assignCase(c: CaseBody, to: string, who: { by: string; at: string; id: string }): CaseBody {
  const name = to.trim();
  if (name === '') throw new CaseAssignmentError('Choose the interviewer the case goes to');
  if (name === c.assignedTo) throw new CaseAssignmentError(`The case is already assigned to ${name}`);
  const item: Assignment = { _id: who.id, from: c.assignedTo ?? null, to: name, by: who.by, at: who.at };
  return {
    ...c,
    assignedTo: name,
    assignments: [...(c.assignments ?? []), item],
    updatedAt: who.at,
    updatedBy: who.by,
  };
}
