import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startServer } from '../support/server-process.ts';
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

/** Load once online and wait until the service worker controls the page (TOOLCHAIN gotcha 7). */
async function openControlled(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.url + '/?mission=demo');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
  }
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  return page;
}

async function fillRecord(page: Page, name: string, age: string) {
  await page.getByRole('button', { name: 'New record' }).click();
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Interview date').fill('2026-11-20');
  await page.getByLabel('Age (years)').fill(age);
  await page.getByRole('button', { name: 'Save record' }).click();
  await page.getByRole('table', { name: 'Records' }).getByText(name).waitFor();
}

async function rowsOf(page: Page) {
  return page.$$eval('table.records tbody tr', (trs) =>
    trs.map((tr) => ({
      id: tr.getAttribute('data-id'),
      rev: tr.getAttribute('data-rev'),
      state: tr.getAttribute('data-state'),
      name: tr.querySelector('td')?.textContent,
    })),
  );
}

async function syncNow(page: Page) {
  await page.getByRole('button', { name: 'Sync now' }).click();
  const status = page.locator('[role=status][data-state]');
  await page.waitForFunction(() => {
    const s = document.querySelector('[role=status][data-state]')?.getAttribute('data-state');
    return s === 'done' || s === 'failed';
  });
  return (await status.textContent()) ?? '';
}

describe('walking skeleton: a form filled offline reaches the central store and a second device', () => {
  it('works offline, survives reloads, syncs, and a second device sees the same _id and _rev', async () => {
    const deviceA = await browser.newContext();
    const page = await openControlled(deviceA);

    await deviceA.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Tern' }).waitFor();
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
    await page.getByRole('table', { name: 'Records' }).waitFor();
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
    const db = new PouchDB(join(server.dataDir, 'mission-demo'));
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
