import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer } from '@tern/store/testing';
import { DEMO, ROOT, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { bearerToken } from '../support/pouch-client.ts';
import { startOpaqueSeqCouch } from '../support/opaque-seq-couch.ts';
import {
  Tablet,
  createRelayAccount,
  digest,
  doorLeaves,
  doorTriples,
  loginWhenKnown,
  relayCaughtUp,
  startRelay,
} from '../support/relay-stack.ts';

/**
 * Issue 18: headquarters' store on a CouchDB cluster hands out opaque update sequences
 * ("12-g1AAAA…"); the relay's replicator, its checkpoints and headquarters' own CouchDB door must pass
 * them back as they came and never compare them as numbers. The same scenario runs with headquarters on
 * pouchdb-server (number sequences) and on a stub that makes pouchdb-server's sequences cluster-like,
 * with a number before the dash that is deliberately not ordered (support/opaque-seq-couch.ts).
 */
interface Backend {
  url: string;
  stop(): Promise<void>;
  handedOut?: Set<string>;
  unknownSince?: string[];
}

/**
 * The demo seed, in a child process waited for without blocking this one: the stub serves the seed's
 * requests from this process's event loop (seedDemo's spawnSync would wait on itself for ever).
 */
function seedDemoAsync(dataDir: string, env: Record<string, string>): Promise<void> {
  return new Promise((ok, fail) => {
    const out: string[] = [];
    const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'apps/server/src/seed/demo.ts')], {
      cwd: ROOT,
      env: { ...process.env, TERN_DATA_DIR: dataDir, TERN_DEMO_CASES: '0', TERN_DEMO_RESEARCH: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    p.stdout.on('data', (b: Buffer) => out.push(b.toString()));
    p.stderr.on('data', (b: Buffer) => out.push(b.toString()));
    p.once('exit', (code) => (code === 0 ? ok() : fail(new Error(`demo seed failed:\n${out.join('')}`))));
  });
}

const backends: Array<[string, () => Promise<Backend>, RegExp]> = [
  ['pouchdb-server (number sequences)', () => startCouchServer(), /^[0-9]+$/],
  ['a cluster-like stub (opaque sequences)', () => startOpaqueSeqCouch(), /^[0-9]+-g1AAAA[A-Za-z0-9_-]+$/],
];

describe.each(backends)('a relay with headquarters on %s', (_name, start, seqShape) => {
  let backend: Backend;
  let hq: ServerHandle;
  let relay: ServerHandle;
  const folders: string[] = [];

  beforeAll(async () => {
    backend = await start();
    const env = { TERN_STORE_URL: backend.url, TERN_MISSIONS: 'demo', TERN_LOG_LEVEL: 'warn' };
    const seedDir = mkdtempSync(join(tmpdir(), 'tern-opaque-seed-'));
    folders.push(seedDir);
    await seedDemoAsync(seedDir, env);
    hq = await startServer({ seed: false, env, startTimeoutMs: 120_000 });
    folders.push(hq.dataDir);
    await createRelayAccount(hq.url);
    relay = await startRelay(hq.url, { TERN_RELAY_INTERVAL_S: '3600' });
    folders.push(relay.dataDir);
  }, 240_000);
  afterAll(async () => {
    await relay?.stop();
    await hq?.stop();
    await backend?.stop();
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  });

  it('replicates both ways, resumes from its checkpoint, and headquarters’ longpoll wakes', async () => {
    const hqOfficer = await bearerToken(hq.url, DEMO.officer.username, DEMO.officer.password);
    const iv = await bearerToken(hq.url, DEMO.interviewer.username, DEMO.interviewer.password);
    const officer = await loginWhenKnown(relay.url, DEMO.officer.username, DEMO.officer.password);
    const ivAtRelay = await loginWhenKnown(relay.url, DEMO.interviewer.username, DEMO.interviewer.password);
    const office = new Tablet('dev-office', 91);
    const field = new Tablet('dev-hq', 92);

    for (let round = 0; round < 2; round++) {
      await office.write(15, round * 15);
      await office.sync(relay.url, ivAtRelay);
      await field.write(10, round * 10);
      await field.sync(hq.url, iv);
      // pendingDown on opaque sequences: one `_changes` row after the checkpoint says "none left".
      const s = await relayCaughtUp(relay.url, officer, 180_000);
      expect(s.missions[0]!.refused).toEqual([]);
      const atHq = await doorTriples(hq.url, hqOfficer);
      expect(atHq).toHaveLength(25 * (round + 1));
      expect(digest(await doorTriples(relay.url, officer))).toBe(digest(atHq));
      expect(await doorLeaves(relay.url, officer)).toEqual(await doorLeaves(hq.url, hqOfficer));
    }

    // Headquarters' door hands out the store's sequences as they are …
    const head = (await (
      await fetch(`${hq.url}/couch/demo/_changes?limit=1`, {
        headers: { authorization: `Bearer ${hqOfficer}` },
      })
    ).json()) as { last_seq: unknown; results: Array<{ seq: unknown }> };
    expect(String(head.last_seq)).toMatch(seqShape);
    expect(String(head.results[0]!.seq)).toMatch(seqShape);
    // … and takes them back: a longpoll from the newest one is woken by the next write.
    const all = (await (
      await fetch(`${hq.url}/couch/demo/_changes`, { headers: { authorization: `Bearer ${hqOfficer}` } })
    ).json()) as { last_seq: string | number };
    const held = fetch(
      `${hq.url}/couch/demo/_changes?feed=longpoll&timeout=50000&since=${encodeURIComponent(String(all.last_seq))}`,
      { headers: { authorization: `Bearer ${hqOfficer}` } },
    );
    await new Promise((r) => setTimeout(r, 500));
    await field.write(1, 100);
    await field.sync(hq.url, iv);
    const woken = (await (await held).json()) as { results: Array<{ id: string }> };
    expect(woken.results.map((r) => r.id)).toHaveLength(1);

    // A made-up or over-long sequence is refused in words, not passed to the store.
    const bad = await fetch(`${hq.url}/couch/demo/_changes?since=${'9-'.padEnd(9_000, 'A')}`, {
      headers: { authorization: `Bearer ${hqOfficer}` },
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/since/);

    if (backend.unknownSince) {
      expect(backend.handedOut!.size).toBeGreaterThan(0);
      // Every `since` the store was asked was one it handed out: nobody parsed or made one up.
      expect(backend.unknownSince).toEqual([]);
    }
  }, 600_000);
});
