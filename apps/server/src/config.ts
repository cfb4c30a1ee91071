import { join, resolve } from 'node:path';

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  webDist: string;
  missions: string[];
  logLevel: string;
  sessionTtlMs: number;
  loginMaxPerMinute: number;
  cookieSecure: boolean;
  trustProxy: boolean | string;
  feedsPerAccount: number;
  feedsTotal: number;
  allowedOrigins: string[];
  syncConcurrency: number;
  research: {
    /** The DuckDB analytics store file (made, or made anew, at start). */
    dbPath: string;
    /** `TERN_RESEARCH_SECRET`, or undefined: then kept in `secretFile`, made on first start. */
    secret: string | undefined;
    secretFile: string;
    /** Imported CTDC datasets (apps/server/src/cli/research-import-ctdc.ts). */
    sourcesDir: string;
    k: number;
    queriesPerDay: number;
  };
  maxAttachmentBytes: number;
  /** Below this free space on the data folder's disk `GET /api/ready` answers 503 (health/readiness.ts). */
  minFreeBytes: number;
  /** `TERN_BACKUP_DIR`: where SIGUSR2 writes an online backup (decision 150); null when unset. */
  backupDir: string | null;
  /**
   * `TERN_STORE_URL` (decision 171): the store behind a CouchDB-protocol URL instead of LevelDB in the
   * data folder; credentials from the URL or `TERN_STORE_USER`/`TERN_STORE_PASSWORD`. Null: LevelDB.
   */
  storeUrl: { url: string; user?: string; password?: string; prefix?: string } | null;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const v = Number(env[name] ?? fallback);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number, got ${env[name]}`);
  return v;
}

/** Read configuration from the environment; every variable is listed in docs/operator-guide.md. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.TERN_PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`TERN_PORT must be a port number, got ${env.TERN_PORT}`);
  const dataDir = resolve(env.TERN_DATA_DIR ?? '.tern-data');
  return {
    host: env.TERN_HOST ?? '127.0.0.1',
    port,
    dataDir,
    webDist: resolve(env.TERN_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    // Bootstrap only: these missions are made sure to exist at start; admins create the others.
    missions: (env.TERN_MISSIONS ?? '')
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean),
    logLevel: env.TERN_LOG_LEVEL ?? 'info',
    sessionTtlMs: positive(env, 'TERN_SESSION_HOURS', 12) * 3600 * 1000,
    loginMaxPerMinute: Math.floor(positive(env, 'TERN_LOGIN_MAX_PER_MINUTE', 10)),
    cookieSecure: env.TERN_COOKIE_SECURE === '1',
    // Held longpolls (feeds/feed-gate.ts): per account and in the whole process.
    feedsPerAccount: Math.floor(positive(env, 'TERN_FEEDS_PER_ACCOUNT', 8)),
    feedsTotal: Math.floor(positive(env, 'TERN_FEEDS_TOTAL', 200)),
    // Document-carrying requests worked on at once (request-gate.ts); the others wait their turn.
    syncConcurrency: Math.floor(positive(env, 'TERN_SYNC_CONCURRENCY', 64)),
    // The largest media file (a photo, a recording) a record may carry, in bytes (decision 125).
    maxAttachmentBytes: Math.floor(positive(env, 'TERN_MAX_ATTACHMENT_BYTES', 10 * 1024 * 1024)),
    minFreeBytes: Math.floor(positive(env, 'TERN_MIN_FREE_MB', 200) * 1024 * 1024),
    backupDir: env.TERN_BACKUP_DIR ? resolve(env.TERN_BACKUP_DIR) : null,
    storeUrl: env.TERN_STORE_URL
      ? {
          url: env.TERN_STORE_URL,
          ...(env.TERN_STORE_USER !== undefined ? { user: env.TERN_STORE_USER } : {}),
          ...(env.TERN_STORE_PASSWORD !== undefined ? { password: env.TERN_STORE_PASSWORD } : {}),
          ...(env.TERN_STORE_PREFIX !== undefined ? { prefix: env.TERN_STORE_PREFIX } : {}),
        }
      : null,
    allowedOrigins: (env.TERN_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    // Research on trends (docs/research-privacy.md, docs/operator-guide.md "Research").
    research: {
      dbPath: resolve(env.TERN_RESEARCH_DB ?? join(dataDir, 'research', 'analytics.duckdb')),
      secret: env.TERN_RESEARCH_SECRET || undefined,
      secretFile: join(dataDir, 'research', 'secret'),
      sourcesDir: ctdcSourcesDir(dataDir),
      k: Math.floor(positive(env, 'TERN_RESEARCH_K', 11)),
      queriesPerDay: Math.floor(positive(env, 'TERN_RESEARCH_QUERIES_PER_DAY', 10_000)),
    },
    trustProxy: env.TERN_TRUST_PROXY
      ? env.TERN_TRUST_PROXY === 'true'
        ? true
        : env.TERN_TRUST_PROXY
      : false,
  };
}

/** Where the imported CTDC datasets live: beside the mission stores, in the server's data folder. */
export function ctdcSourcesDir(dataDir: string): string {
  return join(dataDir, 'research', 'sources');
}
