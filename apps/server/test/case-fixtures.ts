import { caseCode } from '@tern/cases';
import type { CaseBody } from '@tern/cases';
import { nextRevision } from '@tern/sync';
import type { WireDoc } from '@tern/sync';
import { testUlid } from './fixtures.ts';

const at = '2026-11-20T10:00:00.000Z';
let made = 0;

/** A case made by the data officer, assigned to `assignedTo`, as a first revision. */
export function caseDoc(assignedTo: string, name: string, id = `case:${testUlid()}`): WireDoc {
  const body: CaseBody = {
    type: 'case',
    mission: 'demo',
    code: caseCode('DEMO', 1, ++made),
    status: 'screening',
    assignedTo,
    pii: { fullName: name },
    history: [],
    createdAt: at,
    createdBy: 'data_officer',
    device: 'dev-office',
  };
  const r = nextRevision(null, body);
  return { _id: id, _rev: r.rev, _revisions: r.revisions, ...body };
}
