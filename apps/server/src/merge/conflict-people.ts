import type { ServerDeps } from '../deps.ts';
import { listDevices } from '../devices/device-registry.ts';

/**
 * Words for a conflict, the way the rest of the app names things (issue 16): the case code and the
 * person's name instead of `sub:`/`case:` ids, and a device's number in the mission instead of
 * `dev-01M8…`. A record's case is the record itself (`case:`) or the case its `caseId` names.
 */
export interface ConflictPeople {
  caseCode: string | null;
  person: string | null;
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

export async function conflictPeople(
  deps: Pick<ServerDeps, 'store'>,
  mission: string,
  doc: Record<string, unknown> | null | undefined,
): Promise<ConflictPeople> {
  if (!doc) return { caseCode: null, person: null };
  const id = str(doc._id);
  const theCase = id?.startsWith('case:')
    ? doc
    : str(doc.caseId)
      ? await deps.store.mission(mission).get(String(doc.caseId))
      : null;
  if (!theCase) return { caseCode: null, person: null };
  const pii = theCase.pii && typeof theCase.pii === 'object' ? (theCase.pii as Record<string, unknown>) : {};
  return { caseCode: str(theCase.code), person: str(pii.fullName) };
}

/** The mission's device numbers by device id (registered devices only). */
export async function deviceNumbers(
  deps: Pick<ServerDeps, 'store'>,
  mission: string,
): Promise<Map<string, number>> {
  return new Map((await listDevices(deps.store.ops(mission))).map((d) => [d.deviceId, d.number]));
}
