import { StoreError } from './errors.ts';

/**
 * A CouchDB-protocol server as the store (`TERN_STORE_URL`, docs/decisions/171-store-behind-a-url.md):
 * where it is, who Tern is there, and how Tern's database names become CouchDB's.
 */
export interface CouchLocation {
  /** The server's root, without credentials, ending in `/` (`https://couch.example:5984/`). */
  root: string;
  /** Basic credentials, from the URL or given apart; never logged nor put in a message. */
  auth?: { username: string; password: string };
  /** Put before every database name so several installs (or other applications) can share a cluster. */
  prefix: string;
}

/** CouchDB's rule for a database name (https://docs.couchdb.org/en/stable/api/database/common.html). */
const COUCH_DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/;
const MAX_COUCH_NAME = 238;
export const DEFAULT_PREFIX = 'tern_';

/**
 * Read the URL and the credentials. Credentials may be in the URL (`https://user:pass@host/`) or given
 * apart (`TERN_STORE_USER`/`TERN_STORE_PASSWORD`), not both. A path is kept (a proxy may serve CouchDB
 * under `/couch/`). Bad input is refused with what is wrong, and the message never repeats a password.
 */
export function couchLocation(
  url: string,
  opts: { user?: string; password?: string; prefix?: string } = {},
): CouchLocation {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new StoreError('TERN_STORE_INVALID', 'TERN_STORE_URL is not a URL (expected http(s)://host:port/)');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new StoreError('TERN_STORE_INVALID', `TERN_STORE_URL must be http or https, not ${u.protocol}`);
  if (u.search || u.hash)
    throw new StoreError('TERN_STORE_INVALID', 'TERN_STORE_URL must not carry a query or a fragment');
  const inUrl = u.username !== '' || u.password !== '';
  const apart = opts.user !== undefined || opts.password !== undefined;
  if (inUrl && apart)
    throw new StoreError(
      'TERN_STORE_INVALID',
      'Credentials for the store are given twice (in TERN_STORE_URL and in TERN_STORE_USER/TERN_STORE_PASSWORD): give them once',
    );
  if (apart && (!opts.user || opts.password === undefined))
    throw new StoreError(
      'TERN_STORE_INVALID',
      'TERN_STORE_USER and TERN_STORE_PASSWORD go together: set both',
    );
  const auth = inUrl
    ? { username: decodeURIComponent(u.username), password: decodeURIComponent(u.password) }
    : apart
      ? { username: opts.user!, password: opts.password! }
      : undefined;
  u.username = '';
  u.password = '';
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  const prefix = opts.prefix ?? DEFAULT_PREFIX;
  if (prefix !== '' && !COUCH_DB_NAME.test(prefix))
    throw new StoreError(
      'TERN_STORE_INVALID',
      `TERN_STORE_PREFIX ${JSON.stringify(prefix)} is not allowed by CouchDB: start with a lowercase letter, then lowercase letters, digits, _ $ ( ) + - /`,
    );
  return { root: u.href, ...(auth ? { auth } : {}), prefix };
}

/**
 * Tern's name (`mission-<id>`, `ops-<id>`, `files-<id>`, `forms`, `system`) as CouchDB's: the prefix
 * before it. Tern's names already keep to lowercase letters, digits and `-` (mission ids are checked),
 * so no character needs escaping; the name is still checked against CouchDB's rule and length.
 */
export function couchName(loc: CouchLocation, name: string): string {
  const full = `${loc.prefix}${name}`;
  if (!COUCH_DB_NAME.test(full) || full.length > MAX_COUCH_NAME)
    throw new StoreError('TERN_STORE_INVALID', `${JSON.stringify(full)} is not a CouchDB database name`);
  return full;
}

/** The URL of one database, for PouchDB's HTTP adapter (`/` in a name is escaped, as CouchDB asks). */
export function databaseUrl(loc: CouchLocation, name: string): string {
  return `${loc.root}${encodeURIComponent(couchName(loc, name))}`;
}

/** Tern's names among CouchDB's `_all_dbs`: those with the prefix, the prefix taken off. */
export function ternNames(loc: CouchLocation, all: string[]): string[] {
  return all.filter((n) => n.startsWith(loc.prefix)).map((n) => n.slice(loc.prefix.length));
}

function authHeader(loc: CouchLocation): Record<string, string> {
  if (!loc.auth) return {};
  const token = Buffer.from(`${loc.auth.username}:${loc.auth.password}`).toString('base64');
  return { authorization: `Basic ${token}` };
}

/**
 * `GET /_all_dbs`. A CouchDB 3 server answers it to server admins only by default
 * (`[chttpd] admin_only_all_dbs`): then undefined, and the caller lists Tern's databases another way.
 */
export async function allDbs(loc: CouchLocation, timeoutMs = 30_000): Promise<string[] | undefined> {
  const res = await reach(loc, () =>
    fetch(`${loc.root}_all_dbs`, { headers: authHeader(loc), signal: AbortSignal.timeout(timeoutMs) }),
  );
  if (res.status === 401 || res.status === 403) return undefined;
  if (!res.ok) throw new StoreError('TERN_STORE_UNAVAILABLE', `${loc.root}_all_dbs answered ${res.status}`);
  const body = (await res.json()) as unknown;
  if (!Array.isArray(body) || !body.every((n) => typeof n === 'string'))
    throw new StoreError('TERN_STORE_UNAVAILABLE', `${loc.root}_all_dbs did not answer a list of names`);
  return body;
}

/** Run one request to the store; a network failure becomes TERN_STORE_UNAVAILABLE naming the server. */
export async function reach<T>(loc: CouchLocation, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw unreachable(loc, e) ?? e;
  }
}

/**
 * A failure to reach the server at all (refused, reset, DNS, timeout) in words, or undefined for any
 * other error. Only the credential-free root is named.
 */
export function unreachable(loc: CouchLocation, e: unknown): StoreError | undefined {
  const err = e as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    cause?: { code?: unknown; message?: unknown };
  };
  const code =
    typeof err.code === 'string'
      ? err.code
      : typeof err.cause?.code === 'string'
        ? err.cause.code
        : typeof err.cause?.message === 'string'
          ? err.cause.message
          : err.name === 'TimeoutError'
            ? 'no answer in time'
            : undefined;
  // Node's fetch rejects with a TypeError "fetch failed" whose cause says why; a timeout is its own name.
  const network =
    err.name === 'FetchError' ||
    (err.name === 'TypeError' && err.message === 'fetch failed') ||
    err.name === 'TimeoutError';
  if (!network) return undefined;
  return new StoreError(
    'TERN_STORE_UNAVAILABLE',
    `the store at ${loc.root} cannot be reached (${code ?? 'network error'})`,
    'unreachable',
    { cause: e },
  );
}
