/**
 * Headquarters as the relay reaches it (decision 195): JSON over HTTP with the relay account's session
 * as a Bearer token, logged in again when it expires. The password stays in this object: it is never
 * logged, never stored, never sent anywhere but headquarters' login route.
 */
export interface UpstreamOptions {
  /** `TERN_UPSTREAM`: headquarters' base URL (`https://hq.example.org`), no trailing slash needed. */
  url: string;
  username: string;
  password: string;
  /** Per request; a link that stalls is abandoned and retried later. */
  timeoutMs?: number;
  /** The HTTP client; the global fetch unless a test wraps it (to count or to cut). */
  fetch?: typeof fetch;
}

/** Headquarters answered with a refusal (4xx) or failed (5xx): the status and its own words. */
export class UpstreamError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class Upstream {
  readonly url: string;
  private token: string | null = null;
  private missionsAtHq: string[] = [];

  constructor(private readonly o: UpstreamOptions) {
    this.url = o.url.replace(/\/+$/, '');
  }

  /** The missions the relay account belongs to at headquarters (after the first login). */
  get missions(): readonly string[] {
    return this.missionsAtHq;
  }

  /** One JSON request to headquarters; logs in first, and once more when the session has expired. */
  async json<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
    if (this.token === null) await this.login();
    let res = await this.send(method, path, body);
    if (res.status === 401) {
      await this.login();
      res = await this.send(method, path, body);
    }
    const text = await res.text();
    if (!res.ok) throw new UpstreamError(res.status, wordsOf(res.status, text, path));
    return (text === '' ? null : JSON.parse(text)) as T;
  }

  /**
   * One request whose body is bytes (a chunk of a file, decision 229): `PUT` with a chunk, or `GET`
   * with a `Range`. Logs in first and once more after a 401, like `json`. The answer is returned as
   * it is (status, headers, body bytes): a refusal is for the caller to read (its code says whether
   * to resume, wait or give up), not an exception. A network failure or a timeout throws.
   */
  async bytes(
    method: 'GET' | 'PUT',
    path: string,
    o: { headers?: Record<string, string>; body?: Uint8Array } = {},
  ): Promise<{ status: number; headers: Headers; body: Uint8Array }> {
    if (this.token === null) await this.login();
    const go = () =>
      (this.o.fetch ?? fetch)(`${this.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...o.headers },
        ...(o.body !== undefined ? { body: o.body as Uint8Array<ArrayBuffer> } : {}),
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 60_000),
      });
    let res = await go();
    if (res.status === 401) {
      await res.arrayBuffer().catch(() => undefined);
      await this.login();
      res = await go();
    }
    return { status: res.status, headers: res.headers, body: new Uint8Array(await res.arrayBuffer()) };
  }

  /** Like `json`, but a 404 is an answer (`undefined`), not a failure: a missing `_local` document. */
  async jsonOrAbsent<T>(path: string): Promise<T | undefined> {
    try {
      return await this.json<T>('GET', path);
    } catch (e) {
      if (e instanceof UpstreamError && e.status === 404) return undefined;
      throw e;
    }
  }

  private async login(): Promise<void> {
    this.token = null;
    const res = await (this.o.fetch ?? fetch)(`${this.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: this.o.username, password: this.o.password, bearer: true }),
      signal: AbortSignal.timeout(this.o.timeoutMs ?? 60_000),
    });
    const text = await res.text();
    if (!res.ok) throw new UpstreamError(res.status, wordsOf(res.status, text, 'login'));
    const body = JSON.parse(text) as { token?: string; user?: { role?: string; missions?: string[] } };
    if (!body.token) throw new UpstreamError(502, 'Headquarters answered the login without a session');
    if (body.user?.role !== undefined && body.user.role !== 'relay')
      throw new UpstreamError(
        403,
        `The relay account ${this.o.username} has the ${body.user.role} role at headquarters; a relay needs the relay role`,
      );
    this.token = body.token;
    this.missionsAtHq = body.user?.missions ?? [];
  }

  private send(method: string, path: string, body: unknown): Promise<Response> {
    return (this.o.fetch ?? fetch)(`${this.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(this.o.timeoutMs ?? 60_000),
    });
  }
}

/** A refusal in plain words for the status page: headquarters' own message when it sent one. */
function wordsOf(status: number, text: string, what: string): string {
  let said = '';
  try {
    const b = JSON.parse(text) as { message?: string; reason?: string };
    said = b.message ?? b.reason ?? '';
  } catch {
    said = '';
  }
  const head =
    status === 401 || status === 403
      ? 'Headquarters refused the relay account'
      : status >= 500
        ? 'Headquarters had a problem'
        : 'Headquarters refused a request';
  return `${head} (${what}, HTTP ${status})${said ? `: ${said}` : ''}`;
}
