import type { z } from 'zod';
import { ApiError } from './api-error.ts';

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as it is, with `contentType` (an XLSForm workbook, say). Ignored when `json` is given. */
  body?: RequestInit['body'];
  contentType?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Tests and Node clients pass their own fetch. */
  fetch?: typeof fetch;
}

/**
 * One request to Tern's API with the session cookie. Resolves with the response when it is 2xx;
 * otherwise rejects with an ApiError: the server's `{code, message, details}` when it sent one,
 * `HTTP_<status>` when it did not (a proxy's error page), `TERN_NETWORK` (status 0) when the server
 * was not reached. An AbortError passes through untouched: the caller cancelled.
 */
export async function apiResponse(url: string, req: ApiRequest = {}): Promise<Response> {
  const doFetch = req.fetch ?? fetch;
  const headers: Record<string, string> = { ...req.headers };
  let body: RequestInit['body'];
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.json);
  } else if (req.body !== undefined) {
    if (req.contentType) headers['content-type'] = req.contentType;
    body = req.body;
  }
  let res: Response;
  try {
    res = await doFetch(url, {
      method: req.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body } : {}),
      ...(req.signal ? { signal: req.signal } : {}),
    });
  } catch (e) {
    if ((e as { name?: string } | null)?.name === 'AbortError') throw e;
    throw new ApiError(0, 'TERN_NETWORK', `The server could not be reached (${(e as Error).message})`);
  }
  if (res.ok) return res;
  const refusal = (await res.json().catch(() => null)) as {
    code?: unknown;
    message?: unknown;
    details?: unknown;
  } | null;
  const code = typeof refusal?.code === 'string' ? refusal.code : `HTTP_${res.status}`;
  const message = typeof refusal?.message === 'string' ? refusal.message : res.statusText;
  throw new ApiError(res.status, code, message, refusal?.details);
}

/**
 * `apiResponse`, then the JSON body; with `schema`, the body is checked against it and an answer of
 * another shape (a server of another version) is `TERN_RESPONSE_UNEXPECTED`, rather than a crash in a
 * screen. The schema is passed in, so importing this helper pulls no schema into a bundle.
 */
export async function fetchJson<T = unknown>(
  url: string,
  req: ApiRequest & { schema?: z.ZodType<T> } = {},
): Promise<T> {
  const res = await apiResponse(url, req);
  let json: unknown;
  try {
    json = await res.json();
  } catch (e) {
    // A 200 that is not JSON: a captive portal's login page, a proxy, or a body cut short.
    throw new ApiError(
      res.status,
      'TERN_RESPONSE_UNEXPECTED',
      `The answer of ${url} is not JSON (${(e as Error).message})`,
    );
  }
  if (!req.schema) return json as T;
  const parsed = req.schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const i = parsed.error.issues[0]!;
  throw new ApiError(
    res.status,
    'TERN_RESPONSE_UNEXPECTED',
    `The answer of ${url} is not what this app expects: ${i.path.join('.') || 'body'}: ${i.message}`,
  );
}
