import { canMove } from './case-status.ts';
import type { CaseStatus } from './case-status.ts';
import type { CaseBody, StatusChange } from './case-doc.ts';

export class CaseTransitionError extends Error {
  readonly code = 'TERN_CASE_TRANSITION';
  constructor(message: string) {
    super(message);
    this.name = 'CaseTransitionError';
  }
}

/** The status a closed case had before it was closed: where a reopening returns. */
export function statusBeforeClose(c: Pick<CaseBody, 'history'>): CaseStatus | null {
  const last = [...c.history]
    .sort((a, b) => a.at.localeCompare(b.at))
    .reverse()
    .find((h) => h.to === 'closed');
  return last?.from ?? null;
}

/**
 * Change a case's status with who, when and why. Refuses moves the lifecycle does not allow, a
 * reopening to any status but the one before closing, and a change without a reason where one is
 * needed (not eligible, closing, reopening).
 */
export function changeStatus(
  c: CaseBody,
  to: CaseStatus,
  who: { by: string; at: string; id: string; reason?: string },
): CaseBody {
  const from = c.status;
  if (from === to) throw new CaseTransitionError(`The case is already ${to}`);
  if (!canMove(from, to)) throw new CaseTransitionError(`A case cannot go from ${from} to ${to}`);
  if (from === 'closed' && statusBeforeClose(c) !== to) {
    throw new CaseTransitionError(
      `A closed case reopens to the status it had before closing (${statusBeforeClose(c) ?? 'unknown'})`,
    );
  }
  const needsReason = to === 'not_eligible' || to === 'closed' || from === 'closed';
  if (needsReason && !who.reason?.trim())
    throw new CaseTransitionError(`Give a reason to move the case to ${to}`);
  const change: StatusChange = {
    _id: who.id,
    from,
    to,
    by: who.by,
    at: who.at,
    ...(who.reason ? { reason: who.reason } : {}),
  };
  return { ...c, status: to, history: [...c.history, change], updatedAt: who.at, updatedBy: who.by };
}
