import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb';
import { authedRemote, bearerToken, leafDigest, submissionDoc } from '../support/pouch-client.ts';
import { startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { startTernInProcess } from '../support/tern-server.ts';
import type { InProcessServer } from '../support/tern-server.ts';

// A mission relay: a second Tern server that replicates with headquarters, door to door. Headquarters
// is the real server process (main.ts, LevelDB); the relay runs in-process, and the test drives a
// CouchDB-protocol replication between the two doors (the store itself hands out no database handle).
let hq: ServerHandle;
let relay: InProcessServer;

beforeEach(async () => {
  hq = await startServer({ env: { TERN_MISSIONS: 'demo', TERN_LOG_LEVEL: 'warn' } });
  relay = await startTernInProcess(['demo']);
});
afterEach(async () => {
  await relay?.stop();
  await hq?.stop();
});

/** Digest of every `{_id, _rev}` leaf held by a Tern server, read through its own CouchDB door. */
async function doorDigest(baseUrl: string, auth: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${baseUrl}/couch/demo/_changes?style=all_docs`, { headers: auth });
  const body = (await res.json()) as { results: Array<{ id: string; changes: Array<{ rev: string }> }> };
  const lines = body.results.flatMap((c) => c.changes.map((ch) => `${c.id} ${ch.rev}`)).sort();
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

describe('Tern relay ⇄ Tern headquarters through the CouchDB door', () => {
  it('ends with the same set of {_id, _rev} on both, conflicts included', async () => {
    const relayDb = new PouchDB<Record<string, unknown>>(`${relay.url}/couch/demo`);
    const hqUrl = `${hq.url}/couch/demo`;
    // The relay logs in to headquarters like any replicator: a data officer's session as a Bearer token.
    const token = await bearerToken(hq.url, 'officer', 'demo-officer-pass');
    const auth = { authorization: `Bearer ${token}` };
    const hqRemote = authedRemote(hqUrl, token);
    // Work on both sides, then one shared document edited on both.
    await relayDb.bulkDocs(Array.from({ length: 40 }, (_, i) => submissionDoc('demo', `Relay ${i}`)));
    const shared = submissionDoc('demo', 'Shared');
    await relayDb.bulkDocs([shared]);
    await relayDb.replicate.to(hqRemote);
    const hqPush = await fetch(`${hqUrl}/_bulk_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ docs: Array.from({ length: 15 }, (_, i) => submissionDoc('demo', `HQ ${i}`)) }),
    });
    expect(hqPush.status).toBe(201);
    const hqShared = await (
      await fetch(`${hqUrl}/${encodeURIComponent(shared._id)}`, { headers: auth })
    ).json();
    const edited = await fetch(`${hqUrl}/_bulk_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ docs: [{ ...hqShared, answers: { ...hqShared.answers, age: 40 } }] }),
    });
    expect((await edited.json())[0].ok).toBe(true);
    const local = await relayDb.get(shared._id);
    await relayDb.bulkDocs([{ ...local, answers: { ...(local.answers as object), age: 41 } }]);

    const up = await relayDb.replicate.to(hqRemote);
    const down = await relayDb.replicate.from(hqRemote);
    expect(up.ok && down.ok).toBe(true);
    expect(down.docs_written).toBe(16); // 15 HQ documents and HQ's branch of the shared one

    const relayDigest = await leafDigest(relayDb);
    expect(await doorDigest(hq.url, auth)).toBe(relayDigest);
    expect(await doorDigest(relay.url)).toBe(relayDigest);
    const relayShared = await relayDb.get(shared._id, { conflicts: true });
    const hqSharedNow = await (
      await fetch(`${hqUrl}/${encodeURIComponent(shared._id)}?conflicts=true`, { headers: auth })
    ).json();
    expect(relayShared._conflicts).toHaveLength(1);
    expect({ rev: hqSharedNow._rev, conflicts: hqSharedNow._conflicts }).toEqual({
      rev: relayShared._rev,
      conflicts: relayShared._conflicts,
    });
  });
});
