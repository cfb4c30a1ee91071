import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignCase } from '@tern/cases';
import type { CaseBody } from '@tern/cases';
import { MemorySyncStorage, bodyOf, fetchRemote, syncOnce } from '@tern/sync';
import { PASSWORD, testApp, testUlid, validAnswers } from './fixtures.ts';
import type { TestApp } from './fixtures.ts';
import { caseDoc } from './case-fixtures.ts';

/**
 * Issue 16, "what it must show": a reassigned case's personal data leaves the old interviewer's device
 * at their next sync, after their unsynced edit of it was pushed and kept; the new interviewer's device
 * gets the case and its older records (decision 136). Real server on loopback, the real replicator.
 */
let t: TestApp;
let url: string;
const tokens: Record<string, string> = {};
const remote = (who: string) =>
  fetchRemote(url, { headers: () => ({ authorization: `Bearer ${tokens[who]}` }) });
const at = '2026-11-21T09:00:00.000Z';

beforeAll(async () => {
  t = await testApp(['interviewer', 'data_officer']);
  await t.accounts.create(
    { username: 'ben', password: PASSWORD, role: 'interviewer', missions: ['demo'] },
    'test',
  );
  for (const u of ['interviewer', 'ben', 'data_officer']) tokens[u] = await t.login(u);
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}/api/sync/demo`;
});
afterAll(() => t.close());

describe('reassigning a case', () => {
  it('removes its personal data from the old interviewer’s device and brings it to the new one', async () => {
    const office = new MemorySyncStorage();
    const x = caseDoc('interviewer', 'Xenia Moved');
    const { _id: xId, _rev: _r, _revisions: _h, ...xBody } = x;
    await office.save(xId, xBody);
    const sub = `sub:${testUlid()}`;
    await office.save(sub, {
      type: 'submission',
      mission: 'demo',
      form: 'quick-screening@1',
      answers: validAnswers('Xenia Moved'),
      createdAt: at,
      device: 'dev-office',
      caseId: xId,
    });
    const other = caseDoc('ben', 'Other Person');
    const { _id: oId, _rev: _r2, _revisions: _h2, ...oBody } = other;
    await office.save(oId, oBody);
    expect((await syncOnce(office, remote('data_officer'), { device: 'dev-office' })).rejected).toBe(0);

    // A's device holds X and its record; B's device has synced too (B's checkpoint is past X's records).
    const a = new MemorySyncStorage();
    const b = new MemorySyncStorage();
    await syncOnce(a, remote('interviewer'), { device: 'dev-a' });
    await syncOnce(b, remote('ben'), { device: 'dev-b' });
    expect([...a.docs.keys()].sort()).toEqual([xId, sub].sort());
    expect([...b.docs.keys()]).toEqual([oId]);

    // A edits X's record offline; meanwhile the officer transfers X to B.
    const aEdit = await a.save(sub, {
      ...a.docs.get(sub)!.body,
      answers: validAnswers('Xenia Edited'),
      updatedBy: 'interviewer',
      updatedAt: at,
    });
    const current = office.docs.get(xId)!;
    await office.save(
      xId,
      assignCase(current.body as CaseBody, 'ben', {
        by: 'data_officer',
        at,
        id: '01J00000000000000000TRANSF',
      }),
    );
    expect((await syncOnce(office, remote('data_officer'), { device: 'dev-office' })).rejected).toBe(0);

    // A syncs: the edit is pushed and kept, then X and its record leave A's device.
    const aRun = await syncOnce(a, remote('interviewer'), { device: 'dev-a' });
    expect(aRun.rejected).toBe(0);
    expect(aRun.purged.sort()).toEqual([xId, sub].sort());
    expect(a.docs.size).toBe(0);
    expect(JSON.stringify([...a.docs.values()])).not.toContain('Xenia');
    const onServer = await t.store.mission('demo').get(sub);
    expect(onServer?._rev).toBe(aEdit);
    expect(JSON.stringify(bodyOf(onServer!))).toContain('Xenia Edited');

    // B syncs: X arrives, and so does its older record (a second pull from the start, B's view only).
    await syncOnce(b, remote('ben'), { device: 'dev-b' });
    expect([...b.docs.keys()].sort()).toEqual([oId, xId, sub].sort());
    expect(b.docs.get(sub)!.rev).toBe(aEdit);

    // A syncs again: nothing of X comes back.
    await syncOnce(a, remote('interviewer'), { device: 'dev-a' });
    expect(a.docs.size).toBe(0);
  });

  it('keeps a departed case’s record the server refused, with its reason, until it is dealt with', async () => {
    const x = caseDoc('interviewer', 'Yusuf Kept');
    const { _id: xId, _rev: _r, _revisions: _h, ...xBody } = x;
    const office = new MemorySyncStorage();
    await office.save(xId, xBody);
    await syncOnce(office, remote('data_officer'), { device: 'dev-office' });
    const a = new MemorySyncStorage();
    await syncOnce(a, remote('interviewer'), { device: 'dev-a2' });
    // An answer the form refuses (age 500): the push is rejected, so the device keeps it.
    const bad = `sub:${testUlid()}`;
    await a.save(bad, {
      type: 'submission',
      mission: 'demo',
      form: 'quick-screening@1',
      answers: { ...validAnswers('Yusuf Kept'), age: 500 },
      createdAt: at,
      device: 'dev-a2',
      caseId: xId,
    });
    await office.save(
      xId,
      assignCase(office.docs.get(xId)!.body as CaseBody, 'ben', {
        by: 'data_officer',
        at,
        id: '01J00000000000000000TRANS2',
      }),
    );
    await syncOnce(office, remote('data_officer'), { device: 'dev-office' });
    const run = await syncOnce(a, remote('interviewer'), { device: 'dev-a2' });
    expect(run.rejected).toBe(1);
    expect(run.purged).toEqual([xId]);
    expect(a.docs.get(bad)?.state).toBe('rejected');
    expect(a.leaving.has(xId)).toBe(true);
  });
});
