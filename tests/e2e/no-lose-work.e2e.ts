import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openApp, reloadApp } from '../support/app.ts';
import { launchChromium } from '../support/browser.ts';
import { DEMO, ROOT, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { fillRecord, logIn, openControlled, syncNow } from '../support/tern-page.ts';

// The server serves a copy of the built app, so that a test can publish a second version of it.
let webDist: string;
let server: ServerHandle;
let browser: Browser;

beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), 'tern-web-'));
  cpSync(join(ROOT, 'apps/web/dist'), webDist, { recursive: true });
  // Many logins from one address in a minute (every reload and new tab logs in): lift the limit.
  server = await startServer({ env: { TERN_WEB_DIST: webDist, TERN_LOGIN_MAX_PER_MINUTE: '1000' } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(webDist, { recursive: true, force: true });
});

/**
 * Publish "version 2" of the app in place: a marked index.html, and a service worker whose precache
 * manifest gives index.html a new revision — what a real rebuild changes. The browser sees a new
 * sw.js byte for byte, installs it, and (Tern never skips waiting by itself) leaves it waiting.
 */
function publishSecondVersion() {
  const index = join(webDist, 'index.html');
  writeFileSync(
    index,
    readFileSync(index, 'utf8').replace('<head>', '<head><meta name="tern-build" content="2">'),
  );
  const sw = join(webDist, 'sw.js');
  const before = readFileSync(sw, 'utf8');
  const after = before.replace(
    /(\{url:"index\.html",revision:")[0-9a-f]+"/,
    '$1e2e000000000000000000000000002"',
  );
  expect(after).not.toBe(before);
  writeFileSync(sw, after);
}

const URL_DEMO = () => `${server.url}/?mission=demo`;

/** Open the form page, type a name, and wait until the draft is stored on the device. */
/** "Device storage" is one closed line unless something needs doing: open it to act on it. */
async function openDeviceStorage(page: Page) {
  const storage = page.getByRole('region', { name: 'Device storage' });
  const details = storage.locator('details');
  await details.waitFor();
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await storage.locator('summary').click();
  }
  return storage;
}

async function startDraft(page: Page, name: string) {
  await page.getByRole('button', { name: 'New record' }).click();
  await page.getByLabel('Full name').fill(name);
  await page.locator('.draft-status[data-state=saved]').waitFor();
}

/** From the record list: open the form page and resume the (only) draft. */
async function resumeDraft(page: Page) {
  await page.getByRole('button', { name: 'New record' }).click();
  await page
    .getByRole('region', { name: 'Drafts on this device' })
    .getByRole('button', { name: 'Resume' })
    .click();
}

describe('no way to lose work', () => {
  it('a draft survives a reload of the page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openApp(page, URL_DEMO());
    await startDraft(page, 'Reload Person');
    await reloadApp(page);
    await resumeDraft(page);
    expect(await page.getByLabel('Full name').inputValue()).toBe('Reload Person');
    await context.close();
  });

  it('a new app version waits for the user over an open draft; "Update now" stores the draft, then reloads', async () => {
    const context = await browser.newContext();
    const page = await openControlled(context, URL_DEMO());
    await openApp(page, URL_DEMO());
    await startDraft(page, 'Update Person');
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    publishSecondVersion();
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg!.update();
    });
    const banner = page.locator('.update');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/kept as a draft/);
    // The new worker is installed and waiting; the page was not reloaded under the form.
    await page.waitForFunction(async () =>
      Boolean((await navigator.serviceWorker.getRegistration())?.waiting),
    );
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    expect(await page.getByLabel('Full name').inputValue()).toBe('Update Person');

    // An answer typed just before choosing to update (inside the autosave's delay) is stored too.
    await page.getByLabel('Age (years)').fill('41');
    await Promise.all([
      page.waitForEvent('load', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Update now' }).click(),
    ]);
    // Version 2 is in control now, and the draft is on the device with both answers.
    await page.getByRole('heading', { name: 'Tern' }).first().waitFor();
    expect(await page.locator('meta[name=tern-build]').getAttribute('content')).toBe('2');
    expect(await logIn(page, DEMO.interviewer.username, DEMO.interviewer.password)).toBeNull();
    await resumeDraft(page);
    expect(await page.getByLabel('Full name').inputValue()).toBe('Update Person');
    expect(await page.getByLabel('Age (years)').inputValue()).toBe('41');
    await context.close();
  });

  it('a draft survives a crash of the tab', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openApp(page, URL_DEMO());
    await startDraft(page, 'Crash Person');
    const crashed = page.waitForEvent('crash');
    const cdp = await context.newCDPSession(page);
    // The renderer dies at once: the command itself never gets an answer.
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    const again = await context.newPage();
    await openApp(again, URL_DEMO());
    await resumeDraft(again);
    expect(await again.getByLabel('Full name').inputValue()).toBe('Crash Person');
    await context.close();
  });
  it('a wiped device gets its unsynced records back from the encrypted backup, never twice', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await openApp(page, URL_DEMO());
    await fillRecord(page, 'Backup Person', '33');
    await openDeviceStorage(page);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Back up this device (encrypted file)' }).click(),
    ]);
    // Kept outside the context, which deletes its downloads when it closes.
    const backup = join(webDist, '..', `${basename(webDist)}-backup.json`);
    await file.saveAs(backup);
    expect(readFileSync(backup, 'utf8')).not.toContain('Backup Person');
    await context.close();

    // A new browser profile: the device was wiped. Log in online, restore, confirm.
    const wiped = await browser.newContext();
    const again = await wiped.newPage();
    await openApp(again, URL_DEMO());
    const storage = await openDeviceStorage(again);
    // The panel says whether the browser promised to keep the data, and how much room is left.
    await storage.locator('[data-persisted]').waitFor();
    expect(await storage.locator('[data-persisted]').textContent()).toMatch(
      /^Persistent storage|cannot promise/,
    );
    await storage.getByText(/^Used .+ of .+ \(.+ free\)\.$/).waitFor();
    await storage.getByLabel('Restore from a backup file').setInputFiles(backup);
    const confirm = again.getByRole('alertdialog', { name: 'Restore from the backup?' });
    expect(await confirm.textContent()).toMatch(/backup of interviewer .*records in the file: 1/);
    await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
    await storage.getByText('Restore finished: 1 added, 0 updated, 0 already here').waitFor();
    const row = again.getByRole('table', { name: 'Records' }).locator('tbody tr');
    expect(await row.getAttribute('data-state')).toBe('pending');
    expect(await row.locator('td').first().textContent()).toBe('Backup Person');
    // The same file again changes nothing.
    await storage.getByLabel('Restore from a backup file').setInputFiles(backup);
    await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
    await storage.getByText('Restore finished: 0 added, 0 updated, 1 already here').waitFor();
    await wiped.close();
    rmSync(backup, { force: true });
  });
});

describe('the UI in five languages', () => {
  it('Arabic lays the document out right to left with a translated header; French is remembered', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(URL_DEMO());
    await page.getByLabel('Language', { exact: true }).selectOption('ar');
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      'rtl',
      'ar',
    ]);
    await page.getByLabel('اسم المستخدم').fill(DEMO.interviewer.username);
    await page.getByLabel('كلمة المرور').fill(DEMO.interviewer.password);
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.getByRole('button', { name: 'سجل جديد' }).waitFor();
    const header = page.locator('header');
    expect(await header.textContent()).toContain('البعثة: demo');
    await header.getByRole('button', { name: 'تسجيل الخروج' }).waitFor();
    await header.getByRole('button', { name: 'قفل' }).waitFor();
    expect(await header.locator('.user').textContent()).toBe('interviewer (باحث ميداني)');
    // The header's start is on the right: the title sits right of the language picker.
    const [h1, picker] = await Promise.all([
      header.locator('h1').boundingBox(),
      header.locator('.language-picker').boundingBox(),
    ]);
    expect(h1!.x).toBeGreaterThan(picker!.x);
    await page.getByRole('heading', { name: 'تخزين الجهاز' }).waitFor();

    // French: left to right, French words, and the choice outlives a reload.
    await page.getByLabel('اللغة', { exact: true }).selectOption('fr');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.getByRole('button', { name: 'Nouvelle fiche' }).waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await page.getByRole('heading', { name: "Stockage de l'appareil" }).waitFor();
    await page.getByRole('button', { name: 'Synchroniser' }).click();
    await page.waitForFunction(() =>
      ['done', 'failed'].includes(
        document.querySelector('[role=status][data-state]')?.getAttribute('data-state') ?? '',
      ),
    );
    expect(await page.locator('.sync [role=status]').textContent()).toMatch(
      /^Synchronisation terminée : 0 envoyées/,
    );
    await page.reload();
    await page.getByLabel("Nom d'utilisateur").waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await context.close();
  });
});

describe('data officer', () => {
  it("sees the mission's sync picture after an interviewer's sync, and downloads exports", async () => {
    const interviewer = await browser.newContext();
    const ip = await interviewer.newPage();
    await openApp(ip, URL_DEMO());
    await fillRecord(ip, 'Export Person', '29');
    expect(await syncNow(ip)).toMatch(/Sync complete: 1 sent/);
    const deviceId = await ip.evaluate(
      () =>
        new Promise<string>((ok) => {
          const open = indexedDB.open('tern');
          open.onsuccess = () => {
            const req = open.result.transaction('meta').objectStore('meta').get('device');
            req.onsuccess = () => ok((req.result as { value: string }).value);
          };
        }),
    );

    const officer = await browser.newContext({ acceptDownloads: true });
    const op = await officer.newPage();
    await openApp(op, URL_DEMO(), DEMO.officer);
    const row = op
      .getByRole('table', { name: 'Devices of the mission' })
      .locator(`tr[data-device="${deviceId}"]`);
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells[2]).toBe('interviewer');
    expect(cells[3]).toBe('0');
    expect(cells[1]).not.toBe('never');

    // XLSX, every form, French labels: a zip file comes down through fetch → blob → link.
    await op.getByLabel('Labels in').selectOption('fr');
    const [xlsx] = await Promise.all([
      op.waitForEvent('download'),
      op.getByRole('button', { name: 'Download export' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^tern-demo-all-\d{4}-\d\d-\d\d\.xlsx$/);
    expect(
      readFileSync((await xlsx.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    // CSV of one form, labels in French, with the interviewer's record in it.
    await op.getByLabel('File', { exact: true }).selectOption('csv');
    await op.getByLabel('Form', { exact: true }).selectOption('quick-screening@1');
    const [csv] = await Promise.all([
      op.waitForEvent('download'),
      op.getByRole('button', { name: 'Download export' }).click(),
    ]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text).toContain('Nom complet');
    expect(text).toContain('Export Person');
    await op.getByText(`Downloaded ${csv.suggestedFilename()}.`).waitFor();
    await interviewer.close();
    await officer.close();
  });
});
