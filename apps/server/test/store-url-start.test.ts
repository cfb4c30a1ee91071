import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import { startCouchServer } from '@tern/store/testing';
import type { CouchServer } from '@tern/store/testing';
import { buildApp } from '../src/app.ts';

// The store behind TERN_STORE_URL is down or wrong: the server must say so, never hang (decisions
// 153 and 171). pouchdb-server runs on a loopback port, started here.
const ROOT = resolve(import.meta.dirname, '../../..');
let couch: CouchServer;
let dir: string;
beforeAll(async () => {
  couch = await startCouchServer();
  dir = mkdtempSync(join(tmpdir(), 'tern-url-start-'));
}, 60_000);
afterAll(async () => {
  await couch.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Run the real server entry point until it exits (bounded): its exit code and what it printed. */
function runServer(env: Record<string, string>, ms: number): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'apps/server/src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, TERN_HOST: '127.0.0.1', TERN_PORT: '0', TERN_DATA_DIR: dir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (b: Buffer) => (out += b.toString()));
    proc.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), ms);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, out });
    });
  });
}

describe('a store behind a URL that does not answer', () => {
  it('stops the server at start with the reason in words, without the password, and does not hang', async () => {
    const gone = await startCouchServer();
    await gone.stop(); // its port is now closed
    const started = Date.now();
    const { code, out } = await runServer(
      { TERN_STORE_URL: gone.url, TERN_STORE_USER: 'tern', TERN_STORE_PASSWORD: 'hunter2-secret' },
      60_000,
    );
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(45_000);
    expect(out).toContain(`the store (CouchDB at ${gone.url} (databases tern_*)) cannot be read`);
    expect(out).toMatch(/cannot be reached.*ECONNREFUSED/);
    expect(out).not.toContain('hunter2-secret');
  }, 90_000);

  it('refuses a malformed TERN_STORE_URL at start with what is wrong', async () => {
    const { code, out } = await runServer({ TERN_STORE_URL: 'ftp://couch.example/' }, 60_000);
    expect(code).not.toBe(0);
    expect(out).toContain('TERN_STORE_URL must be http or https');
  }, 90_000);

  it('/api/ready answers 503 saying the store cannot be reached once it goes away, 200 before', async () => {
    const own = await startCouchServer();
    const store = new TernStore({ kind: 'url', url: own.url, prefix: 'ready_' });
    const app = await buildApp({ store, missions: ['demo'] });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
      await own.stop();
      // Past the one-second shared probe (decision 153).
      await new Promise((r) => setTimeout(r, 1100));
      const res = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.body).toMatch(/cannot be reached/);
      expect(res.body).not.toContain('demo');
    } finally {
      await app.close();
      await store.close();
    }
  }, 60_000);
});
