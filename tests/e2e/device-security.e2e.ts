import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { DEMO, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { fillRecord, logIn, openControlled, rowsOf, syncNow } from '../support/tern-page.ts';

let server: ServerHandle;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const NAME = 'Zainab Qurayshi-Okonkwo';
const NOTES = 'Left the brick kiln at Tarbela after the broker took her passport';

/**
 * Everything in every IndexedDB database of the origin, read through the browser's own API (not
 * Dexie): strings as they are, binary as both Latin-1 and UTF-8, so a name stored in clear in any
 * form would be found.
 */
async function rawIndexedDb(page: Page): Promise<{ text: string; counts: Record<string, number> }> {
  return page.evaluate(async () => {
    const dump = (v: unknown): string => {
      if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
        const bytes =
          v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
        let latin = '';
        for (const b of bytes) latin += String.fromCharCode(b);
        return latin + '\n' + new TextDecoder().decode(bytes);
      }
      if (v instanceof Blob) return '[blob]';
      if (v && typeof v === 'object')
        return Object.entries(v)
          .map(([k, x]) => `${k}=${dump(x)}`)
          .join('\n');
      return String(v);
    };
    const counts: Record<string, number> = {};
    let text = '';
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      for (const store of [...db.objectStoreNames]) {
        const all = await new Promise<unknown[]>((ok, fail) => {
          const r = db.transaction(store, 'readonly').objectStore(store).getAll();
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
        counts[`${info.name}/${store}`] = all.length;
        text += all.map(dump).join('\n');
      }
      db.close();
    }
    return { text, counts };
  });
}

describe('device security: encrypted at rest, offline login, lock, logout', () => {
  it('keeps names and free text out of IndexedDB, logs in offline, refuses wrong passwords and unsafe logouts', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await openControlled(context, server.url + '/?mission=demo');
    const { username, password } = DEMO.interviewer;

    // The document carries a CSP that allows only the app itself, and the PWA works under it.
    const doc = await page.request.get(server.url + '/');
    expect(doc.headers()['content-security-policy']).toContain("default-src 'self'");
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });

    expect(await logIn(page, username, 'not-the-password')).toMatch(/Wrong username or password/);
    expect(await logIn(page, username, password)).toBeNull();

    // Offline from here on: the record is created with no network.
    await context.setOffline(true);
    await page.reload();
    expect(await logIn(page, username, password)).toBeNull();
    await fillRecord(page, NAME, '24', NOTES);

    const raw = await rawIndexedDb(page);
    expect(raw.counts['tern/docs']).toBe(1);
    expect(raw.text).toContain('sub:'); // ids stay in clear for listing and sync…
    for (const secret of [NAME, 'Zainab', 'Qurayshi', NOTES, 'brick kiln', 'passport', password]) {
      expect(raw.text, `IndexedDB holds "${secret}" in clear`).not.toContain(secret); // …answers do not
    }

    // Logging out is refused while the record exists only here; an encrypted backup is offered.
    await page.getByRole('button', { name: 'Log out' }).click();
    const blocked = page.locator('.logout-blocked');
    await expect(blocked.textContent()).resolves.toMatch(/cannot log out yet: 1 record is not synced/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download encrypted backup' }).click(),
    ]);
    const backup = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(backup)).toMatchObject({ format: 'tern-encrypted-backup', username });
    expect(backup).not.toContain(NAME);
    expect(backup).not.toContain('brick kiln');

    // Locking drops the keys; a wrong password is refused offline, the right one opens the records.
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByText('Locked.').waitFor();
    expect(await logIn(page, username, 'wrong-password-offline')).toMatch(/Wrong username or password/);
    expect(await logIn(page, 'officer', DEMO.officer.password)).toMatch(/not logged in on this device/);
    expect(await logIn(page, username, password)).toBeNull();
    expect((await rowsOf(page)).map((r) => r.name)).toEqual([NAME]);

    // Back online: sync (the session cookie rides along), then logging out is allowed.
    await context.setOffline(false);
    expect(await syncNow(page)).toMatch(/Sync complete: 1 sent/);
    const cookie = (await context.cookies()).find((c) => c.name === 'tern_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();

    // The server session is over: a sync request that replays the old cookie is refused.
    const stale = await fetch(server.url + '/api/sync/demo', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `tern_session=${cookie!.value}` },
      body: JSON.stringify({ protocol: 1, device: 'd', docs: [], since: null, pullLimit: 1 }),
    });
    expect(stale.status).toBe(401);

    // Log back in offline after the logout: wrong password refused, right one shows the synced record.
    await context.setOffline(true);
    await page.reload();
    expect(await logIn(page, username, 'still-not-it')).toMatch(/Wrong username or password/);
    expect(await logIn(page, username, password)).toBeNull();
    const rows = await rowsOf(page);
    expect(rows.map((r) => [r.name, r.state])).toEqual([[NAME, 'synced']]);
    const after = await rawIndexedDb(page);
    expect(after.text).not.toContain(NAME);
    expect(after.text).not.toContain('brick kiln');

    // Idle lock: with a short idle time the app locks itself.
    await page.evaluate(() => localStorage.setItem('tern.idleLockMs', '1500'));
    await page.reload();
    expect(await logIn(page, username, password)).toBeNull();
    await page.getByText('Locked.').waitFor({ timeout: 10_000 });
    await page.evaluate(() => localStorage.removeItem('tern.idleLockMs'));

    expect(cspErrors).toEqual([]);
    await context.close();
  });

  it("refuses a sync with no session and a researcher's sync; a researcher reads research tables, never a mission's exact counts", async () => {
    const anon = await fetch(server.url + '/api/sync/demo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: 1, device: 'd', docs: [], since: null, pullLimit: 1 }),
    });
    expect(anon.status).toBe(401);
    const login = await fetch(server.url + '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...DEMO.researcher, bearer: true }),
    });
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(server.url + '/api/sync/demo', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ protocol: 1, device: 'd', docs: [], since: null, pullLimit: 1 }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('TERN_AUTH_FORBIDDEN');
    // Exact counts per mission would bypass the disclosure control (decision 104): refused.
    const summary = await fetch(server.url + '/api/missions/demo/summary', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(summary.status).toBe(403);
    const meta = await fetch(server.url + '/api/research/meta', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(meta.status).toBe(200);
  });
});
