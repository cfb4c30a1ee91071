import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../device/db.ts';
import type { TernDb } from '../device/db.ts';
import { docsOf } from '../device/doc-repository.ts';
import { saveSubmission } from '../records/submissions.ts';
import { answerChanges } from '../records/answers-view.ts';
import { reviewSubmission } from './case-store.ts';
import { corrected } from './ReviewActions.tsx';
import { forgetReviewed, reviewedVersion } from './review-baseline.ts';

let db: TernDb;
let key: CryptoKey;
let n = 0;
const DEVICE = 'dev-01J00000000000000000000001';
beforeEach(async () => {
  n += 1;
  db = openDb(`review-flow-${n}`);
  key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
});
afterEach(async () => {
  await db.delete();
});

describe('review with the answers: return, correct, send again', () => {
  it('the reviewer device keeps the returned answers (sealed) and shows the correction as differences', async () => {
    const answers = { interview_date: '2026-11-20', prs_FirstName: 'Amina', prs_Gender: 'Feminine' };
    const first = await saveSubmission(db, key, {
      mission: 'demo',
      form: 'screening@1',
      answers,
      device: DEVICE,
    });
    const returned = await reviewSubmission(db, key, first, {
      state: 'returned',
      by: 'officer',
      comment: 'Check the gender',
    });
    const kept = await reviewedVersion(db, key, first.id);
    expect(kept?.answers).toEqual(first.body.answers);
    // Sealed: the meta row holds no clear answer.
    const raw = (await db.meta.get(`reviewed:${first.id}`))!.value;
    expect(raw).not.toContain('Amina');
    // Another key cannot read it, and says "no previous version" rather than failing the screen.
    const other = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    expect(await reviewedVersion(db, other, first.id)).toBeNull();

    // Not corrected yet: it cannot be sent again.
    expect(corrected(returned.body)).toBe(false);
    const row = (await docsOf(db).get(first.id))!;
    await new Promise((r) => setTimeout(r, 5));
    const fixed = await saveSubmission(db, key, {
      mission: 'demo',
      form: 'screening@1',
      answers: { ...answers, prs_Gender: 'Masculine' },
      device: DEVICE,
      id: first.id,
      edit: { rev: row.rev, by: 'interviewer' },
    });
    expect(fixed.body.review).toMatchObject({ state: 'returned', comment: 'Check the gender' });
    expect(corrected(fixed.body)).toBe(true);
    expect(
      answerChanges('screening@1', kept!.answers, { ...answers, prs_Gender: 'Masculine' }, 'en'),
    ).toEqual([{ name: 'prs_Gender', label: 'Gender', before: 'Feminine', after: 'Masculine' }]);

    // Sending it again does not overwrite what the reviewer judged; approving does.
    const again = await reviewSubmission(db, key, fixed, { state: 'submitted', by: 'interviewer' });
    expect((await reviewedVersion(db, key, first.id))?.answers).toEqual(first.body.answers);
    await reviewSubmission(db, key, { ...fixed, body: again.body }, { state: 'approved', by: 'officer' });
    expect((await reviewedVersion(db, key, first.id))?.answers).toEqual(fixed.body.answers);
    await forgetReviewed(db, first.id);
    expect(await reviewedVersion(db, key, first.id)).toBeNull();
  });

  it('corrected(): only a save after the return counts; a form never returned is not "corrected"', () => {
    const review = { state: 'returned', at: '2026-12-02T10:00:00.000Z' };
    expect(corrected({ review })).toBe(false);
    expect(corrected({ review, updatedAt: '2026-12-02T09:59:59.000Z' })).toBe(false);
    expect(corrected({ review, updatedAt: '2026-12-02T10:00:01.000Z' })).toBe(true);
    expect(
      corrected({ review: { ...review, state: 'submitted' }, updatedAt: '2026-12-03T00:00:00.000Z' }),
    ).toBe(false);
    expect(corrected({ updatedAt: '2026-12-03T00:00:00.000Z' })).toBe(false);
  });
});
