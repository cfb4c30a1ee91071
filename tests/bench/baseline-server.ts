import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from '../support/server-process.ts';

/**
 * The baseline: pouchdb-server 4.2 (express-pouchdb on PouchDB 7, LevelDB backend) as a child process
 * on loopback, in its own process group, in a temp folder (it writes config.json and log.txt there).
 */
export interface BaselineServer {
  url: string;
  port: number;
  proc: ChildProcess;
  stop(): Promise<void>;
}

export async function startPouchDbServer(): Promise<BaselineServer> {
  const require = createRequire(import.meta.url);
  const bin = join(dirname(require.resolve('pouchdb-server/package.json')), 'bin', 'pouchdb-server');
  const dir = mkdtempSync(join(tmpdir(), 'tern-bench-pouchdb-server-'));
  const port = await freePort();
  const logs: string[] = [];
  const proc = spawn(
    process.execPath,
    [bin, '--port', String(port), '--host', '127.0.0.1', '--dir', dir, '-n'],
    {
      cwd: dir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  proc.stdout!.on('data', (b: Buffer) => logs.push(b.toString()));
  proc.stderr!.on('data', (b: Buffer) => logs.push(b.toString()));
  const exited = new Promise<void>((ok) => proc.once('exit', () => ok()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`pouchdb-server exited early:\n${logs.join('')}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`pouchdb-server did not start in 30 s:\n${logs.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    proc,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) {
        try {
          process.kill(-proc.pid!, 'SIGTERM');
        } catch {
          // already gone
        }
        await exited;
      }
      // Its databases: the load bench leaves 20,000 records per step otherwise.
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
