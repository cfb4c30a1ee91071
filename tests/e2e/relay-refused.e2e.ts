import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { seriousA11yProblems } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { bearerToken } from '../support/pouch-client.ts';
import { DEMO, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { logIn } from '../support/tern-page.ts';
import {
  Tablet,
  createRelayAccount,
  doorTriples,
  loginWhenKnown,
  relayCaughtUp,
  relaySyncNow,
  startRelay,
} from '../support/relay-stack.ts';

/**
 * Decision 209 in Chromium: an interviewer's records reach the relay; headquarters then disables the
 * account, so it refuses them (TERN_RELAY_AUTHOR_REFUSED). The data officer's phone (360 × 740, Arabic)
 * shows them on the relay's status page in plain words, with tries and the next try: no sideways scroll,
 * axe clean, no record content. Headquarters enables the account again; the relay's next due retry takes
 * them up by itself and the page says none are refused.
 */
const LATE = { username: 'late-interviewer', password: 'late-interviewer-pass-0123' };
let hq: ServerHandle;
let relay: ServerHandle;
let browser: Browser;
const folders: string[] = [];

async function admin(method: 'POST' | 'PATCH', path: string, body: unknown): Promise<void> {
  const token = await bearerToken(hq.url, DEMO.admin.username, DEMO.admin.password);
  const res = await fetch(`${hq.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
}

beforeAll(async () => {
  hq = await startServer({ env: { TERN_MISSIONS: 'demo', TERN_LOG_LEVEL: 'warn' } });
  folders.push(hq.dataDir);
  await createRelayAccount(hq.url);
  await admin('POST', '/api/users', { ...LATE, role: 'interviewer', missions: ['demo'] });
  // Passes only when asked; a refused record is tried again one second later, then two…
  relay = await startRelay(hq.url, { TERN_RELAY_INTERVAL_S: '3600', TERN_RELAY_RETRY_S: '1' });
  folders.push(relay.dataDir);
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await relay?.stop();
  await hq?.stop();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

describe('records headquarters refused, on the relay’s status page', () => {
  it('are listed in Arabic on a phone and go up by themselves once the account is fixed', async () => {
    const officer = await loginWhenKnown(relay.url, DEMO.officer.username, DEMO.officer.password);
    await relayCaughtUp(relay.url, officer, 90_000);
    const late = await loginWhenKnown(relay.url, LATE.username, LATE.password);
    const tablet = new Tablet('dev-late', 71);
    await tablet.write(3, 0, LATE.username);
    await tablet.sync(relay.url, late);

    await admin('PATCH', `/api/users/${LATE.username}`, { disabled: true });
    const refused = await relaySyncNow(relay.url, officer);
    expect(refused.error).toBeNull();
    expect(refused.missions[0]!.refused).toHaveLength(3);

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
    await op.goto(`${relay.url}/relay`);
    expect(await op.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const text = (await op.locator('main').textContent()) ?? '';
    expect(text).toContain('رفضها المقر');
    expect(text).toContain('رُفض مرة واحدة');
    expect(text).toContain('يمكن لمسؤول في المقر إصلاح الحساب');
    expect(text).toContain('is disabled');
    expect(await op.locator('main li').count()).toBe(3);
    // The files of media answers have their own counts, in Arabic too (decisions 229–230).
    expect(text).toContain('ملفات بانتظار الإرسال إلى المقر');
    expect(text).toContain('ملفات بانتظار الوصول من المقر');
    expect(await op.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousA11yProblems(op)).toEqual([]);
    // Ids, tries, times and headquarters' words only: never a record's content.
    const names = tablet.triples().map((t) => (t.body.answers as { full_name: string }).full_name);
    for (const n of names) expect(await op.content()).not.toContain(n);

    await admin('PATCH', `/api/users/${LATE.username}`, { disabled: false });
    await new Promise((r) => setTimeout(r, 1500));
    const after = await relaySyncNow(relay.url, officer);
    expect(after.missions[0]!.refused).toEqual([]);
    const hqOfficer = await bearerToken(hq.url, DEMO.officer.username, DEMO.officer.password);
    const atHq = (await doorTriples(hq.url, hqOfficer)).map((t) => t._id).sort();
    expect(atHq).toEqual(
      tablet
        .triples()
        .map((t) => t._id)
        .sort(),
    );
    await op.reload();
    expect(await op.locator('main').textContent()).toContain('لا شيء');
    await phone.close();
  }, 300_000);
});
