import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncOnce } from '@tern/sync';
import type { SyncRemote, SyncRequest, SyncResponse, WireDoc } from '@tern/sync';
import { openDb } from './db.ts';
import type { TernDb } from './db.ts';
import { DexieSyncStorage } from './local-store.ts';
import { saveSubmission } from './records.ts';

let db: TernDb;
let n = 0;
beforeEach(() => {
  n += 1;
  db = openDb(`test-${n}`);
});
afterEach(async () => {
  await db.delete();
});

const answers = (name: string) => ({ full_name: name, interview_date: '2026-11-20' });

/** A remote that accepts everything and echoes pushed docs back as the pull. */
function echoRemote(hook?: (req: SyncRequest) => Promise<void>): SyncRemote & { requests: SyncRequest[] } {
  const requests: SyncRequest[] = [];
  const server: WireDoc[] = [];
  return {
    requests,
    async exchange(req): Promise<SyncResponse> {
      requests.push(structuredClone(req));
      await hook?.(req);
      server.push(...req.docs);
      const since = Number(req.since ?? 0);
      return {
        results: req.docs.map((d) => ({ id: d._id, rev: d._rev, ok: true as const })),
        changes: server.slice(since, since + req.pullLimit),
        checkpoint: String(Math.min(server.length, since + req.pullLimit)),
        more: since + req.pullLimit < server.length,
      };
    },
  };
}

describe('DexieSyncStorage', () => {
  it('pushes pending records and marks them synced', async () => {
    await saveSubmission(db, {
      mission: 'demo',
      form: 'quick-screening@1',
      answers: answers('A'),
      device: 'd1',
    });
    await saveSubmission(db, {
      mission: 'demo',
      form: 'quick-screening@1',
      answers: answers('B'),
      device: 'd1',
    });
    const storage = new DexieSyncStorage(db, 'demo');
    const remote = echoRemote();
    const summary = await syncOnce(storage, remote, { device: 'd1' });
    expect(summary.pushedDocs).toBe(2);
    expect((await db.docs.toArray()).map((r) => r.syncState)).toEqual(['synced', 'synced']);
    expect(await storage.checkpoint()).toBe('2');
  });

  it('never lets a batch response overwrite an edit made while the batch was in flight', async () => {
    const row = await saveSubmission(db, {
      mission: 'demo',
      form: 'quick-screening@1',
      answers: answers('A'),
      device: 'd1',
    });
    const storage = new DexieSyncStorage(db, 'demo');
    let edited = '';
    const remote = echoRemote(async () => {
      if (edited) return;
      const again = await saveSubmission(db, {
        mission: 'demo',
        form: 'quick-screening@1',
        answers: answers('A2'),
        device: 'd1',
        id: row.id,
      });
      edited = again.rev;
    });
    await syncOnce(storage, remote, { device: 'd1' });
    const after = await db.docs.get(row.id);
    expect(after?.rev).toBe(edited);
    expect((after?.body.answers as { full_name: string }).full_name).toBe('A2');
    // The in-flight edit was pushed in a second batch.
    expect(remote.requests.flatMap((r) => r.docs.map((d) => d._rev))).toEqual([row.rev, edited]);
    expect(after?.syncState).toBe('synced');
  });

  it('keeps a rejected record on the device with its reason and does not push it again', async () => {
    const row = await saveSubmission(db, {
      mission: 'demo',
      form: 'quick-screening@1',
      answers: answers('A'),
      device: 'd1',
    });
    const storage = new DexieSyncStorage(db, 'demo');
    const remote: SyncRemote = {
      exchange: async (req) => ({
        results: req.docs.map((d) => ({
          id: d._id,
          rev: d._rev,
          ok: false as const,
          code: 'TERN_RESPONSE_INVALID',
          reason: 'age: Must be at most 120',
          field: 'answers.age',
        })),
        changes: [],
        checkpoint: '0',
        more: false,
      }),
    };
    const summary = await syncOnce(storage, remote, { device: 'd1' });
    expect(summary.rejected).toBe(1);
    const after = await db.docs.get(row.id);
    expect(after?.syncState).toBe('rejected');
    expect(after?.rejection).toEqual({
      code: 'TERN_RESPONSE_INVALID',
      reason: 'age: Must be at most 120',
      field: 'answers.age',
    });
    expect(await storage.pending(10)).toEqual([]);
  });

  it('does not advance the checkpoint when storing the pulled documents fails', async () => {
    const storage = new DexieSyncStorage(db, 'demo');
    const good = {
      _id: 'sub:G',
      _rev: '1-abc',
      _revisions: { start: 1, ids: ['abc'] },
      mission: 'demo',
    } as WireDoc;
    const broken = { _id: 'sub:X', _rev: 'not-a-rev', _revisions: { start: 1, ids: ['x'] } } as WireDoc;
    await expect(storage.applyPulled([good, broken], '42')).rejects.toThrow(/sub:X has rev not-a-rev/);
    expect(await storage.checkpoint()).toBeNull();
    // All or nothing: the good document of the same batch was not kept either.
    expect(await db.docs.get('sub:G')).toBeUndefined();
  });

  it('throws and keeps records pending when the server forgets a result', async () => {
    await saveSubmission(db, {
      mission: 'demo',
      form: 'quick-screening@1',
      answers: answers('A'),
      device: 'd1',
    });
    const storage = new DexieSyncStorage(db, 'demo');
    const remote: SyncRemote = {
      exchange: async () => ({ results: [], changes: [], checkpoint: '0', more: false }),
    };
    await expect(syncOnce(storage, remote, { device: 'd1' })).rejects.toThrow(/no result/);
    expect(await storage.pending(10)).toHaveLength(1);
  });
});
