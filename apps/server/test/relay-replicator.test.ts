import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TernStore } from '@tern/store';
import type { WireDoc } from '@tern/sync';
import { MissionReplicator } from '../src/relay/mission-replicator.ts';
import { Upstream } from '../src/relay/upstream.ts';
import { PASSWORD, startHqWithRelay, submission, validAnswers } from './fixtures.ts';
import type { TestApp } from './fixtures.ts';

/**
 * The relay's replicator (decision 195) against a real headquarters app on a loopback port: both
 * ways, resumable after a cut at any request (the checkpoint holds what was done), and starting over
 * without duplicates when headquarters lost the relay's checkpoint (a restore).
 */
let hq: TestApp;
let hqUrl: string;
let relayStore: TernStore;
let n = 0;

/** Headquarters with the relay's account, listening on a loopback port. */
async function startHq(): Promise<void> {
  ({ hq, url: hqUrl } = await startHqWithRelay());
}

beforeEach(async () => {
  await startHq();
  n += 1;
  relayStore = new TernStore({ kind: 'memory', prefix: `relay-${n}-${Date.now()}` });
});
afterEach(async () => {
  await hq.close();
  await relayStore.close();
});

/** An upstream whose fetch counts the documents sent up and can fail from the k-th request on. */
function upstream(opts: { failFrom?: number } = {}) {
  const seen = { requests: 0, docsUp: 0 };
  const f: typeof fetch = async (input, init) => {
    seen.requests += 1;
    if (opts.failFrom !== undefined && seen.requests >= opts.failFrom) throw new TypeError('fetch failed');
    if (String(input).endsWith('/_bulk_docs'))
      seen.docsUp += (JSON.parse(String(init?.body)) as { docs: unknown[] }).docs.length;
    return fetch(input, init);
  };
  return { up: new Upstream({ url: hqUrl, username: 'relay-a', password: PASSWORD, fetch: f }), seen };
}

const leaves = async (s: TernStore | TestApp['store']) =>
  (
    await s
      .mission('demo')
      .couchChanges({ since: 0, limit: 100_000, allDocs: true, includeDocs: false, conflicts: false })
  ).results
    .flatMap((c) => c.changes.map((x) => `${c.id} ${x.rev}`))
    .sort();

const records = (count: number, tag: string): WireDoc[] =>
  Array.from({ length: count }, (_, i) => submission('demo', validAnswers(`${tag} ${i}`)));

// Each test starts a headquarters app and runs several passes: over 20 s on a loaded 2-core machine.
describe('the relay replicator', { timeout: 120_000 }, () => {
  it('sends up and takes down until both hold the same leaves; a second pass moves nothing', async () => {
    await relayStore.mission('demo').writeReplicated(records(30, 'Office'));
    await hq.store.mission('demo').writeReplicated(records(12, 'HQ'));
    const { up } = upstream();
    const r = new MissionReplicator(relayStore, up, 'demo', 'relay-a', 10);
    expect(await r.pass()).toEqual({ pushed: 30, pulled: 12, refused: [], retried: 0 });
    expect(await leaves(relayStore)).toEqual(await leaves(hq.store));
    expect(await leaves(hq.store)).toHaveLength(42);
    expect(await r.pendingUp()).toBe(0);
    expect(await r.pass()).toEqual({ pushed: 0, pulled: 0, refused: [], retried: 0 });
    // New work at the relay is counted as waiting until the next pass.
    await relayStore.mission('demo').writeReplicated(records(4, 'Later'));
    expect(await r.pendingUp()).toBe(4);
    expect(await r.pendingDown()).toBe(0);
  });

  it('resumes after a cut at any request without sending a finished page again', async () => {
    await relayStore.mission('demo').writeReplicated(records(50, 'Office'));
    await hq.store.mission('demo').writeReplicated(records(20, 'HQ'));
    let sentUp = 0;
    // Cut at the 6th request of every pass until one goes through: each pass gets further.
    for (let attempt = 0; attempt < 30; attempt++) {
      const { up, seen } = upstream({ failFrom: attempt === 29 ? undefined : 6 + attempt });
      const r = new MissionReplicator(relayStore, up, 'demo', 'relay-a', 10);
      try {
        await r.pass();
        sentUp += seen.docsUp;
        break;
      } catch (e) {
        expect(String(e)).toContain('fetch failed');
        sentUp += seen.docsUp;
      }
    }
    expect(await leaves(relayStore)).toEqual(await leaves(hq.store));
    expect(await leaves(hq.store)).toHaveLength(70);
    // A page is resent at most once (the one a cut interrupted): never the whole mission again.
    expect(sentUp).toBeLessThan(50 + 10 * 6);
  });

  it('starts over when headquarters no longer has the relay’s checkpoint, with no duplicates', async () => {
    await relayStore.mission('demo').writeReplicated(records(25, 'Office'));
    const first = new MissionReplicator(relayStore, upstream().up, 'demo', 'relay-a', 10);
    await first.pass();
    // Headquarters "restored" to an empty store: a new app, the same accounts, no checkpoint.
    await hq.close();
    await startHq();
    const again = upstream();
    const r = new MissionReplicator(relayStore, again.up, 'demo', 'relay-a', 10);
    expect((await r.pass()).pushed).toBe(25);
    expect(await leaves(hq.store)).toEqual(await leaves(relayStore));
    expect(new Set((await leaves(hq.store)).map((l) => l.split(' ')[0])).size).toBe(25);
  });

  it('lists headquarters’ refusals and does not stop for them', async () => {
    const forged = { ...submission('demo', validAnswers('Forged')), createdBy: 'ghost' } as WireDoc;
    const { _rev, _revisions, ...body } = forged;
    void _rev;
    void _revisions;
    await relayStore.mission('demo').writeEdits([{ ...body }], () => null);
    await relayStore.mission('demo').writeReplicated(records(3, 'Fine'));
    const r = new MissionReplicator(relayStore, upstream().up, 'demo', 'relay-a', 10);
    const report = await r.pass();
    expect(report.pushed).toBe(3);
    expect(report.refused).toHaveLength(1);
    expect(report.refused[0]!.reason).toContain('TERN_RELAY_AUTHOR_REFUSED');
    expect(report.refused[0]!.reason).toContain('no account named "ghost"');
  });
});
