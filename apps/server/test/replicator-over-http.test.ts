import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TernStore } from '@tern/store';
import { MemorySyncStorage, fetchRemote, syncOnce } from '@tern/sync';
import { buildApp } from '../src/app.ts';
import { allowAll } from '../src/auth/authorize.ts';
import { testUlid } from './fixtures.ts';

let store: TernStore;
let app: FastifyInstance;
let url: string;

beforeEach(async () => {
  store = new TernStore({ kind: 'memory', prefix: `http-${Date.now()}-${Math.random()}` });
  app = await buildApp({ store, missions: ['demo'], authorize: allowAll });
  await app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/sync/demo`;
});
afterEach(async () => {
  await app.close();
  await store.close();
});

const submissionBody = (name: string) => ({
  type: 'submission',
  mission: 'demo',
  form: 'quick-screening@1',
  answers: { full_name: name, interview_date: '2026-11-20', notes: 'x'.repeat(600) },
  createdAt: '2026-11-20T10:00:00.000Z',
  device: 'dev-a',
});

/** fetch that records what went over the wire and can fail chosen attempts like a cut connection. */
function recordingFetch(failAttempts: number[] = []) {
  const log: Array<{ encoding: string | null; bytes: number }> = [];
  let attempt = 0;
  const f: typeof fetch = async (input, init) => {
    attempt += 1;
    if (failAttempts.includes(attempt)) throw new TypeError('fetch failed (connection cut by the test)');
    const headers = new Headers(init?.headers);
    const body = init?.body as ArrayBuffer | string;
    log.push({
      encoding: headers.get('content-encoding'),
      bytes: typeof body === 'string' ? body.length : body.byteLength,
    });
    return fetch(input, init);
  };
  return { f, log };
}

describe('client replicator against the real server over loopback HTTP', () => {
  it('pushes 250 records in byte- and count-bounded gzipped batches and a second device pulls them all', async () => {
    const a = new MemorySyncStorage();
    for (let i = 0; i < 250; i++) await a.save(`sub:${testUlid()}`, submissionBody(`Person ${i}`));
    const wire = recordingFetch();
    const progress: number[] = [];
    const summary = await syncOnce(a, fetchRemote(url, { fetch: wire.f }), {
      device: 'dev-a',
      batchDocs: 100,
      batchBytes: 64 * 1024,
      onProgress: (p) => progress.push(p.pushedDocs),
    });
    expect(summary.pushedDocs).toBe(250);
    expect(summary.rejected).toBe(0);
    expect(await store.mission('demo').docCount()).toBe(250);
    expect(wire.log.every((r) => r.encoding === 'gzip')).toBe(true);
    // ~1 KB documents with a 64 KiB budget: batches stay under the byte budget, so more than 3 requests.
    expect(summary.requests).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(await a.pendingCount()).toBe(0);

    const b = new MemorySyncStorage();
    const pulled = await syncOnce(b, fetchRemote(url), { device: 'dev-b', pullLimit: 100 });
    expect(pulled.pulledDocs).toBe(250);
    expect(pulled.requests).toBe(3);
    expect([...b.docs.keys()].sort()).toEqual([...a.docs.keys()].sort());
    for (const [id, doc] of a.docs) expect(b.docs.get(id)?.rev).toBe(doc.rev);
  });

  it('resumes after a cut connection without duplicating anything', async () => {
    const a = new MemorySyncStorage();
    for (let i = 0; i < 30; i++) await a.save(`sub:${testUlid()}`, submissionBody(`Person ${i}`));
    const wire = recordingFetch([2, 3]);
    const retries: number[] = [];
    const summary = await syncOnce(a, fetchRemote(url, { fetch: wire.f }), {
      device: 'dev-a',
      batchDocs: 10,
      retry: { baseMs: 1, maxMs: 5, onRetry: (n) => retries.push(n) },
    });
    expect(retries).toEqual([1, 2]);
    expect(summary.pushedDocs).toBe(30);
    const db = store.mission('demo');
    expect(await db.docCount()).toBe(30);
    expect(await db.conflictedIds()).toEqual([]);
  });

  it('retries when the server fails in the middle of a streamed answer, and ends complete', async () => {
    const db = store.mission('demo');
    const a = new MemorySyncStorage();
    for (let i = 0; i < 450; i++) await a.save(`sub:${testUlid()}`, submissionBody(`Person ${i}`));
    await syncOnce(a, fetchRemote(url), { device: 'dev-a' });
    // The store fails once while the second chunk of the pull is being read.
    const real = db.changeListWithWinners.bind(db);
    let calls = 0;
    db.changeListWithWinners = async (since, limit) => {
      calls += 1;
      if (calls === 2) throw new Error('disk hiccup');
      return real(since, limit);
    };
    const b = new MemorySyncStorage();
    const retries: string[] = [];
    const summary = await syncOnce(b, fetchRemote(url), {
      device: 'dev-b',
      retry: {
        baseMs: 1,
        maxMs: 5,
        onRetry: (_n, _d, e) => retries.push((e as { code?: string }).code ?? ''),
      },
    });
    // A cut answer, or a readable 500 TERN_INTERNAL when the failure came before the first bytes left
    // (the stream writes a chunk of 200 documents at a time, and the compressor may hold them, so a
    // loaded machine may not have sent the headers yet; the error answer then drops the compressed
    // stream's label: unlabelFailedStream). Either way one retry from the stored checkpoint, nothing
    // half-applied.
    expect(retries).toHaveLength(1);
    expect(['TERN_RESPONSE_CUT', 'TERN_INTERNAL']).toContain(retries[0]);
    expect(summary.pulledDocs).toBe(450);
    expect([...b.docs.keys()].sort()).toEqual([...a.docs.keys()].sort());
  });

  it('surfaces a final error (unknown mission) at once, with the server’s code, and keeps the records pending', async () => {
    const a = new MemorySyncStorage();
    await a.save(`sub:${testUlid()}`, submissionBody('A'));
    const remote = fetchRemote(url.replace('/demo', '/atlantis'));
    await expect(syncOnce(a, remote, { device: 'dev-a' })).rejects.toMatchObject({
      status: 404,
      code: 'TERN_MISSION_NOT_FOUND',
    });
    expect(await a.pendingCount()).toBe(1);
  });

  it('reports the pulled records as they stream in, before the page is stored, and ends with the exact counts', async () => {
    const a = new MemorySyncStorage();
    for (let i = 0; i < 120; i++) await a.save(`sub:${testUlid()}`, submissionBody(`Person ${i}`));
    await syncOnce(a, fetchRemote(url), { device: 'dev-a' });
    // The answer's body reaches the device 2 KiB at a time, as it would over a slow link.
    const trickle: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const body = new Uint8Array(await res.arrayBuffer());
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          for (let at = 0; at < body.length; at += 2048) c.enqueue(body.subarray(at, at + 2048));
          c.close();
        },
      });
      return new Response(stream, { status: res.status, headers: { 'content-type': 'application/json' } });
    };
    const b = new MemorySyncStorage();
    const seen: Array<{ phase: string; docs: number; bytes: number; stored: number }> = [];
    const summary = await syncOnce(b, fetchRemote(url, { fetch: trickle }), {
      device: 'dev-b',
      progressEveryMs: 0,
      onProgress: (p) =>
        seen.push({ phase: p.phase, docs: p.receivingDocs, bytes: p.receivedBytes, stored: p.pulledDocs }),
    });
    expect(summary.pulledDocs).toBe(120);
    const receiving = seen.filter((e) => e.phase === 'receive');
    // About 1 KB a record in 2 KiB pieces: the count moves many times, never backwards, while nothing
    // is stored yet, and reaches every record before the page is stored.
    expect(receiving.length).toBeGreaterThan(40);
    expect(new Set(receiving.map((e) => e.docs)).size).toBeGreaterThan(40);
    for (let i = 1; i < receiving.length; i++) {
      expect(receiving[i]!.docs).toBeGreaterThanOrEqual(receiving[i - 1]!.docs);
      expect(receiving[i]!.bytes).toBeGreaterThan(receiving[i - 1]!.bytes);
    }
    expect(receiving.every((e) => e.stored === 0)).toBe(true);
    expect(receiving.at(-1)!.docs).toBe(120);
    const end = seen.at(-1)!;
    expect(end).toMatchObject({ phase: 'idle', docs: 0, stored: 120 });
    expect(end.bytes).toBeGreaterThan(120 * 600);
  });
});
