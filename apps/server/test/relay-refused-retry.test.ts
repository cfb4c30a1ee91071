import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import type { WireDoc } from '@tern/sync';
import { MissionReplicator } from '../src/relay/mission-replicator.ts';
import { MAX_RETRY_MS, RefusedRevisions, retryDelay } from '../src/relay/refused-revisions.ts';
import { Upstream } from '../src/relay/upstream.ts';
import { PASSWORD, edit, submission, testApp, validAnswers } from './fixtures.ts';
import type { TestApp } from './fixtures.ts';

/**
 * Decision 209: a revision headquarters refused (its author not yet at headquarters) is kept at the
 * relay, noted with headquarters' words, and sent again with a bounded back-off until headquarters
 * takes it; nothing else forgets it. A real headquarters app on a loopback port, a relay store in memory.
 */
let hq: TestApp;
let hqUrl: string;
let relayStore: TernStore;
let n = 0;

beforeEach(async () => {
  hq = await testApp(['data_officer', 'interviewer']);
  await hq.accounts.create(
    { username: 'relay-a', password: PASSWORD, role: 'relay', missions: ['demo'] },
    'test',
  );
  await hq.app.listen({ host: '127.0.0.1', port: 0 });
  hqUrl = `http://127.0.0.1:${(hq.app.server.address() as { port: number }).port}`;
  n += 1;
  relayStore = new TernStore({ kind: 'memory', prefix: `relay-refused-${n}-${Date.now()}` });
});
afterEach(async () => {
  await hq.close();
  await relayStore.close();
});

function upstream() {
  const seen = { docsUp: 0 };
  const f: typeof fetch = async (input, init) => {
    if (String(input).endsWith('/_bulk_docs'))
      seen.docsUp += (JSON.parse(String(init?.body)) as { docs: unknown[] }).docs.length;
    return fetch(input, init);
  };
  return { up: new Upstream({ url: hqUrl, username: 'relay-a', password: PASSWORD, fetch: f }), seen };
}

/** A record made at the office by `author`, an account headquarters does not know yet. */
async function madeBy(author: string, name: string): Promise<WireDoc> {
  const doc = { ...submission('demo', validAnswers(name)), createdBy: author } as WireDoc;
  await relayStore.mission('demo').writeReplicated([doc]);
  return doc;
}

const atHq = async (id: string) => (await hq.store.mission('demo').existing([id])).has(id);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('refused revisions at the relay', { timeout: 120_000 }, () => {
  it('are noted, not sent again before their time, and retried until headquarters takes them', async () => {
    const id = (await madeBy('new-interviewer', 'Made before the account existed'))._id;
    const { up, seen } = upstream();
    let t = Date.parse('2026-12-03T08:00:00Z');
    const clock = () => t;
    const r = new MissionReplicator(relayStore, up, 'demo', 'relay-a', 10, 60_000, clock);
    const first = await r.pass();
    expect(first.refused).toHaveLength(1);
    expect(first.refused[0]!.reason).toContain('TERN_RELAY_AUTHOR_REFUSED');
    const [note] = await r.refusedNotes.all();
    expect(note).toMatchObject({ id, attempts: 1, code: 'TERN_RELAY_AUTHOR_REFUSED' });
    expect(Date.parse(note!.nextAt) - Date.parse(note!.lastAt)).toBe(60_000);
    // Before its time: not sent again.
    t += 59_000;
    seen.docsUp = 0;
    expect(await r.pass()).toMatchObject({ pushed: 0, refused: [], retried: 0 });
    expect(seen.docsUp).toBe(0);
    expect(await atHq(id)).toBe(false);

    // A relay restarted: the note is in its store, and once due it is sent again, refused again.
    t += 1_000;
    const restarted = new MissionReplicator(relayStore, up, 'demo', 'relay-a', 10, 60_000, clock);
    const again = await restarted.pass();
    expect(again.refused.map((x) => x.id)).toEqual([id]);
    expect(seen.docsUp).toBe(1);
    const [twice] = await restarted.refusedNotes.all();
    expect(twice!.attempts).toBe(2);
    expect(twice!.firstAt).toBe(note!.firstAt);
    // The wait doubled.
    expect(Date.parse(twice!.nextAt) - Date.parse(twice!.lastAt)).toBe(120_000);

    // Headquarters' administrator creates the account: the next due retry goes through.
    await hq.accounts.create(
      { username: 'new-interviewer', password: PASSWORD, role: 'interviewer', missions: ['demo'] },
      'test',
    );
    t += 120_000;
    const through = await restarted.pass();
    expect(through).toMatchObject({ retried: 1, refused: [] });
    expect(await atHq(id)).toBe(true);
    expect(await restarted.refusedNotes.all()).toEqual([]);
    // Nothing more to send, nothing sent twice.
    seen.docsUp = 0;
    expect(await restarted.pass()).toMatchObject({ pushed: 0, pulled: 0, retried: 0 });
    expect(seen.docsUp).toBe(0);
  });

  it('drop the note when a later revision carried the refused one to headquarters', async () => {
    const doc = await madeBy('late-officer', 'Edited after the refusal');
    const id = doc._id;
    const { up } = upstream();
    const r = new MissionReplicator(relayStore, up, 'demo', 'relay-a', 10, 5);
    expect((await r.pass()).refused).toHaveLength(1);
    // An interviewer headquarters knows edits the record at the office: the new revision's history
    // holds the refused one, and headquarters takes it (checked as its editor).
    await relayStore.mission('demo').writeReplicated([edit(doc, { updatedBy: 'interviewer' })]);
    await sleep(10);
    const report = await r.pass();
    expect(report.refused).toEqual([]);
    expect(await atHq(id)).toBe(true);
    expect(await r.refusedNotes.all()).toEqual([]);
  });

  it('wait at most six hours between tries, however many refusals', () => {
    expect(retryDelay(60_000, 1)).toBe(60_000);
    expect(retryDelay(60_000, 2)).toBe(120_000);
    expect(retryDelay(60_000, 9)).toBe(60_000 * 256);
    expect(retryDelay(60_000, 10)).toBe(MAX_RETRY_MS);
    expect(retryDelay(60_000, 10_000)).toBe(MAX_RETRY_MS);
    expect(Number.isFinite(retryDelay(1, Number.MAX_SAFE_INTEGER))).toBe(true);
  });

  it('are listed however many there are, past one page of the ops database', async () => {
    let t = 1_000_000;
    const notes = new RefusedRevisions(relayStore.ops('demo'), 1000, () => t);
    for (let i = 0; i < 520; i++)
      await notes.refused(`sub:${String(i).padStart(4, '0')}`, '1-a', 'no (TERN_X)');
    expect(await notes.all()).toHaveLength(520);
    expect(await notes.due()).toHaveLength(0);
    t += 1000;
    expect(await notes.due()).toHaveLength(520);
  });
});
