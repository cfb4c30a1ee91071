import { fetchRemote } from '@tern/sync';
import type { FetchRemoteOptions, SyncRemote } from '@tern/sync';
import { startShaper } from './link-shaper.ts';
import type { LinkProfile, LinkShaper } from './link-shaper.ts';
import { bearerToken } from './pouch-client.ts';
import { DEMO, startServer } from './server-process.ts';
import type { ServerHandle } from './server-process.ts';

/** The real server process (LevelDB in a temp folder) behind a link shaper, on loopback. */
export interface ShapedStack {
  server: ServerHandle;
  shaper: LinkShaper;
  /** The session of a demo admin (every mission), for `fetchRemote(url, stack.auth)`. */
  auth: FetchRemoteOptions;
  /** Compact door URL through the shaper. */
  syncUrl(mission: string): string;
  /** Compact door URL straight to the server (for reading back the server's state). */
  directUrl(mission: string): string;
  /** SIGKILL the server process (no shutdown hooks), wait for it to die. */
  kill(): Promise<void>;
  /** Start the server again on the same data folder and port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startShapedStack(
  profile: LinkProfile,
  opts: { missions?: string[]; dataDir?: string; nodeArgs?: string[]; env?: Record<string, string> } = {},
): Promise<ShapedStack> {
  const env = {
    TERN_MISSIONS: (opts.missions ?? ['demo']).join(','),
    TERN_LOG_LEVEL: 'warn',
    TERN_WEB_DIST: '/nonexistent-web-dist',
    ...opts.env,
  };
  const nodeArgs = opts.nodeArgs ?? [];
  let server = await startServer({ env, nodeArgs, ...(opts.dataDir ? { dataDir: opts.dataDir } : {}) });
  const shaper = await startShaper(server.port, profile);
  // Sessions live in the server's own database, so the token survives a SIGKILL and restart.
  const token = await bearerToken(server.url, DEMO.admin.username, DEMO.admin.password);
  const auth: FetchRemoteOptions = { headers: () => ({ authorization: `Bearer ${token}` }) };
  return {
    auth,
    get server() {
      return server;
    },
    shaper,
    syncUrl: (m) => `${shaper.url}/api/sync/${m}`,
    directUrl: (m) => `${server.url}/api/sync/${m}`,
    async kill() {
      await server.stop('SIGKILL');
    },
    async restart() {
      // After a SIGKILL on a loaded machine the start can be slow (LevelDB recovery, tsx): 2 minutes.
      server = await startServer({
        env,
        nodeArgs,
        dataDir: server.dataDir,
        port: server.port,
        startTimeoutMs: 120_000,
      });
    },
    async close() {
      await shaper.close();
      await server.stop('SIGTERM');
    },
  };
}

export interface Exchange {
  up: number;
  down: number;
  ok: boolean;
  ms: number;
}

/**
 * A compact-door remote that records, for every attempt (retries included), the bytes it moved through
 * the shaper. Valid because syncOnce sends one exchange at a time.
 */
export function measuredRemote(
  url: string,
  shaper: LinkShaper,
  opts: FetchRemoteOptions = {},
): SyncRemote & { log: Exchange[] } {
  const inner = fetchRemote(url, opts);
  const log: Exchange[] = [];
  return {
    log,
    async exchange(request) {
      const before = shaper.snapshot();
      const t0 = performance.now();
      const done = (ok: boolean) =>
        log.push({
          up: shaper.stats.up.bytes - before.up.bytes,
          down: shaper.stats.down.bytes - before.down.bytes,
          ok,
          ms: performance.now() - t0,
        });
      try {
        const res = await inner.exchange(request);
        done(true);
        return res;
      } catch (e) {
        done(false);
        throw e;
      }
    },
  };
}
