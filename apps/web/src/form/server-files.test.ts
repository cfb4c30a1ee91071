import { describe, expect, it } from 'vitest';
import { serverFiles } from './server-files.ts';

const digest = 'ab'.repeat(32);

/** A fetch that records what it was asked and answers as the server would. */
function fakeServer(answer: (url: string) => Response | Error) {
  const asked: Array<{ url: string; init: RequestInit | undefined }> = [];
  const f = (async (url: string, init?: RequestInit) => {
    asked.push({ url, init });
    const a = answer(url);
    if (a instanceof Error) throw a;
    return a;
  }) as typeof fetch;
  return { f, asked };
}

describe('files of media answers read from the server', () => {
  it('reads the bytes of the mission file named by its digest, typed as the answer says, never from a cache', async () => {
    const { f, asked } = fakeServer(
      () =>
        new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'application/octet-stream' } }),
    );
    const got = await serverFiles('mission one', f).read(digest, 'application/pdf');
    expect(asked[0]!.url).toBe(`/api/missions/mission%20one/attachments/${digest}`);
    expect(asked[0]!.init?.credentials).toBe('same-origin');
    expect((asked[0]!.init?.headers as Record<string, string>)['cache-control']).toBe('no-store');
    expect(got.state).toBe('ok');
    if (got.state !== 'ok') return;
    expect(got.blob.type).toBe('application/pdf');
    expect([...new Uint8Array(await got.blob.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('says "not uploaded yet" for a 404 and "failed" when the server cannot be reached or refuses', async () => {
    const notFound = fakeServer(
      () => new Response(JSON.stringify({ code: 'TERN_NOT_FOUND', message: 'no file' }), { status: 404 }),
    );
    expect(await serverFiles('m', notFound.f).read(digest, 'image/png')).toEqual({ state: 'missing' });
    const offline = fakeServer(() => new TypeError('Failed to fetch'));
    expect(await serverFiles('m', offline.f).read(digest, 'image/png')).toMatchObject({ state: 'failed' });
    const forbidden = fakeServer(
      () => new Response(JSON.stringify({ code: 'TERN_AUTH_FORBIDDEN', message: 'no' }), { status: 403 }),
    );
    expect(await serverFiles('m', forbidden.f).read(digest, 'image/png')).toEqual({
      state: 'failed',
      message: 'no',
    });
  });

  it('tells a file still coming to a mission relay from one nobody uploaded', async () => {
    const relay = fakeServer(
      () =>
        new Response(JSON.stringify({ code: 'TERN_ATTACHMENT_NOT_AT_RELAY', message: 'coming' }), {
          status: 404,
        }),
    );
    expect(await serverFiles('m', relay.f).read(digest, 'image/png')).toEqual({ state: 'coming' });
  });
});
