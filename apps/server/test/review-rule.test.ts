import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResult, WireDoc } from '@tern/sync';
import { bearer, edit, submission, testApp, validAnswers } from './fixtures.ts';
import type { TestApp } from './fixtures.ts';

let t: TestApp;
let interviewer: string;
let officer: string;
beforeAll(async () => {
  t = await testApp(['interviewer', 'data_officer']);
  interviewer = await t.login('interviewer');
  officer = await t.login('data_officer');
});
afterAll(() => t.close());

async function push(token: string, docs: WireDoc[]): Promise<PushResult[]> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/sync/demo',
    ...bearer(token),
    payload: { protocol: 1, device: 'dev-test', docs, since: null, pullLimit: 1 },
  });
  expect(res.statusCode).toBe(200);
  return (res.json() as { results: PushResult[] }).results;
}

const at = '2026-11-26T10:00:00.000Z';

describe('approving and returning a record (the review action, per document)', () => {
  it('a data officer approves through the sync door; an edit by an interviewer goes back to review', async () => {
    const doc = submission('demo', validAnswers('Amina'));
    expect((await push(interviewer, [doc]))[0]!.ok).toBe(true);
    const approved = edit(doc, { review: { state: 'approved', by: 'data_officer', at } });
    expect((await push(officer, [approved]))[0]!.ok).toBe(true);
    // Relaying the approved revision unchanged is not an edit.
    expect((await push(interviewer, [approved]))[0]!.ok).toBe(true);
    // Keeping "approved" over changed answers is refused (issue 11: it showed as approved)…
    const kept = edit(approved, { answers: validAnswers('Amina B.') });
    expect((await push(interviewer, [kept]))[0]).toMatchObject({ ok: false, code: 'TERN_APPROVED_EDIT' });
    // …and the same edit sent back for review is stored, the approval staying in its history.
    const back = edit(approved, {
      answers: validAnswers('Amina B.'),
      review: { state: 'submitted', by: 'interviewer', at },
    });
    expect((await push(interviewer, [back]))[0]!.ok).toBe(true);
    const stored = (await t.store.mission('demo').get(doc._id))!;
    expect(stored._rev).toBe(back._rev);
    expect(stored._revisions.ids).toContain(approved._rev.split('-')[1]);
  });

  it('an interviewer cannot approve or return, even naming the officer; resubmitting is allowed', async () => {
    const doc = submission('demo', validAnswers('Bilal'));
    await push(interviewer, [doc]);
    const forged = edit(doc, { review: { state: 'approved', by: 'data_officer', at } });
    const [r] = await push(interviewer, [forged]);
    expect(r).toMatchObject({ ok: false, code: 'TERN_REVIEW_FORBIDDEN', field: 'review' });
    expect((r as { reason: string }).reason).toMatch(/interviewer role does not allow review/);

    const returned = edit(doc, {
      review: { state: 'returned', by: 'data_officer', at, comment: 'Add the date' },
    });
    expect((await push(officer, [returned]))[0]!.ok).toBe(true);
    const resubmitted = edit(returned, { review: { state: 'submitted', by: 'interviewer', at } });
    expect((await push(interviewer, [resubmitted]))[0]!.ok).toBe(true);
  });
});
