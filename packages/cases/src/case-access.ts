import type { Assignment, CaseBody } from './case-doc.ts';

/**
 * Who sees which records of a mission (decision 135). The server applies it at both sync doors; the
 * UI only mirrors it. Pure: no store, no request.
 *
 * - Data officers and admins see the whole mission.
 * - An interviewer sees a case assigned to them, a case shared with them, and a case they created that
 *   nobody was ever assigned to (cases made before assignment existed); the records of a case
 *   (submissions with its `caseId`) follow the case; a submission tied to no case is seen by the
 *   interviewer who made or last edited it, or who works on the device that made it.
 * - Researchers and statisticians see no records (they read aggregates and projections only; the doors
 *   refuse them before this rule).
 */
export type ViewerRole = 'interviewer' | 'data_officer' | 'admin' | 'researcher' | 'statistician' | 'relay';

export interface Viewer {
  username: string;
  role: ViewerRole;
}

/** The parts of a case body the rule reads: tolerant of old or partial bodies (all optional). */
export type CaseLike = Partial<
  Pick<CaseBody, 'assignedTo' | 'sharedWith' | 'createdBy'> & { assignments: Assignment[] }
>;

/** The parts of a submission body the rule reads. */
export interface SubmissionLike {
  caseId?: unknown;
  device?: unknown;
  createdBy?: unknown;
  updatedBy?: unknown;
}

// A mission relay (decision 194) holds the whole mission for the office's devices, as headquarters does.
export const seesWholeMission = (v: Viewer): boolean =>
  v.role === 'data_officer' || v.role === 'admin' || v.role === 'relay';

/** Does the case belong to this interviewer now (assigned, shared, or made by them and never assigned)? */
export function caseIsTheirs(c: CaseLike, username: string): boolean {
  if (c.assignedTo !== undefined && c.assignedTo !== '')
    return c.assignedTo === username || shared(c, username);
  return c.createdBy === username || shared(c, username);
}

/**
 * Did this interviewer ever hold the case (now, or before a transfer)? Their device may then hold its
 * personal data, so a pull that no longer shows it must tell the device to drop it; and an edit they
 * made offline before the transfer is still accepted (decision 136).
 */
export function everHeld(c: CaseLike, username: string): boolean {
  if (caseIsTheirs(c, username) || c.createdBy === username) return true;
  return (c.assignments ?? []).some((a) => a.to === username || a.from === username);
}

const shared = (c: CaseLike, username: string) => (c.sharedWith ?? []).includes(username);

/**
 * May this viewer see this record? `caseOf` gives the stored case of a submission's `caseId` (undefined
 * when the server does not hold it); `ownDevice` says whether a device id is one the viewer works on
 * (their registered devices). A submission whose case is unknown is seen by whoever made it, like a
 * submission tied to no case. Tombstones are seen by all (they carry no personal data).
 */
export function mayView(
  v: Viewer,
  id: string,
  body: Record<string, unknown>,
  caseOf: (caseId: string) => CaseLike | undefined,
  ownDevice: (device: string) => boolean = () => false,
): boolean {
  if (seesWholeMission(v)) return true;
  if (v.role !== 'interviewer') return false;
  // A tombstone carries no personal data and no case link: every device that may hold the record must
  // learn it was deleted (decision 135).
  if (body._deleted === true) return true;
  if (id.startsWith('case:')) return caseIsTheirs(body as CaseLike, v.username);
  const sub = body as SubmissionLike;
  if (typeof sub.caseId === 'string') {
    const c = caseOf(sub.caseId);
    if (c) return caseIsTheirs(c, v.username);
  }
  return (
    sub.createdBy === v.username ||
    sub.updatedBy === v.username ||
    (typeof sub.device === 'string' && ownDevice(sub.device))
  );
}

/** The case ids a set of records needs looked up to apply `mayView` (each once). */
export function caseIdsOf(docs: ReadonlyArray<{ _id: string } & Record<string, unknown>>): string[] {
  const ids = new Set<string>();
  for (const d of docs) if (!d._id.startsWith('case:') && typeof d.caseId === 'string') ids.add(d.caseId);
  return [...ids];
}
