/** A Tern server in relay mode (decision 195): every variable is listed in docs/operator-guide.md. */
export interface RelayConfig {
  /** `TERN_UPSTREAM`: headquarters' base URL. */
  upstream: string;
  /** `TERN_RELAY_USER` / `TERN_RELAY_PASSWORD`: the relay account at headquarters (role `relay`). */
  username: string;
  password: string;
  /** `TERN_MISSIONS`: the missions this relay serves (each must be one of the relay account's). */
  missions: string[];
  /** `TERN_RELAY_INTERVAL_S`: seconds between passes while the link is up (30). */
  intervalMs: number;
  /** The longest wait between attempts while headquarters does not answer (10 minutes). */
  maxBackoffMs: number;
  /** `TERN_RELAY_TIMEOUT_S`: one request to headquarters gives up after this (120 s: 2G is slow). */
  requestTimeoutMs: number;
  /**
   * `TERN_RELAY_RETRY_S`: the first wait before a revision headquarters refused is sent again (60 s);
   * it doubles after each refusal, to 6 hours at most (decision 209).
   */
  refusedRetryMs: number;
  /** Documents per page (100). */
  pageSize: number;
  /**
   * `TERN_RELAY_FILES_MB`: megabytes of media files moved per pass at most, up and down together (8),
   * so records keep flowing every pass while files take the link's spare time (decision 230).
   */
  filesBudgetBytes: number;
  /** The largest file the relay keeps (`TERN_MAX_ATTACHMENT_BYTES`, the server's own limit). */
  maxAttachmentBytes?: number;
}

/** Relay mode when `TERN_UPSTREAM` is set; null otherwise. Throws in words when it is half set. */
export function readRelayConfig(env: NodeJS.ProcessEnv, missions: string[]): RelayConfig | null {
  const upstream = env.TERN_UPSTREAM?.trim();
  if (!upstream) return null;
  let parsed: URL;
  try {
    parsed = new URL(upstream);
  } catch {
    throw new Error(`TERN_UPSTREAM must be headquarters' URL (https://…), got ${JSON.stringify(upstream)}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new Error(`TERN_UPSTREAM must be an http(s) URL, got ${parsed.protocol}`);
  if (parsed.username || parsed.password)
    throw new Error('TERN_UPSTREAM must not carry credentials: set TERN_RELAY_USER and TERN_RELAY_PASSWORD');
  const username = env.TERN_RELAY_USER ?? '';
  const password = env.TERN_RELAY_PASSWORD ?? '';
  if (!username || !password)
    throw new Error(
      'Relay mode (TERN_UPSTREAM) needs TERN_RELAY_USER and TERN_RELAY_PASSWORD: the relay account at headquarters',
    );
  if (missions.length === 0)
    throw new Error('Relay mode (TERN_UPSTREAM) needs TERN_MISSIONS: the missions this relay serves');
  const seconds = (name: string, fallback: number) => {
    const v = Number(env[name] ?? fallback);
    if (!Number.isFinite(v) || v <= 0)
      throw new Error(`${name} must be a positive number of seconds, got ${env[name]}`);
    return v * 1000;
  };
  return {
    upstream: parsed.toString().replace(/\/+$/, ''),
    username,
    password,
    missions,
    intervalMs: seconds('TERN_RELAY_INTERVAL_S', 30),
    maxBackoffMs: Math.max(seconds('TERN_RELAY_INTERVAL_S', 30), 600_000),
    requestTimeoutMs: seconds('TERN_RELAY_TIMEOUT_S', 120),
    refusedRetryMs: seconds('TERN_RELAY_RETRY_S', 60),
    pageSize: 100,
    filesBudgetBytes: megabytes(env, 'TERN_RELAY_FILES_MB', 8),
  };
}

function megabytes(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const v = Number(env[name] ?? fallback);
  if (!Number.isFinite(v) || v <= 0)
    throw new Error(`${name} must be a positive number of megabytes, got ${env[name]}`);
  return Math.round(v * 1024 * 1024);
}
