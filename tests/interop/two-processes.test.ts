import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import { startCouchServer } from '@tern/store/testing';
import type { CouchServer } from '@tern/store/testing';
import { DEMO, seedDemo, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import {
  authedRemote,
  bearerToken,
  leafDigest,
  pouchClient,
  submissionDoc,
} from '../support/pouch-client.ts';

/**
 * Issue 18: two real server processes on one store behind a URL (pouchdb-server on a loopback port,
 * decision 172) behave as one (decision 173). Each process has its own data folder (its research
 * analytics file) and the same research secret; everything else is in the store.
 */
let couch: CouchServer;
let a: ServerHandle;
let b: ServerHandle;
const folders: string[] = [];

beforeAll(async () => {
  couch = await startCouchServer();
  const env = { TERN_STORE_URL: couch.url, TERN_RESEARCH_SECRET: 'two-processes-research-secret-0123456789' };
  const seedDir = mkdtempSync(join(tmpdir(), 'tern-two-seed-'));
  folders.push(seedDir);
  seedDemo(seedDir, false, false, env);
  [a, b] = await Promise.all([startServer({ seed: false, env }), startServer({ seed: false, env })]);
  folders.push(a.dataDir, b.dataDir);
}, 120_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await couch?.stop();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

const me = (server: ServerHandle, token: string) =>
  fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });

describe('two server processes on one store behind a URL', () => {
  it('a session made on A is good on B; a logout on B ends it on A', async () => {
    const token = await bearerToken(a.url, DEMO.interviewer.username, DEMO.interviewer.password);
    expect((await me(b, token)).status).toBe(200);
    const out = await fetch(`${b.url}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.status).toBe(200);
    expect((await me(a, token)).status).toBe(401);
    expect((await me(b, token)).status).toBe(401);
  });

  it('devices sync through A and B in turn: nothing lost, digests equal everywhere', async () => {
    // An officer replicates (pushes as sent, decision 093); the token comes from one process only.
    const token = await bearerToken(b.url, DEMO.officer.username, DEMO.officer.password);
    const phones = [pouchClient(), pouchClient()];
    const store = new TernStore({ kind: 'url', url: couch.url });
    try {
      const written: string[] = [];
      for (let round = 0; round < 4; round++) {
        const via = round % 2 === 0 ? a : b;
        const other = round % 2 === 0 ? b : a;
        const phone = phones[round % 2]!;
        const docs = Array.from({ length: 6 }, (_, i) => submissionDoc('demo', `Round ${round} person ${i}`));
        await phone.db.bulkDocs(docs);
        written.push(...docs.map((d) => d._id));
        const pushed = await phone.db.replicate.to(authedRemote(`${via.url}/couch/demo`, token));
        expect(pushed.docs_written).toBeGreaterThanOrEqual(6);
        // The other phone pulls from the other process what this one pushed.
        await phones[(round + 1) % 2]!.db.replicate.from(authedRemote(`${other.url}/couch/demo`, token));
      }
      for (const phone of phones) await phone.db.replicate.from(authedRemote(`${a.url}/couch/demo`, token));
      const server = await leafDigest(store.mission('demo'));
      expect(await leafDigest(phones[0]!.db)).toBe(server);
      expect(await leafDigest(phones[1]!.db)).toBe(server);
      const held = await store.mission('demo').existing(written);
      expect(held.size).toBe(24);
    } finally {
      await store.close();
      for (const p of phones) await p.destroy();
    }
  });
});
