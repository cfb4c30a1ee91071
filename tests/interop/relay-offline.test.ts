import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { bearerToken } from '../support/pouch-client.ts';
import {
  RELAY_ACCOUNT,
  Tablet,
  createRelayAccount,
  digest,
  doorLeaves,
  doorTriples,
  loginWhenKnown,
  relayCaughtUp,
  relaySyncNow,
  startRelay,
} from '../support/relay-stack.ts';

/**
 * Issue 18, "relay-offline": headquarters goes away (its process stopped), the office keeps working
 * through the relay — interviewers log in there and their tablets sync — and the relay's status says
 * in plain words that headquarters cannot be reached, with the records waiting to go up. When
 * headquarters comes back (same data, same address) the relay catches up by itself: every record once
 * at headquarters, the same {_id, _rev, body} everywhere.
 */
let hq: ServerHandle;
let relay: ServerHandle;
const folders: string[] = [];

beforeAll(async () => {
  hq = await startServer({ env: { TERN_MISSIONS: 'demo', TERN_LOG_LEVEL: 'warn' } });
  folders.push(hq.dataDir);
  await createRelayAccount(hq.url);
  relay = await startRelay(hq.url);
  folders.push(relay.dataDir);
}, 120_000);
afterAll(async () => {
  await relay?.stop();
  await hq?.stop();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

describe('a relay while headquarters is unreachable', () => {
  it('serves logins and tablet syncs, says why in its status, and catches up when headquarters is back', async () => {
    // The relay's first pass (headquarters up) brings the field accounts.
    const officer = await loginWhenKnown(relay.url, DEMO.officer.username, DEMO.officer.password);
    await relayCaughtUp(relay.url, officer, 60_000);
    await hq.stop();

    // Headquarters is gone: an interviewer logs in at the relay for the first time, and syncs.
    const iv = await bearerToken(relay.url, DEMO.interviewer.username, DEMO.interviewer.password);
    const tablets = [new Tablet('dev-offline-a', 81), new Tablet('dev-offline-b', 82)];
    for (const t of tablets) await t.write(25);
    for (const t of tablets) await t.sync(relay.url, iv);
    const atRelay = await doorTriples(relay.url, officer);
    expect(atRelay).toHaveLength(50);

    const down = await relaySyncNow(relay.url, officer);
    expect(down.error).toMatch(
      /^Headquarters \(http:\/\/127\.0\.0\.1:\d+\) cannot be reached .*the link is down/,
    );
    expect(down.lastContact).not.toBeNull();
    expect(down.missions[0]!.pendingUp).toBeGreaterThanOrEqual(50);
    // The same on the page a data officer opens, in Arabic when the browser asks for it.
    const page = await fetch(`${relay.url}/relay`, {
      headers: { authorization: `Bearer ${officer}`, 'accept-language': 'ar' },
    });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('cannot be reached');
    // Counts, times and headquarters' words only: never a record's content.
    expect(html).not.toContain((atRelay[0]!.body.answers as { full_name: string }).full_name);

    // Headquarters comes back on the same address with the same data.
    hq = await startServer({
      seed: false,
      dataDir: hq.dataDir,
      port: hq.port,
      env: { TERN_MISSIONS: 'demo', TERN_LOG_LEVEL: 'warn' },
    });
    const back = await relayCaughtUp(relay.url, officer, 120_000);
    expect(back.error).toBeNull();
    expect(back.missions[0]!.refused).toEqual([]);

    const hqOfficer = await bearerToken(hq.url, DEMO.officer.username, DEMO.officer.password);
    const atHq = await doorTriples(hq.url, hqOfficer);
    expect(atHq).toHaveLength(50);
    expect(digest(atHq)).toBe(digest(await doorTriples(relay.url, officer)));
    // Both tablets are the interviewer's: after one more sync each holds all 50, as headquarters does.
    for (const t of tablets) await t.sync(relay.url, iv);
    for (const t of tablets) expect(digest(t.triples())).toBe(digest(atHq));
    expect(await doorLeaves(hq.url, hqOfficer)).toEqual(await doorLeaves(relay.url, officer));
    // The relay account's password is in the relay's environment only: never in its log.
    expect(relay.logs.join('')).toContain('cannot be reached');
    expect(relay.logs.join('')).not.toContain(RELAY_ACCOUNT.password);
  });
});
