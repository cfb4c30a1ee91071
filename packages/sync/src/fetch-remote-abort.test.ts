import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchRemote } from './fetch-remote.ts';
import type { SyncRequest } from './types.ts';

/**
 * The transport gives up a request when its caller aborts it (decision 228): over a real loopback
 * socket, a server streaming a long answer sees the connection closed, and the caller's promise
 * rejects with an AbortError — not TERN_RESPONSE_CUT, which the replicator would retry.
 */

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  server = null;
});

/** A server that sends the start of a pulled page, then one document every 20 ms, at most 500. */
async function slowPager(): Promise<{ url: string; closed: Promise<number> }> {
  let resolveClosed!: (sent: number) => void;
  const closed = new Promise<number>((ok) => (resolveClosed = ok));
  server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"results":[],"changes":[');
    let sent = 0;
    const timer = setInterval(() => {
      if (sent >= 500) {
        clearInterval(timer);
        res.end('],"checkpoint":"e@500","more":false}');
        return;
      }
      res.write(
        `${sent > 0 ? ',' : ''}{"_id":"sub:${sent}","_rev":"1-a","_revisions":{"start":1,"ids":["a"]}}`,
      );
      sent += 1;
    }, 20);
    res.on('close', () => {
      clearInterval(timer);
      resolveClosed(sent);
    });
  });
  await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', () => ok()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}/api/sync/m`, closed };
}

const request: SyncRequest = { protocol: 1, device: 'dev', docs: [], since: null, pullLimit: 500 };

describe('fetchRemote aborted by its caller', () => {
  it('gives up the request mid-answer: the server sees the socket close, the caller an AbortError', async () => {
    const { url, closed } = await slowPager();
    const remote = fetchRemote(url);
    const stop = new AbortController();
    let docs = 0;
    const answer = remote.exchange(
      request,
      {
        received: (_bytes, n) => {
          docs = n;
          if (n >= 3) stop.abort();
        },
      },
      stop.signal,
    );
    await expect(answer).rejects.toMatchObject({ name: 'AbortError' });
    await expect(answer).rejects.not.toMatchObject({ code: 'TERN_RESPONSE_CUT' });
    // The server stopped writing soon after: far from the 500 documents of the whole answer.
    const sent = await closed;
    expect(docs).toBeGreaterThanOrEqual(3);
    expect(sent).toBeLessThan(100);
  });

  it('an answer cut by the server (not aborted) is still TERN_RESPONSE_CUT, retried by the replicator', async () => {
    server = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"results":[],"changes":[{"_id":"sub:0"');
      setTimeout(() => res.destroy(), 20);
    });
    await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', () => ok()));
    const address = server.address() as { port: number };
    const remote = fetchRemote(`http://127.0.0.1:${address.port}/`);
    await expect(remote.exchange(request, { received: () => undefined })).rejects.toMatchObject({
      code: 'TERN_RESPONSE_CUT',
    });
  });

  it('an abort before the request starts rejects at once and sends nothing', async () => {
    let requests = 0;
    server = createServer((req, res) => {
      requests += 1;
      res.end('{}');
    });
    await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', () => ok()));
    const address = server.address() as { port: number };
    const stop = new AbortController();
    stop.abort();
    await expect(
      fetchRemote(`http://127.0.0.1:${address.port}/`).exchange(request, undefined, stop.signal),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(requests).toBe(0);
  });
});
