import { nextRevision } from '@tern/sync';
import type { WireDoc } from '@tern/sync';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let counter = 0;

/** A ULID-shaped id that is unique within a test run and sorts by creation. */
export function testUlid(): string {
  counter += 1;
  const n = counter.toString(32).toUpperCase().padStart(10, '0');
  const tail = [...n].map((ch) => CROCKFORD[parseInt(ch, 32)]).join('');
  return '01J00000000000' + tail.slice(-12).padStart(12, '0');
}

export function submission(
  mission: string,
  answers: Record<string, unknown>,
  id = `sub:${testUlid()}`,
): WireDoc {
  const body = {
    type: 'submission',
    mission,
    form: 'quick-screening@1',
    answers,
    createdAt: '2026-11-20T10:00:00.000Z',
    device: 'dev-test',
  };
  const { rev, revisions } = nextRevision(null, body);
  return { _id: id, _rev: rev, _revisions: revisions, ...body };
}

export function edit(doc: WireDoc, changes: Record<string, unknown>): WireDoc {
  const { _id, _rev, _revisions, _deleted: _d, ...body } = doc;
  const next = { ...body, ...changes };
  const r = nextRevision({ rev: _rev, revisions: _revisions }, next);
  return { _id, _rev: r.rev, _revisions: r.revisions, ...next };
}

export const validAnswers = (name: string) => ({ full_name: name, interview_date: '2026-11-20', age: 30 });
