import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncOnce } from '@tern/sync';
import type { SyncRemote, SyncRequest, SyncResponse, WireDoc } from '@tern/sync';
import { openDb } from './db.ts';
import type { TernDb } from './db.ts';
import { DexieSyncStorage } from './local-store.ts';
import { listRecords, saveSubmission } from '../records/submissions.ts';
import { unseal } from '../crypto/sealed.ts';
import { rememberAccount, unlockOffline } from '../session/keyring.ts';

let db: TernDb;
let key: CryptoKey;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = openDb(`test-${n}`);
  key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
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
    await saveSubmission(db, key, {
      mission: 'demo',
      form: 'quick-screening@1',
      answers: answers('A'),
      device: 'd1',
    });
    await saveSubmission(db, key, {
      mission: 'demo',
      form: 'quick-screening@1',
      answers: answers('B'),
      device: 'd1',
    });
    const storage = new DexieSyncStorage(db, 'demo', key);
    const remote = echoRemote();
    const summary = await syncOnce(storage, remote, { device: 'd1' });
    expect(summary.pushedDocs).toBe(2);
    expect((await db.docs.toArray()).map((r) => r.syncState)).toEqual(['synced', 'synced']);
    expect(await storage.checkpoint()).toBe('2');
  });

  it('never lets a batch response overwrite an edit made while the batch was in flight', async () => {
    const row = await saveSubmission(db, key, {
      mission: 'demo',
      form: 'quick-screening@1',
      answers: answers('A'),
      device: 'd1',
    });
    const storage = new DexieSyncStorage(db, 'demo', key);
    let edited = '';
    const remote = echoRemote(async () => {
      if (edited) return;
      const again = await saveSubmission(db, key, {
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
    const body = await unseal(key, after!.id, after!.rev, after!.sealed);
    expect((body.answers as { full_name: string }).full_name).toBe('A2');
    // The in-flight edit was pushed in a second batch.
    expect(remote.requests.flatMap((r) => r.docs.map((d) => d._rev))).toEqual([row.rev, edited]);
    expect(after?.syncState).toBe('synced');
  });

  it('keeps a rejected record on the device with its reason and does not push it again', async () => {
    const row = await saveSubmission(db, key, {
      mission: 'demo',
      form: 'quick-screening@1',
      answers: answers('A'),
      device: 'd1',
    });
    const storage = new DexieSyncStorage(db, 'demo', key);
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
    expect(after?.rejection).toMatchObject({ code: 'TERN_RESPONSE_INVALID', field: 'answers.age' });
    // The reason may quote an answer, so it is sealed too; the record list opens it.
    expect(rawText(after?.rejection)).not.toContain('at most 120');
    const [open] = await listRecords(db, key, 'demo');
    expect(open?.rejection).toEqual({
      code: 'TERN_RESPONSE_INVALID',
      reason: 'age: Must be at most 120',
      field: 'answers.age',
    });
    expect(await storage.pending(10)).toEqual([]);
  });

  it('does not advance the checkpoint when storing the pulled documents fails', async () => {
    const storage = new DexieSyncStorage(db, 'demo', key);
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
    await saveSubmission(db, key, {
      mission: 'demo',
      form: 'quick-screening@1',
      answers: answers('A'),
      device: 'd1',
    });
    const storage = new DexieSyncStorage(db, 'demo', key);
    const remote: SyncRemote = {
      exchange: async () => ({ results: [], changes: [], checkpoint: '0', more: false }),
    };
    await expect(syncOnce(storage, remote, { device: 'd1' })).rejects.toThrow(/no result/);
    expect(await storage.pending(10)).toHaveLength(1);
  });
});

/** Every string and every byte sequence (as Latin-1 and UTF-8) in a stored row, for searching. */
function rawText(value: unknown): string {
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes =
      value instanceof ArrayBuffer
        ? new Uint8Array(value)
        : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return String.fromCharCode(...bytes) + new TextDecoder().decode(bytes);
  }
  if (value && typeof value === 'object') return Object.values(value).map(rawText).join('\n');
  return String(value);
}

describe('encryption at rest', () => {
  const secret = 'Zainab Qurayshi-Okonkwo';

  it('keeps answers sealed in IndexedDB and opens them with the key', async () => {
    await saveSubmission(db, key, {
      mission: 'demo',
      form: 'quick-screening@1',
      answers: { full_name: secret, interview_date: '2026-11-20', notes: 'crossed at night' },
      device: 'd1',
    });
    const raw = rawText(await db.docs.toArray());
    expect(raw).not.toContain(secret);
    expect(raw).not.toContain('crossed at night');
    expect(raw).not.toContain('quick-screening');
    const [open] = await listRecords(db, key, 'demo');
    expect((open!.body.answers as { full_name: string }).full_name).toBe(secret);
  });

  it('refuses to open a body under another key, or moved onto another record', async () => {
    const a = await saveSubmission(db, key, {
      mission: 'demo',
      form: 'f@1',
      answers: answers('A'),
      device: 'd1',
    });
    const b = await saveSubmission(db, key, {
      mission: 'demo',
      form: 'f@1',
      answers: answers('B'),
      device: 'd1',
    });
    const other = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    await expect(listRecords(db, other, 'demo')).rejects.toThrow();
    const rowA = (await db.docs.get(a.id))!;
    await db.docs.update(b.id, { sealed: rowA.sealed });
    await expect(listRecords(db, key, 'demo')).rejects.toThrow();
  });

  it('stores pulled documents sealed too', async () => {
    const storage = new DexieSyncStorage(db, 'demo', key);
    const doc = {
      _id: 'sub:P',
      _rev: '1-abc',
      _revisions: { start: 1, ids: ['abc'] },
      mission: 'demo',
      answers: { full_name: secret },
    } as WireDoc;
    await storage.applyPulled([doc], '1');
    expect(rawText(await db.docs.toArray())).not.toContain(secret);
    const [row] = await listRecords(db, key, 'demo');
    expect((row!.body.answers as { full_name: string }).full_name).toBe(secret);
  });
});

describe('keyring: offline login', () => {
  const deviceKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
  const user = { username: 'amina', role: 'interviewer', missions: ['demo'] };

  it('unlocks with the password of the last online login and refuses any other', async () => {
    const online = await rememberAccount(db, user, 'right password 1', { demo: deviceKey });
    await saveSubmission(db, online.keys.get('demo')!, {
      mission: 'demo',
      form: 'f@1',
      answers: answers('Amina'),
      device: 'd1',
    });
    const row = await db.keyring.get('amina');
    expect(row?.iterations).toBeGreaterThanOrEqual(310_000);
    expect(rawText(row)).not.toContain('right password 1');

    const offline = await unlockOffline(db, 'amina', 'right password 1');
    const [rec] = await listRecords(db, offline.keys.get('demo')!, 'demo');
    expect((rec!.body.answers as { full_name: string }).full_name).toBe('Amina');
    await expect(unlockOffline(db, 'amina', 'wrong password')).rejects.toThrow(/Wrong username or password/);
    await expect(unlockOffline(db, 'bilal', 'right password 1')).rejects.toThrow(
      /has not logged in on this device/,
    );
  });
});
