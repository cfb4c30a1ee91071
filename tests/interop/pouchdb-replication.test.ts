import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  leafDigest,
  leafLines,
  pouchClient,
  storeEdit,
  storeLeafLines,
  submissionDoc,
} from '../support/pouch-client.ts';
import { startTernInProcess } from '../support/tern-server.ts';
import type { InProcessServer } from '../support/tern-server.ts';

// PouchDB 9 (Node, LevelDB) replicating with a real Tern server through the CouchDB door.
let server: InProcessServer;
let client: ReturnType<typeof pouchClient>;
let remote: string;

beforeEach(async () => {
  server = await startTernInProcess(['demo']);
  client = pouchClient();
  remote = `${server.url}/couch/demo`;
});
afterEach(async () => {
  await client.destroy();
  await server.stop();
});

const serverDb = () => server.store.mission('demo');

describe('PouchDB ⇄ Tern CouchDB door', () => {
  it('pushes: every valid document arrives with its rev; an invalid one is denied, not fatal', async () => {
    const docs = Array.from({ length: 30 }, (_, i) => submissionDoc('demo', `Person ${i}`));
    await client.db.bulkDocs(docs);
    const invalid = submissionDoc('demo', 'Too Old', 500);
    await client.db.put(invalid);
    const denied: unknown[] = [];
    const result = await client.db.replicate
      .to(remote, { batch_size: 7 })
      .on('denied', (e) => denied.push(e));
    expect(result.ok).toBe(true);
    expect(result.docs_written).toBe(30);
    expect(result.doc_write_failures).toBe(1);
    expect(denied).toHaveLength(1);
    expect(JSON.stringify(denied[0])).toMatch(/age/);
    const serverLines = await storeLeafLines(serverDb());
    expect(server.requests.some((r) => r.startsWith('POST /couch/demo/_revs_diff'))).toBe(true);
    expect(serverLines).toEqual((await leafLines(client.db)).filter((l) => !l.startsWith(invalid._id)));
  });

  it('pulls, then resumes from its checkpoint', async () => {
    const docs = Array.from({ length: 25 }, (_, i) => submissionDoc('demo', `Pulled ${i}`));
    await storeEdit(serverDb(), docs);
    const first = await client.db.replicate.from(remote, { batch_size: 10 });
    expect(
      server.requests.some((r) => r.startsWith('POST /couch/demo/_bulk_get?revs=true&latest=true')),
    ).toBe(true);
    expect(first.docs_written).toBe(25);
    expect(await leafDigest(client.db)).toBe(await leafDigest(serverDb()));
    await storeEdit(serverDb(), [submissionDoc('demo', 'One more')]);
    const second = await client.db.replicate.from(remote);
    // The _local checkpoint on the door let the second run start where the first ended.
    expect(second.docs_read).toBe(1);
    expect(server.requests.filter((r) => r.startsWith('PUT /couch/demo/_local/')).length).toBeGreaterThan(0);
    expect(await leafDigest(client.db)).toBe(await leafDigest(serverDb()));
  });

  it('follows live with longpoll and stops when cancelled', async () => {
    const replication = client.db.replicate.from(remote, { live: true, retry: false, heartbeat: 2000 });
    const arrived = new Promise<string>((resolve, reject) => {
      replication.on('change', (info) => {
        const id = info.docs[0]?._id;
        if (id) resolve(id);
      });
      replication.on('error', reject);
      setTimeout(() => reject(new Error('no change arrived within 15 s')), 15_000);
    });
    const ended = new Promise<void>((resolve) => replication.on('complete', () => resolve()));
    await new Promise((r) => setTimeout(r, 300)); // let it reach the waiting longpoll
    const doc = submissionDoc('demo', 'Live');
    await storeEdit(serverDb(), [doc]);
    try {
      expect(await arrived).toBe(doc._id);
    } finally {
      replication.cancel();
    }
    await ended;
    expect((await client.db.get(doc._id))._id).toBe(doc._id);
    expect(server.requests.some((r) => /_changes\?.*feed=longpoll/.test(r))).toBe(true);
  });

  it('propagates deletions both ways', async () => {
    const a = submissionDoc('demo', 'Deleted on client');
    const b = submissionDoc('demo', 'Deleted on server');
    await client.db.bulkDocs([a, b]);
    await client.db.replicate.to(remote);
    await client.db.remove(await client.db.get(a._id));
    const onServer = (await serverDb().get(b._id))!;
    await storeEdit(serverDb(), [{ _id: b._id, _rev: onServer._rev, _deleted: true }]);
    await client.db.replicate.to(remote);
    await client.db.replicate.from(remote);
    await expect(client.db.get(a._id)).rejects.toMatchObject({ status: 404 });
    await expect(client.db.get(b._id)).rejects.toMatchObject({ status: 404 });
    expect(await serverDb().get(a._id)).toBeUndefined();
    expect(await serverDb().get(b._id)).toBeUndefined();
    expect(await leafDigest(client.db)).toBe(await leafDigest(serverDb()));
  });

  it('keeps both branches of a document edited on both sides, with the same winner and _conflicts', async () => {
    const doc = submissionDoc('demo', 'Shared');
    await client.db.put(doc);
    await client.db.replicate.to(remote);
    const onClient = await client.db.get(doc._id);
    await client.db.put({ ...onClient, answers: { ...(onClient.answers as object), age: 31 } });
    const onServer = (await serverDb().get(doc._id))!;
    await storeEdit(serverDb(), [{ ...onServer, answers: { ...(onServer.answers as object), age: 32 } }]);
    await client.db.replicate.to(remote);
    await client.db.replicate.from(remote);
    const c = await client.db.get(doc._id, { conflicts: true });
    const s = (await serverDb().get(doc._id))!;
    expect(c._conflicts).toHaveLength(1);
    expect({ rev: c._rev, conflicts: c._conflicts }).toEqual({ rev: s._rev, conflicts: s._conflicts });
    // The door answers the same through HTTP.
    const viaDoor = await (await fetch(`${remote}/${encodeURIComponent(doc._id)}?conflicts=true`)).json();
    expect({ rev: viaDoor._rev, conflicts: viaDoor._conflicts }).toEqual({
      rev: s._rev,
      conflicts: s._conflicts,
    });
    expect(await leafDigest(client.db)).toBe(await leafDigest(serverDb()));
  });
});
