import { caseCode } from './case-code.ts';
import { CaseBody } from './case-doc.ts';

/** A valid case body for this package's tests, with fields replaced by `over`. */
export const sampleCase = (over: Partial<CaseBody> = {}): CaseBody =>
  CaseBody.parse({
    type: 'case',
    mission: 'demo',
    code: caseCode('DEMO', 7, 42),
    status: 'screening',
    pii: { fullName: 'Amina' },
    history: [],
    createdAt: '2026-11-10T10:00:00.000Z',
    createdBy: 'u1',
    device: 'dev-1',
    ...over,
  });
