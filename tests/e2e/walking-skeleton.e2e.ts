import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { serverMissionDb } from '../support/pouch-client.ts';
import { DEMO, startServer } from '../support/server-process.ts';
import { fillRecord, logIn, openControlled, rowsOf, syncNow } from '../support/tern-page.ts';
import type { ServerHandle } from '../support/server-process.ts';

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

describe('walking skeleton: a form filled offline reaches the central store and a second device', () => {
  it('works offline, survives reloads, syncs, and a second device sees the same _id and _rev', async () => {
    const deviceA = await browser.newContext();
    const page = await openControlled(deviceA, server.url + '/?mission=demo');
    const { username, password } = DEMO.interviewer;
    // One online login on the device; every later one here is offline.
    expect(await logIn(page, username, password)).toBeNull();

    await deviceA.setOffline(true);
    await page.reload();
    expect(await logIn(page, username, password)).toBeNull();
    await expect(page.getByRole('note').textContent()).resolves.toMatch(/Offline/);

    // The form refuses an out-of-range answer inline before anything is saved.
    await page.getByRole('button', { name: 'New record' }).click();
    await page.getByLabel('Full name').fill('Amina Offline');
    await page.getByLabel('Interview date').fill('2026-11-20');
    await page.getByLabel('Age (years)').fill('300');
    await page.getByRole('button', { name: 'Save record' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/at most 120/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Discard' }).click();

    await fillRecord(page, 'Amina Offline', '31');
    await fillRecord(page, 'Bilal Offline', '45');
    await page.reload();
    expect(await logIn(page, username, password)).toBeNull();
    await page.getByRole('table', { name: 'Records' }).getByText('Bilal Offline').waitFor();
    const offlineRows = await rowsOf(page);
    expect(offlineRows.map((r) => r.name).sort()).toEqual(['Amina Offline', 'Bilal Offline']);
    expect(offlineRows.every((r) => r.state === 'pending')).toBe(true);

    // Sync while still offline fails with a plain message and loses nothing.
    const failed = await syncNow(page);
    expect(failed).toMatch(/Could not reach the server.*nothing was lost/);
    expect((await rowsOf(page)).every((r) => r.state === 'pending')).toBe(true);

    await deviceA.setOffline(false);
    const done = await syncNow(page);
    expect(done).toMatch(/Sync complete: 2 sent/);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('tbody tr')].every((tr) => tr.getAttribute('data-state') === 'synced'),
    );
    const rowsA = await rowsOf(page);

    const deviceB = await browser.newContext();
    const pageB = await deviceB.newPage();
    await pageB.goto(server.url + '/?mission=demo');
    expect(await logIn(pageB, DEMO.officer.username, DEMO.officer.password)).toBeNull();
    expect(await syncNow(pageB)).toMatch(/2 received/);
    await pageB.getByRole('table', { name: 'Records' }).getByText('Bilal Offline').waitFor();
    const rowsB = await rowsOf(pageB);
    const key = (r: { id: string | null; rev: string | null }) => `${r.id} ${r.rev}`;
    expect(rowsB.map(key).sort()).toEqual(rowsA.map(key).sort());
    expect(rowsB.every((r) => r.state === 'synced')).toBe(true);

    await deviceA.close();
    await deviceB.close();

    // The server's own PouchDB on LevelDB holds exactly those revisions (opened after the server stops,
    // since LevelDB allows one process at a time).
    await server.stop();
    const db = serverMissionDb(server.dataDir, 'demo');
    try {
      const all = await db.allDocs({ include_docs: true });
      expect(all.rows.map((r) => `${r.id} ${r.value.rev}`).sort()).toEqual(rowsA.map(key).sort());
      const names = all.rows
        .map((r) => (r.doc as unknown as { answers: { full_name: string } }).answers.full_name)
        .sort();
      expect(names).toEqual(['Amina Offline', 'Bilal Offline']);
    } finally {
      await db.close();
    }
  });
});
