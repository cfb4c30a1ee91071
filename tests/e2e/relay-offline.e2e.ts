import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { seriousA11yProblems } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { bearerToken } from '../support/pouch-client.ts';
import { DEMO, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { fillRecord, logIn, openControlled, rowsOf, syncNow } from '../support/tern-page.ts';
import {
  createRelayAccount,
  doorLeaves,
  loginWhenKnown,
  relayCaughtUp,
  startRelay,
} from '../support/relay-stack.ts';

/**
 * Issue 18, relay-offline in Chromium: the PWA on a tablet at the field office talks to the relay
 * only. Headquarters is stopped; the interviewer logs in at the relay for the first time, fills two
 * records and syncs them (real Dexie/IndexedDB, real service worker). The data officer opens the
 * relay's status page on a 360 × 740 phone in Arabic: no sideways scroll, axe clean, the problem said
 * in words, the records waiting. Headquarters comes back; the relay catches up by itself and
 * headquarters holds the tablet's records at the tablet's revisions.
 */
let hq: ServerHandle;
let relay: ServerHandle;
let browser: Browser;
const folders: string[] = [];

beforeAll(async () => {
  hq = await startServer({ env: { TERN_MISSIONS: 'demo', TERN_LOG_LEVEL: 'warn' } });
  folders.push(hq.dataDir);
  await createRelayAccount(hq.url);
  relay = await startRelay(hq.url);
  folders.push(relay.dataDir);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await relay?.stop();
  await hq?.stop();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

describe('a tablet at the field office while headquarters is unreachable', () => {
  it('logs in and syncs at the relay; the status page says why; the relay catches up later', async () => {
    const officerToken = await loginWhenKnown(relay.url, DEMO.officer.username, DEMO.officer.password);
    await relayCaughtUp(relay.url, officerToken, 60_000);
    await hq.stop();

    const tablet = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await openControlled(tablet, `${relay.url}/?mission=demo`);
    expect(await logIn(page, DEMO.interviewer.username, DEMO.interviewer.password)).toBeNull();
    await fillRecord(page, 'Relay Amina', '31');
    await fillRecord(page, 'Relay Bilal', '45');
    expect(await syncNow(page)).toMatch(/Sync complete: 2 sent/);
    const rows = await rowsOf(page);
    expect(rows.every((r) => r.state === 'synced')).toBe(true);

    // The data officer's phone, in Arabic: the status page of the relay.
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: 'ar',
      extraHTTPHeaders: { 'accept-language': 'ar' },
    });
    const op = await phone.newPage();
    await op.goto(`${relay.url}/?mission=demo`);
    expect(await logIn(op, DEMO.officer.username, DEMO.officer.password)).toBeNull();
    await fetch(`${relay.url}/api/relay/sync`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officerToken}` },
    });
    await op.goto(`${relay.url}/relay`);
    expect(await op.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect(op.getByRole('alert').textContent()).resolves.toMatch(/cannot be reached.*link is down/);
    await expect(op.locator('body').textContent()).resolves.toContain('بانتظار الإرسال إلى المقر');
    expect(await op.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousA11yProblems(op)).toEqual([]);
    expect(await op.content()).not.toContain('Relay Amina');

    hq = await startServer({
      seed: false,
      dataDir: hq.dataDir,
      port: hq.port,
      env: { TERN_MISSIONS: 'demo', TERN_LOG_LEVEL: 'warn' },
    });
    const back = await relayCaughtUp(relay.url, officerToken, 120_000);
    expect(back.error).toBeNull();
    await op.reload();
    await expect(op.locator('body').textContent()).resolves.toContain('الاتصال يعمل');

    const hqOfficer = await bearerToken(hq.url, DEMO.officer.username, DEMO.officer.password);
    const atHq = await doorLeaves(hq.url, hqOfficer);
    expect(atHq).toEqual(rows.map((r) => `${r.id} ${r.rev}`).sort());
    await tablet.close();
    await phone.close();
  });
});
