import { everHeld } from '@tern/cases';
import type { CaseLike } from '@tern/cases';
import { historyContains } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import type { Principal } from '../auth/roles.ts';
import type { DocRejection } from './rejection.ts';

/**
 * What an interviewer may push into cases (decisions 135, 136). Data officers and admins assign, so
 * nothing here applies to them (nor to route tests without a principal).
 * - A case, or a record of a case, they never held is refused (`TERN_CASE_NOT_ASSIGNED`). A case
 *   they held before a transfer still takes their edits: made offline before they learned of the
 *   transfer, those edits are pushed first and kept (the device purges only after).
 * - They may not change who holds a case: a new case is theirs (or nobody's), and an edit that
 *   continues the server's current revision keeps `assignedTo`, `sharedWith` and the assignment
 *   items as they are (`TERN_CASE_ASSIGN_FORBIDDEN`). An edit on an older branch (made before the
 *   transfer) may carry the old holder; the three-way merge keeps the officer's change, since that
 *   branch did not make it.
 * `storedCase` is the server's live winner of a case id (undefined when new or deleted).
 */
export function caseAssignmentRejection(
  doc: WireDoc,
  who: Principal | null,
  storedCase: (id: string) => WireDoc | undefined,
): DocRejection | null {
  if (!who || who.role !== 'interviewer' || doc._deleted) return null;
  const me = who.username;
  if (doc._id.startsWith('sub:')) {
    if (typeof doc.caseId !== 'string') return null;
    const c = storedCase(doc.caseId);
    return c && !everHeld(c as CaseLike, me) ? notAssigned(doc.caseId, 'caseId') : null;
  }
  if (!doc._id.startsWith('case:')) return null;
  const stored = storedCase(doc._id);
  const pushed = doc as CaseLike;
  if (!stored) {
    const foreign =
      (pushed.assignedTo !== undefined && pushed.assignedTo !== me) ||
      (pushed.sharedWith ?? []).length > 0 ||
      (pushed.assignments ?? []).length > 0;
    return foreign
      ? forbidden('a new case is assigned to whoever creates it; a data officer transfers it')
      : null;
  }
  const held = stored as CaseLike;
  if (!everHeld(held, me)) return notAssigned(doc._id, null);
  const knownItems = new Set((held.assignments ?? []).map((a) => a._id));
  if ((pushed.assignments ?? []).some((a) => !knownItems.has(a._id)))
    return forbidden('the push adds an assignment');
  const changed =
    (pushed.assignedTo ?? null) !== (held.assignedTo ?? null) ||
    [...(pushed.sharedWith ?? [])].sort().join('\n') !== [...(held.sharedWith ?? [])].sort().join('\n');
  if (changed && historyContains(doc._revisions, stored._rev))
    return forbidden('the edit changes who holds the case');
  return null;
}

const notAssigned = (caseId: string, field: string | null): DocRejection => ({
  code: 'TERN_CASE_NOT_ASSIGNED',
  reason: `Case ${caseId} is not assigned to you; a data officer assigns cases`,
  ...(field ? { field } : {}),
});

const forbidden = (why: string): DocRejection => ({
  code: 'TERN_CASE_ASSIGN_FORBIDDEN',
  reason: `Only a data officer may assign, transfer or share a case: ${why}`,
  field: 'assignedTo',
});
