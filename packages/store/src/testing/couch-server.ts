import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A CouchDB-protocol server for tests where CouchDB itself cannot be installed: pouchdb-server 4.2
 * (express-pouchdb on PouchDB), started by the test as a child process on a free loopback port, in its
 * own process group and temporary folder (it writes config.json and log.txt there), in memory unless a
 * test needs it on disk. docs/decisions/172-couchdb-in-tests.md says what differs from a CouchDB 3 cluster.
 */
export interface CouchServer {
  /** `http://127.0.0.1:<port>/`, without credentials. */
  url: string;
  port: number;
  pid: number;
  /** Stop it (SIGTERM to its group) and remove its folder. */
  stop(): Promise<void>;
  /** What it printed, for a failing test's message. */
  logs(): string;
}

/** A port free on loopback now (another process may take it before it is bound: retry then). */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

const START_MS = 30_000;

export async function startCouchServer(opts: { onDisk?: boolean } = {}): Promise<CouchServer> {
  const require = createRequire(import.meta.url);
  const bin = join(dirname(require.resolve('pouchdb-server/package.json')), 'bin', 'pouchdb-server');
  const dir = mkdtempSync(join(tmpdir(), 'tern-couch-server-'));
  const port = await freePort();
  const args = [bin, '--port', String(port), '--host', '127.0.0.1', '--dir', dir, '--no-stdout-logs'];
  if (!opts.onDisk) args.push('--in-memory');
  const proc = spawn(process.execPath, args, { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: string[] = [];
  proc.stdout!.on('data', (b: Buffer) => out.push(b.toString()));
  proc.stderr!.on('data', (b: Buffer) => out.push(b.toString()));
  const exited = new Promise<void>((ok) => proc.once('exit', () => ok()));
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      try {
        process.kill(-proc.pid!, 'SIGTERM');
      } catch {
        // gone already
      }
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + START_MS;
  for (;;) {
    if (proc.exitCode !== null) {
      await stop();
      throw new Error(`pouchdb-server exited at start:\n${out.join('')}`);
    }
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`pouchdb-server did not answer within ${START_MS / 1000} s:\n${out.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, pid: proc.pid!, stop, logs: () => out.join('') };
}
