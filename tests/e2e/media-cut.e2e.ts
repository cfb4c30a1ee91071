import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { openApp } from '../support/app.ts';
import { launchChromium } from '../support/browser.ts';
import { startShaper } from '../support/link-shaper.ts';
import type { LinkShaper } from '../support/link-shaper.ts';
import { bearerToken } from '../support/pouch-client.ts';
import { DEMO, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { logIn, openControlled, syncNow } from '../support/tern-page.ts';

/**
 * Issue 17's media scenario end to end, with real parts: a form published with a warning
 * acknowledged; filled offline on a device (photo and geopoint from the browser's geolocation);
 * synced through the link shaper with the connection cut in the middle of the photo's upload; the
 * upload resumed; the officer sees the photo from the server and exports a zip holding its bytes.
 */
let server: ServerHandle;
let shaper: LinkShaper;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'tern-media-cut-'));
/** A quick field-office link: fast enough for the app shell, slow enough to cut mid-chunk. */
const LINK = { name: 'office', downBps: 40_000_000, upBps: 4_000_000, rttMs: 20 };

beforeAll(async () => {
  server = await startServer();
  shaper = await startShaper(server.port, LINK);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await shaper?.close();
  await server?.stop();
});

function xlsform(): string {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['type', 'name', 'label', 'required', 'guidance_hint'],
      ['text', 'place', 'Where is the shelter?', 'yes', 'Ask the staff'],
      ['image', 'door', 'Photo of the door', 'yes', ''],
      ['geopoint', 'gps', 'Location of the door', 'yes', ''],
    ]),
    'survey',
  );
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['form_id', 'version', 'form_title'],
      ['shelter-door', '1', 'Shelter door'],
    ]),
    'settings',
  );
  const path = join(dir, 'shelter.xlsx');
  writeFileSync(path, new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  return path;
}

const CHUNK = 256 * 1024;

describe('a photo and a geopoint, filled offline and synced over a cut link (issue 17)', () => {
  it('publishes with a warning, fills offline, resumes the cut photo upload, shows and exports the photo', async () => {
    // 1. The admin publishes the form: one warning (guidance_hint), acknowledged.
    const admin = await browser.newContext();
    const ap = await admin.newPage();
    await openApp(ap, `${server.url}/`, DEMO.admin);
    await ap.getByRole('link', { name: 'Publish forms' }).click();
    await ap.getByLabel('Form file').setInputFiles(xlsform());
    await ap.locator('[role=status][data-state=warnings]').waitFor();
    expect(await ap.locator('[role=status]').textContent()).toMatch(/1 warning/);
    await ap.getByRole('button', { name: 'Publish with 1 warning' }).click();
    await ap.locator('[role=status][data-state=done]').waitFor();
    await admin.close();

    // 2. The interviewer's device: online once through the shaper, then offline.
    const device = await browser.newContext({
      permissions: ['geolocation'],
      geolocation: { latitude: 4.0511, longitude: 9.7679, accuracy: 12 },
    });
    const page = await openControlled(device, `${shaper.url}/`);
    expect(await logIn(page, DEMO.interviewer.username, DEMO.interviewer.password)).toBeNull();
    await device.setOffline(true);
    // Noise compresses badly: a PNG of about 1 MB, several chunks long.
    const dataUrl = await page.evaluate(() => {
      const c = document.createElement('canvas');
      c.width = 640;
      c.height = 480;
      const g = c.getContext('2d')!;
      const img = g.createImageData(640, 480);
      for (let i = 0; i < img.data.length; i += 65536)
        crypto.getRandomValues(img.data.subarray(i, Math.min(i + 65536, img.data.length)));
      for (let i = 3; i < img.data.length; i += 4) img.data[i] = 255;
      g.putImageData(img, 0, 0);
      return c.toDataURL('image/png');
    });
    const photo = Buffer.from(dataUrl.split(',')[1]!, 'base64');
    expect(photo.length).toBeGreaterThan(3 * CHUNK);

    await page.getByRole('button', { name: 'New record' }).click();
    await page.getByLabel('Form', { exact: true }).selectOption('shelter-door@1');
    await page.getByLabel('Where is the shelter?').fill('Bonaberi shelter');
    const door = page.getByRole('group', { name: 'Photo of the door' });
    await door
      .locator('input[type=file]')
      .setInputFiles({ name: 'door.png', mimeType: 'image/png', buffer: photo });
    await door.locator('img.media-preview').waitFor();
    await page.getByRole('button', { name: 'Use my location' }).click();
    await page.getByText('Accuracy: about 12 m').waitFor();
    await page.getByRole('button', { name: 'Save record' }).click();
    const row = page.locator('table.records tbody tr[data-form="shelter-door@1"]');
    await row.waitFor();
    const id = (await row.getAttribute('data-id'))!;

    // 3. Back online: the link is cut once the first chunk of the photo is through. The device
    // asks the server where the file stands and resumes from there: only the chunk in flight is lost.
    await device.setOffline(false);
    const before = shaper.snapshot().up;
    const cut = shaper.cutAfter('up', CHUNK + 60_000);
    const result = await syncNow(page);
    const at = await cut;
    const after = shaper.snapshot().up;
    expect(shaper.snapshot().cuts).toBe(1);
    expect(at.atByte - before.bytes).toBeGreaterThan(CHUNK);
    expect(at.atByte - before.bytes).toBeLessThan(photo.length);
    expect(result).toMatch(/1 sent.*1 file\(s\) sent/);
    // Starting the file again would have cost the ~316 kB sent before the cut once more.
    expect(after.bytesIn - before.bytesIn).toBeLessThan(photo.length + 160_000);

    const token = await bearerToken(server.url, DEMO.officer.username, DEMO.officer.password);
    const auth = { authorization: `Bearer ${token}` };
    const record = (await (
      await fetch(`${server.url}/api/missions/demo/records/${encodeURIComponent(id)}`, { headers: auth })
    ).json()) as { answers: { door: { digest: string; size: number }; gps: string } };
    expect(record.answers.gps).toMatch(/^4\.0511 9\.7679 \S+ 12$/);
    expect(record.answers.door.size).toBe(photo.length);
    const held = await fetch(`${server.url}/api/missions/demo/attachments/${record.answers.door.digest}`, {
      headers: auth,
    });
    expect(Buffer.from(await held.arrayBuffer()).equals(photo)).toBe(true);
    await device.close();

    // 5. The officer syncs (the record, not its file, reaches the officer's device) and exports.
    const office = await browser.newContext();
    const op = await office.newPage();
    await openApp(op, `${server.url}/`, DEMO.officer);
    await syncNow(op);

    // 6. The zip: the photo's bytes under the form, the record and the question.
    await op.getByLabel('File', { exact: true }).selectOption('zip');
    const [download] = await Promise.all([
      op.waitForEvent('download'),
      op.getByRole('button', { name: 'Download export' }).click(),
    ]);
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const entry = Object.keys(zip).find((k) => k.startsWith('shelter-door-v1/') && k.endsWith('/door-1.png'));
    expect(entry, Object.keys(zip).join(', ')).toBeDefined();
    expect(Buffer.from(zip[entry!]!).equals(photo)).toBe(true);
    expect(Object.keys(zip)).not.toContain('files-missing.csv');

    // 7. The officer opens the record: the photo comes from the server, as an image.
    await op.locator(`tr[data-id="${id}"] button.open-record`).click();
    const shown = op.locator('.media-file[data-from="server"]');
    await shown.waitFor();
    const img = op.getByRole('img', { name: 'Photo door.png' });
    await op.waitForFunction(
      () => (document.querySelector('img.media-preview') as HTMLImageElement | null)?.naturalWidth === 640,
    );
    expect(await img.getAttribute('src')).toMatch(/^blob:/);

    await office.close();
  });
});
