import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from './api-error.ts';
import { apiResponse, fetchJson } from './fetch-json.ts';

type Call = { url: string; init: RequestInit };

/** A fetch that records each call and answers `respond()`. */
function fakeFetch(respond: () => Response | Promise<Response>) {
  const calls: Call[] = [];
  const f = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return respond();
  }) as typeof fetch;
  return { f, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
}

describe('fetchJson', () => {
  it('sends JSON with the session cookie and answers the body', async () => {
    const { f, calls } = fakeFetch(() => json(200, { ok: true }));
    await expect(fetchJson('/api/x', { json: { a: 1 }, fetch: f })).resolves.toEqual({ ok: true });
    expect(calls[0]!.init).toMatchObject({
      method: 'POST',
      credentials: 'same-origin',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
  });

  it("turns a refusal into an ApiError with the server's code, message and details", async () => {
    const { f } = fakeFetch(() =>
      json(422, { code: 'TERN_FORM_IMPORT_FAILED', message: '2 problems', details: [{ sheet: 'survey' }] }),
    );
    const e = await refusal(fetchJson('/api/admin/forms', { fetch: f }));
    expect([e.status, e.code, e.message, e.details]).toEqual([
      422,
      'TERN_FORM_IMPORT_FAILED',
      '2 problems',
      [{ sheet: 'survey' }],
    ]);
  });

  it('names a refusal without a Tern body HTTP_<status>', async () => {
    const { f } = fakeFetch(
      () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const e = await refusal(fetchJson('/api/x', { fetch: f }));
    expect([e.status, e.code, e.message]).toEqual([502, 'HTTP_502', 'Bad Gateway']);
  });

  it('turns a network failure into TERN_NETWORK with status 0', async () => {
    const { f } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const e = await refusal(fetchJson('/api/x', { fetch: f }));
    expect([e.status, e.code]).toEqual([0, 'TERN_NETWORK']);
  });

  it('lets a cancellation through as it is', async () => {
    const abort = new DOMException('stopped', 'AbortError');
    const { f } = fakeFetch(() => Promise.reject(abort));
    await expect(fetchJson('/api/x', { fetch: f })).rejects.toBe(abort);
  });

  it('checks the answer against the schema given: another shape is TERN_RESPONSE_UNEXPECTED', async () => {
    const Shape = z.object({ missions: z.array(z.object({ id: z.string() })) });
    const good = fakeFetch(() => json(200, { missions: [{ id: 'demo' }] }));
    await expect(fetchJson('/api/missions', { schema: Shape, fetch: good.f })).resolves.toEqual({
      missions: [{ id: 'demo' }],
    });
    const bad = fakeFetch(() => json(200, { missions: [{ id: 7 }] }));
    const e = await refusal(fetchJson('/api/missions', { schema: Shape, fetch: bad.f }));
    expect(e.code).toBe('TERN_RESPONSE_UNEXPECTED');
    expect(e.message).toContain('missions.0.id');
  });

  it('says TERN_RESPONSE_UNEXPECTED for a 200 that is not JSON (a captive portal)', async () => {
    const { f } = fakeFetch(() => new Response('<html>Log in to the Wi-Fi</html>', { status: 200 }));
    expect((await refusal(fetchJson('/api/x', { fetch: f }))).code).toBe('TERN_RESPONSE_UNEXPECTED');
  });
});

describe('apiResponse', () => {
  it('sends a raw body with its content type and answers the response for the caller to read', async () => {
    const { f, calls } = fakeFetch(() => new Response('a,b\n', { status: 200 }));
    const bytes = new Uint8Array([1, 2, 3]);
    const res = await apiResponse('/api/admin/forms', {
      body: bytes,
      contentType: 'application/x-test',
      fetch: f,
    });
    expect(await res.text()).toBe('a,b\n');
    expect(calls[0]!.init).toMatchObject({
      method: 'POST',
      body: bytes,
      headers: { 'content-type': 'application/x-test' },
    });
  });

  it('uses GET without a body', async () => {
    const { f, calls } = fakeFetch(() => json(200, {}));
    await apiResponse('/api/forms', { fetch: f });
    expect(calls[0]!.init.method).toBe('GET');
    expect(calls[0]!.init.body).toBeUndefined();
  });
});
