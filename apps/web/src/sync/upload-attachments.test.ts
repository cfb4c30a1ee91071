import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeviceAttachments } from '../device/attachments.ts';
import { openDb } from '../device/db.ts';
import type { TernDb } from '../device/db.ts';
import { DocRepository } from '../device/doc-repository.ts';
import { DexieSyncStorage } from '../device/local-store.ts';
import { uploadAttachments } from './upload-attachments.ts';

let db: TernDb;
let key: CryptoKey;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = openDb(`upload-${n}`);
  key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(`upload-${n}`);
});

/** Deterministic bytes (fixed linear congruential sequence). */
function bytesOf(size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let x = 17;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** The server's side of the protocol in memory, with a link that can be cut after some bytes. */
function fakeServer(opts: { cutAfterBytes?: number } = {}) {
  const held = new Map<string, Uint8Array[]>();
  let carried = 0;
  const received = (d: string) => (held.get(d) ?? []).reduce((s, c) => s + c.byteLength, 0);
  const fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    const digest = /attachments\/([0-9a-f]{64})/.exec(url)![1]!;
    if (url.endsWith('/status'))
      return Response.json({ digest, received: received(digest), size: null, complete: false });
    const body = init!.body as Uint8Array;
    carried += body.byteLength;
    if (opts.cutAfterBytes !== undefined && carried > opts.cutAfterBytes) {
      opts.cutAfterBytes = undefined; // the link comes back for the next sync
      throw new TypeError('Failed to fetch');
    }
    const [, first] = /bytes (\d+)-/.exec(new Headers(init!.headers).get('content-range')!)!.map(Number);
    if (first !== received(digest))
      return Response.json(
        { code: 'TERN_ATTACHMENT_RANGE', details: { received: received(digest) } },
        { status: 416 },
      );
    held.set(digest, [...(held.get(digest) ?? []), body.slice()]);
    return Response.json({ digest, received: received(digest), complete: false });
  };
  return { fetch, held, received, carried: () => carried };
}

async function syncedRecordWith(ref: unknown, state: 'synced' | 'pending' = 'synced') {
  const repo = new DocRepository(db);
  const row = await repo.seal(
    key,
    {
      id: `sub:${state}`,
      mission: 'm1',
      type: 'submission',
      rev: '1-a',
      revisions: { start: 1, ids: ['a'] },
      deleted: false,
      syncState: state,
      createdAt: '2026-12-02T10:00:00Z',
      updatedAt: '2026-12-02T10:00:00Z',
    },
    { type: 'submission', answers: { visits: [{ _id: 'v', photo: ref }] } },
  );
  await db.docs.put(row);
}

describe('uploading the files of synced records', () => {
  it('sends a file in chunks and resumes after a cut without starting over', async () => {
    const file = bytesOf(1_000_000);
    const ref = await new DeviceAttachments(db, 'm1', key).put(file, 'image/png', 'big.png');
    await syncedRecordWith(ref);
    const server = fakeServer({ cutAfterBytes: 600_000 });
    const first = await uploadAttachments({
      db,
      mission: 'm1',
      key,
      fetch: server.fetch,
      chunkBytes: 100_000,
    });
    expect(first).toMatchObject({ files: 0, waiting: 1 });
    expect(first.error).toBeInstanceOf(TypeError);
    expect(server.received(ref.digest)).toBe(600_000); // the 7th chunk was lost in the cut
    const second = await uploadAttachments({
      db,
      mission: 'm1',
      key,
      fetch: server.fetch,
      chunkBytes: 100_000,
    });
    expect(second).toMatchObject({ files: 1, waiting: 0 });
    const whole = new Uint8Array(server.received(ref.digest));
    let at = 0;
    for (const c of server.held.get(ref.digest)!) {
      whole.set(c, at);
      at += c.byteLength;
    }
    expect(whole.length === file.length && whole.every((b, i) => b === file[i])).toBe(true);
    // A cut costs at most one chunk: 1,000,000 bytes plus the chunk lost in the cut.
    expect(server.carried()).toBeLessThanOrEqual(1_100_000);
    expect(server.carried()).toBeLessThan(2 * file.byteLength);
    // Nothing left to send.
    expect((await uploadAttachments({ db, mission: 'm1', key, fetch: server.fetch })).waiting).toBe(0);
  });

  it('waits while the record that names the file is not on the server', async () => {
    const ref = await new DeviceAttachments(db, 'm1', key).put(bytesOf(10), 'image/png', 'a.png');
    await syncedRecordWith(ref, 'pending');
    const server = fakeServer();
    expect(await uploadAttachments({ db, mission: 'm1', key, fetch: server.fetch })).toMatchObject({
      files: 0,
      waiting: 1,
      bytesSent: 0,
    });
  });

  it('asks again until headquarters holds a file a relay took, and sends it anew to a server that lacks it', async () => {
    const file = bytesOf(300_000);
    const ref = await new DeviceAttachments(db, 'm1', key).put(file, 'image/png', 'door.png');
    await syncedRecordWith(ref);
    /** A server that takes chunks; `atHq` is what it says of headquarters once it holds the file. */
    const server = (atHq: boolean | undefined) => {
      const inner = fakeServer();
      const asked: string[] = [];
      const say = (r: { received: number }) => ({
        digest: ref.digest,
        received: r.received,
        size: 300_000,
        complete: r.received === 300_000,
        ...(atHq === undefined ? {} : { atHeadquarters: atHq && r.received === 300_000 }),
      });
      const fetch = async (url: string, init?: RequestInit): Promise<Response> => {
        asked.push(`${init?.method ?? 'GET'} ${url.endsWith('/status') ? 'status' : 'chunk'}`);
        const res = await inner.fetch(url, init);
        if (!res.ok) return res;
        return Response.json(say((await res.json()) as { received: number }));
      };
      return { fetch, asked, inner };
    };
    const rows = () => db.attachments.toArray();
    // The office relay takes the file; headquarters does not have it yet.
    const relay = server(false);
    expect(await uploadAttachments({ db, mission: 'm1', key, fetch: relay.fetch })).toMatchObject({
      files: 1,
      waiting: 0,
    });
    expect((await rows())[0]).toMatchObject({ uploaded: 300_000 });
    expect((await rows())[0]!.atHeadquarters).toBeUndefined();
    // Next sync at the relay: one status question, no bytes, nothing reported as waiting.
    relay.asked.length = 0;
    expect(await uploadAttachments({ db, mission: 'm1', key, fetch: relay.fetch })).toMatchObject({
      files: 0,
      waiting: 0,
      bytesSent: 0,
    });
    expect(relay.asked).toEqual(['GET status']);
    // The relay is lost; the tablet syncs with headquarters, which never got the file: it goes again.
    const hq = server(true);
    const again = await uploadAttachments({ db, mission: 'm1', key, fetch: hq.fetch });
    expect(again.bytesSent).toBe(300_000);
    expect(again.error).toBeUndefined();
    expect(hq.inner.received(ref.digest)).toBe(300_000);
    expect((await rows())[0]).toMatchObject({ uploaded: 300_000, atHeadquarters: true });
    // Confirmed: never asked about again.
    hq.asked.length = 0;
    await uploadAttachments({ db, mission: 'm1', key, fetch: hq.fetch });
    expect(hq.asked).toEqual([]);
  });

  it('asks again about every file after the server refused the checkpoint (restored), and sends what it lacks', async () => {
    const file = bytesOf(2000);
    const ref = await new DeviceAttachments(db, 'm1', key).put(file, 'image/png', 'consent.png');
    await syncedRecordWith(ref);
    const before = fakeServer();
    const complete = (inner: ReturnType<typeof fakeServer>) => async (url: string, init?: RequestInit) => {
      const res = await inner.fetch(url, init);
      if (!res.ok) return res;
      const r = (await res.json()) as { received: number };
      return Response.json({
        ...r,
        size: 2000,
        complete: r.received === 2000,
        atHeadquarters: r.received === 2000,
      });
    };
    await uploadAttachments({ db, mission: 'm1', key, fetch: complete(before) });
    expect((await db.attachments.toArray())[0]).toMatchObject({ atHeadquarters: true });
    // Headquarters is restored from a backup made before the file came: the replicator meets
    // TERN_BAD_CHECKPOINT and requeues everything the device holds.
    await new DexieSyncStorage(db, 'm1', key).requeueAll();
    expect((await db.attachments.toArray())[0]!.atHeadquarters).toBeUndefined();
    const restored = fakeServer();
    // The record itself is pushed again first; the upload step then finds its file missing and sends it.
    await db.docs.toCollection().modify((r) => {
      r.syncState = 'synced';
    });
    const again = await uploadAttachments({ db, mission: 'm1', key, fetch: complete(restored) });
    expect(again.bytesSent).toBe(2000);
    expect(restored.received(ref.digest)).toBe(2000);
    expect((await db.attachments.toArray())[0]).toMatchObject({ atHeadquarters: true });
  });

  it('takes a complete file at a server that does not say (before decision 229) as at headquarters', async () => {
    const ref = await new DeviceAttachments(db, 'm1', key).put(bytesOf(1000), 'image/png', 'a.png');
    await syncedRecordWith(ref);
    const fetch = async (url: string): Promise<Response> =>
      url.endsWith('/status')
        ? Response.json({ digest: ref.digest, received: 1000, size: 1000, complete: true })
        : new Response(null, { status: 500 });
    expect(await uploadAttachments({ db, mission: 'm1', key, fetch })).toMatchObject({
      files: 1,
      waiting: 0,
    });
    expect((await db.attachments.toArray())[0]).toMatchObject({ atHeadquarters: true });
  });
});
