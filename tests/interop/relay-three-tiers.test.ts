import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { PROFILES, startShaper } from '../support/link-shaper.ts';
import type { LinkShaper } from '../support/link-shaper.ts';
import { bearerToken } from '../support/pouch-client.ts';
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
 * Issue 18, the mission relay on a shaped link (decisions 194–198): three tiers, each a real part.
 * Tablets (the project's device replicator) ⇄ relay (main.ts in relay mode, its own LevelDB) on an
 * unshaped loopback "LAN"; relay ⇄ headquarters (main.ts, LevelDB) through the user-space link shaper
 * at 2G (decision 040), cut three times while the relay replicates. Work is made on the tablets, at
 * the relay (a data officer's approval) and at headquarters (another approval); in the end the
 * {_id, _rev, body} digests of the tablets, the relay and headquarters are equal, every record is
 * there once, and no leaf is anywhere that is not everywhere.
 */
let hq: ServerHandle;
let relay: ServerHandle;
let link: LinkShaper;

beforeAll(async () => {
  hq = await startServer({ env: { TERN_MISSIONS: 'demo', TERN_LOG_LEVEL: 'warn' } });
  await createRelayAccount(hq.url);
  link = await startShaper(hq.port, PROFILES['2g']);
  relay = await startRelay(link.url);
}, 120_000);
afterAll(async () => {
  await relay?.stop();
  await link?.close();
  await hq?.stop();
});

async function approve(url: string, token: string, id: string): Promise<void> {
  const auth = { authorization: `Bearer ${token}` };
  const doc = (await (
    await fetch(`${url}/couch/demo/${encodeURIComponent(id)}`, { headers: auth })
  ).json()) as Record<string, unknown>;
  const res = await fetch(`${url}/couch/demo/_bulk_docs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({
      docs: [
        {
          ...doc,
          updatedBy: DEMO.officer.username,
          review: { state: 'approved', by: DEMO.officer.username, at: '2026-12-03T03:00:00.000Z' },
        },
      ],
    }),
  });
  const [r] = (await res.json()) as Array<{ ok?: boolean; reason?: string }>;
  if (!r?.ok) throw new Error(`approve ${id} at ${url}: ${JSON.stringify(r)}`);
}

describe('tablets ⇄ relay (LAN) ⇄ headquarters (2G with cuts)', () => {
  it('ends with equal digests on tablets, relay and headquarters: nothing lost, nothing twice', async () => {
    // Interviewers log in at the relay with the passwords they have at headquarters: the relay holds
    // their verifiers after its first pass (it mirrors them through the 2G link).
    const ivAtRelay = await loginWhenKnown(relay.url, DEMO.interviewer.username, DEMO.interviewer.password);
    const officerAtRelay = await loginWhenKnown(relay.url, DEMO.officer.username, DEMO.officer.password);
    const officerAtHq = await bearerToken(hq.url, DEMO.officer.username, DEMO.officer.password);

    const tablets = [
      new Tablet('dev-relay-a', 71),
      new Tablet('dev-relay-b', 72),
      new Tablet('dev-relay-c', 73),
    ];
    for (const t of tablets) await t.write(40);
    for (const t of tablets) await t.sync(relay.url, ivAtRelay);

    // While the relay sends the 120 records up the 2G link, the link is cut three times.
    const cuts = [
      link.cutAfter('up', 20_000),
      link.cutAfter('up', 45_000).catch(() => undefined),
      link.cutAfter('down', 30_000).catch(() => undefined),
    ];
    // A data officer approves a record at the relay, another at headquarters, at the same time.
    const ids = tablets[0]!.triples().map((d) => d._id);
    await approve(relay.url, officerAtRelay, ids[0]!);

    const started = performance.now();
    const status = await relayCaughtUp(relay.url, officerAtRelay, 240_000);
    const caughtUpS = (performance.now() - started) / 1000;
    expect(status.missions[0]!.refused).toEqual([]);
    await cuts[0];
    expect(link.stats.cuts).toBeGreaterThanOrEqual(1);
    // Figures for the report (not asserted: the link's speed is the shaper's, the test is about data).
    console.log(
      `relay ⇄ HQ on ${link.profile.name}: 120 records up in ${caughtUpS.toFixed(1)} s with ${link.stats.cuts} cut(s); ` +
        `${(link.stats.up.bytes / 1024).toFixed(0)} KiB up, ${(link.stats.down.bytes / 1024).toFixed(0)} KiB down, ` +
        `${link.stats.httpRequests} HTTP requests, ${link.stats.connections} connections`,
    );

    await approve(hq.url, officerAtHq, ids[1]!);
    await relayCaughtUp(relay.url, officerAtRelay, 240_000);
    link.disarm();
    // The tablets sync once more with the relay: they take what came from headquarters.
    for (const t of tablets) await t.sync(relay.url, ivAtRelay);

    const atHq = await doorTriples(hq.url, officerAtHq);
    const atRelay = await doorTriples(relay.url, officerAtRelay);
    expect(atHq).toHaveLength(120);
    expect(new Set(atHq.map((d) => d._id)).size).toBe(120);
    expect(digest(atRelay)).toBe(digest(atHq));
    expect(await doorLeaves(relay.url, officerAtRelay)).toEqual(await doorLeaves(hq.url, officerAtHq));
    // Each tablet holds its own records (an interviewer's device keeps what it made and what it may see).
    for (const t of tablets) {
      const mine = new Set(t.triples().map((d) => d._id));
      expect(digest(t.triples())).toBe(digest(atHq.filter((d) => mine.has(d._id))));
    }
    const approvedAtHq = atHq.filter(
      (d) => (d.body.review as { state?: string } | undefined)?.state === 'approved',
    );
    expect(approvedAtHq.map((d) => d._id).sort()).toEqual([ids[0], ids[1]].sort());
  });
});
