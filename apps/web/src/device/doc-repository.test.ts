import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb } from './db.ts';
import type { DocRow, TernDb } from './db.ts';
import { DocRepository, docsOf } from './doc-repository.ts';
import { RecordChangedError } from './record-changed-error.ts';
import { saveDoc } from './save-doc.ts';
import { DexieSyncStorage } from './local-store.ts';
import { saveDraft } from '../form/drafts.ts';

let db: TernDb;
let docs: DocRepository;
let key: CryptoKey;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = openDb(`repo-${n}`);
  docs = docsOf(db);
  key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const SECRET = 'Zainab Okafor-Secret';
const body = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'submission',
  form: 'quick-screening@1',
  answers: { full_name: name },
  ...extra,
});

/** Every stored byte of the docs table as text: ciphertexts decoded as if they were UTF-8. */
async function storedText(): Promise<string> {
  const rows = await docs.find();
  return JSON.stringify(rows, (_k, v: unknown) =>
    v instanceof ArrayBuffer || ArrayBuffer.isView(v)
      ? new TextDecoder().decode(v instanceof ArrayBuffer ? v : (v as Uint8Array))
      : v,
  );
}

describe('DocRepository', () => {
  it('stores only sealed bodies: no clear text in any row, and the body opens again in memory', async () => {
    const row = await saveDoc(db, key, { mission: 'demo', id: 'sub:A', body: body(SECRET) });
    expect(await storedText()).not.toContain('Zainab');
    expect((await docs.openById(key, row.id))?.body.answers).toEqual({ full_name: SECRET });
  });

  it('seals before a transaction opens (WebCrypto inside one would commit it early)', async () => {
    let open = 0;
    const transaction = db.transaction.bind(db) as (...a: unknown[]) => Promise<unknown>;
    (db as unknown as { transaction: unknown }).transaction = (...args: unknown[]) => {
      open += 1;
      return transaction(...args).finally(() => (open -= 1));
    };
    const encryptedInside: boolean[] = [];
    const encrypt = crypto.subtle.encrypt.bind(crypto.subtle);
    vi.spyOn(crypto.subtle, 'encrypt').mockImplementation((...args) => {
      encryptedInside.push(open > 0);
      return encrypt(...args);
    });
    const saved = await saveDoc(db, key, { mission: 'demo', id: 'sub:A', body: body('a') });
    await saveDraft(db, key, { mission: 'demo', form: 'f@1', answers: { x: 1 }, device: 'd1' });
    const store = new DexieSyncStorage(db, 'demo', key);
    await store.acknowledge([
      { id: 'sub:A', rev: saved.rev, ok: false, code: 'TERN_DOC_INVALID', reason: 'no' },
    ]);
    await store.applyPulled(
      [{ ...body('b'), _id: 'sub:B', _rev: '1-b', _revisions: { start: 1, ids: ['b'] } }],
      '1',
    );
    // Body of A, the draft, A's rejection reason, B: all sealed, none inside a transaction.
    expect(encryptedInside).toEqual([false, false, false, false]);
  });

  it('refuses a write over a revision other than the one edited, and leaves the stored row as it was', async () => {
    const first = await saveDoc(db, key, { mission: 'demo', id: 'sub:A', body: body('first') });
    const second = await saveDoc(db, key, { mission: 'demo', id: 'sub:A', body: body('second') });
    // An edit made on `first`, arriving after `second` was stored.
    const stale: DocRow = await docs.seal(key, { ...first, rev: '2-stale', updatedAt: 'z' }, body('stale'));
    await expect(docs.put(stale, first.rev)).rejects.toBeInstanceOf(RecordChangedError);
    await expect(
      saveDoc(db, key, { mission: 'demo', id: 'sub:A', body: body('stale'), expectRev: first.rev }),
    ).rejects.toThrow(/changed while it was being edited/);
    const stored = (await docs.get('sub:A'))!;
    expect(stored.rev).toBe(second.rev);
    expect(new Uint8Array(stored.sealed.data)).toEqual(new Uint8Array(second.sealed.data));
    expect((await docs.open(key, stored)).body.answers).toEqual({ full_name: 'second' });
  });

  it('lets only one of two saves made on the same revision through (no fork, no silent overwrite)', async () => {
    const first = await saveDoc(db, key, { mission: 'demo', id: 'sub:A', body: body('first') });
    const edit = (name: string) =>
      saveDoc(db, key, { mission: 'demo', id: 'sub:A', body: body(name), expectRev: first.rev });
    const results = await Promise.allSettled([edit('tab one'), edit('tab two')]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(RecordChangedError);
    expect((await docs.get('sub:A'))!.rev).toBe((won[0] as PromiseFulfilledResult<DocRow>).value.rev);
  });

  it('refuses a change that awaits inside the transaction, and writes nothing of the batch', async () => {
    const row = await saveDoc(db, key, { mission: 'demo', id: 'sub:A', body: body('a') });
    const other = await docs.seal(key, { ...row, id: 'sub:B' }, body('b'));
    const awaiting = {
      id: 'sub:A',
      decide: async () => docs.seal(key, row, body('sealed too late')),
    } as unknown as Parameters<DocRepository['commit']>[0][number];
    await expect(docs.commit([{ id: 'sub:B', decide: () => other }, awaiting])).rejects.toThrow(
      /seal before commit/,
    );
    expect(await docs.get('sub:B')).toBeUndefined();
    expect((await docs.get('sub:A'))!.rev).toBe(row.rev);
  });

  it('does not open a row under another mission key, or a sealed body copied onto another record', async () => {
    const row = await saveDoc(db, key, { mission: 'demo', id: 'sub:A', body: body('a') });
    const otherKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    expect(await docs.opens(key, row)).toBe(true);
    expect(await docs.opens(otherKey, row)).toBe(false);
    expect(await docs.opens(key, { ...row, id: 'sub:B' })).toBe(false);
  });

  it('lists by mission, state and type; newest first; tombstones only when asked', async () => {
    // One minute between saves, so that "newest first" has one answer.
    vi.useFakeTimers({ toFake: ['Date'] });
    let minute = 0;
    const at = () => vi.setSystemTime(new Date(Date.UTC(2026, 10, 20, 9, (minute += 1))));
    try {
      at();
      await saveDoc(db, key, { mission: 'demo', id: 'sub:1', body: body('1') });
      at();
      await saveDoc(db, key, { mission: 'demo', id: 'case:2', body: body('2') });
      at();
      await saveDoc(db, key, { mission: 'demo', id: 'sub:3', body: body('3'), deleted: true });
      at();
      await saveDoc(db, key, { mission: 'other', id: 'sub:4', body: body('4') });
      at();
      await saveDraft(db, key, { mission: 'demo', form: 'f@1', answers: {}, device: 'd1', id: 'sub:5' });
    } finally {
      vi.useRealTimers();
    }
    const ids = (rows: DocRow[]) => rows.map((r) => r.id);
    expect(ids(await docs.find({ mission: 'demo', newestFirst: true }))).toEqual([
      'sub:5',
      'sub:3',
      'case:2',
      'sub:1',
    ]);
    expect(ids(await docs.find({ mission: 'demo', live: true, type: 'sub' }))).toEqual(['sub:1', 'sub:5']);
    expect(ids(await docs.find({ mission: 'demo', state: 'pending', newestFirst: true, limit: 2 }))).toEqual([
      'sub:3',
      'case:2',
    ]);
    expect(await docs.count({ mission: 'demo', state: 'draft' })).toBe(1);
    expect(await docs.count({ type: 'sub' })).toBe(4);
    expect(await docs.count({ where: (r) => r.mission === 'other' })).toBe(1);
    expect((await docs.openAll(key, { mission: 'other' })).map((r) => r.body.answers)).toEqual([
      { full_name: '4' },
    ]);
  });
});
