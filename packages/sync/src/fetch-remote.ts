import { ChangeCounter } from './change-counter.ts';
import type { ExchangeProgress, SyncRemote } from './sync-contract.ts';
import { SyncHttpError } from './round-trip-error.ts';
import type { SyncRequest, SyncResponse } from './types.ts';

async function gzip(text: string): Promise<ArrayBuffer> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

export interface FetchRemoteOptions {
  /** Extra headers per request (e.g. the session). */
  headers?: () => Record<string, string>;
  /** Bodies larger than this many bytes are sent gzipped. */
  gzipAbove?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The compact sync door over fetch, for the browser and Node alike. Responses are gzipped by the server. */
export function fetchRemote(url: string, opts: FetchRemoteOptions = {}): SyncRemote {
  const doFetch = opts.fetch ?? fetch;
  const gzipAbove = opts.gzipAbove ?? 1024;
  return {
    async exchange(
      request: SyncRequest,
      progress?: ExchangeProgress,
      abort?: AbortSignal,
    ): Promise<SyncResponse> {
      const timeout = AbortSignal.timeout(opts.timeoutMs ?? 120_000);
      // Aborted by the caller (a page asked ahead and dropped, the run stopped): fetch gives up the
      // request and the server's stream ends (decision 228).
      const signal = abort ? eitherSignal(abort, timeout) : timeout;
      const json = JSON.stringify(request);
      const compress = json.length > gzipAbove && typeof CompressionStream !== 'undefined';
      const res = await doFetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'accept-encoding': 'gzip',
          ...(compress ? { 'content-encoding': 'gzip' } : {}),
          ...opts.headers?.(),
        },
        body: compress ? await gzip(json) : json,
        signal,
        credentials: 'same-origin',
      });
      if (!res.ok) {
        const err = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
        throw new SyncHttpError(res.status, err.code ?? `HTTP_${res.status}`, err.message ?? res.statusText);
      }
      try {
        return JSON.parse(await readCounting(res, progress)) as SyncResponse;
      } catch (e) {
        // Stopped on purpose: say so, not "cut off" (which would be retried).
        if (abort?.aborted) throw abort.reason instanceof Error ? abort.reason : e;
        // The server streams its answer: a body cut short (link dropped, server failed midway) does not
        // parse. Nothing was applied yet, so it is safe and right to retry.
        throw new SyncHttpError(
          502,
          'TERN_RESPONSE_CUT',
          `The server's answer was cut off (${(e as Error).message})`,
        );
      }
    },
  };
}

/**
 * The response's text, read as it arrives: each chunk is counted (bytes as decoded, documents of
 * `changes` complete so far) and reported, so a long pull shows progress. A body cut short throws
 * here (the stream errors) or in `JSON.parse` (the text ends early); both are a cut response.
 */
async function readCounting(res: Response, progress?: ExchangeProgress): Promise<string> {
  if (!progress?.received || !res.body) return res.text();
  const reader = res.body.getReader();
  const counter = new ChangeCounter();
  const parts: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    // Counted on the bytes as they arrive, decoded once at the end (decision 227): a decode per
    // chunk took as long as the count itself on a first pull.
    counter.feed(value);
    parts.push(value);
    progress.received(bytes, counter.docs);
  }
  const all = new Uint8Array(bytes);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.byteLength;
  }
  parts.length = 0;
  return new TextDecoder().decode(all);
}

/**
 * Aborted when either is: `AbortSignal.any` where the browser has it (Chrome 116, Safari 17.4), else
 * the same by hand, so a tablet on an older WebView still syncs.
 */
export function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const both = new AbortController();
  for (const s of [a, b]) {
    if (s.aborted) {
      both.abort(s.reason);
      break;
    }
    s.addEventListener('abort', () => both.abort(s.reason), { once: true, signal: both.signal });
  }
  return both.signal;
}
