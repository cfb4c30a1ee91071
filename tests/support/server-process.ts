import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

// One free-port finder for every test helper (pouchdb-server's starter needs it too).
export { freePort } from '@tern/store/testing';
import { freePort } from '@tern/store/testing';

/** The demo accounts of apps/server/src/seed/demo.ts (and the README). */
export const DEMO = {
  admin: { username: 'admin', password: 'demo-admin-pass' },
  officer: { username: 'officer', password: 'demo-officer-pass' },
  interviewer: { username: 'interviewer', password: 'demo-interviewer-pass' },
  researcher: { username: 'researcher', password: 'demo-researcher-pass' },
  statistician: { username: 'statistician', password: 'demo-statistician-pass' },
} as const;

/** Run the demo seed into a data folder (before the server opens it: LevelDB allows one process). */
export function seedDemo(
  dataDir: string,
  cases: boolean | number = false,
  research = false,
  /** More environment: `TERN_STORE_URL` seeds a store behind a URL. */
  env: Record<string, string> = {},
): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'apps/server/src/seed/demo.ts')], {
    cwd: ROOT,
    // The ~200 demo cases only when a test asks for them: most tests count the mission's records.
    // The research demo's 30,000 cases (about 30 s) only when a test asks for them.
    env: {
      ...process.env,
      TERN_DATA_DIR: dataDir,
      TERN_DEMO_CASES: typeof cases === 'number' ? String(cases) : cases ? '1' : '0',
      TERN_DEMO_RESEARCH: research ? '1' : '0',
      ...env,
    },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`demo seed failed:\n${r.stdout}${r.stderr}`);
}

export interface ServerHandle {
  url: string;
  port: number;
  dataDir: string;
  logs: string[];
  proc: ChildProcess;
  /** SIGTERM the whole process group and wait for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Start the real server (tsx on the TypeScript source) on a loopback port, in its own process group
 * so that stopping it frees the port (pnpm/npm do not forward signals).
 */
export async function startServer(
  opts: {
    dataDir?: string;
    port?: number;
    env?: Record<string, string>;
    seed?: boolean;
    /** The ~200 demo cases, or a number of batches of them (25 → 5,000). */
    demoCases?: boolean | number;
    /** Seed the research demo too (three missions, 30,000 cases, the source ctdc:demo). */
    demoResearch?: boolean;
    /** Extra arguments for node itself (`--cpu-prof`, which NODE_OPTIONS does not allow). */
    nodeArgs?: string[];
    /** How long the health check may take to answer (30 s); a loaded machine may need longer. */
    startTimeoutMs?: number;
  } = {},
): Promise<ServerHandle> {
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'tern-e2e-'));
  if (opts.seed !== false) seedDemo(dataDir, opts.demoCases ?? false, opts.demoResearch ?? false);
  const logs: string[] = [];
  const args = [...(opts.nodeArgs ?? []), '--import', 'tsx', join(ROOT, 'apps/server/src/main.ts')];
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      TERN_PORT: String(port),
      TERN_HOST: '127.0.0.1',
      TERN_DATA_DIR: dataDir,
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (b: Buffer) => logs.push(b.toString()));
  proc.stderr!.on('data', (b: Buffer) => logs.push(b.toString()));
  const exited = new Promise<void>((ok) => proc.once('exit', () => ok()));
  const url = `http://127.0.0.1:${port}`;
  const limitMs = opts.startTimeoutMs ?? 30_000;
  const deadline = Date.now() + limitMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`Server exited early:\n${logs.join('')}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      // Never leave a late starter behind, holding the port and the data folder's lock.
      try {
        process.kill(-proc.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
      throw new Error(`Server did not start in ${limitMs / 1000} s:\n${logs.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    dataDir,
    logs,
    proc,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      try {
        process.kill(-proc.pid!, signal);
      } catch {
        // already gone
      }
      await exited;
    },
  };
}
