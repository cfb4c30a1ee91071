import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import type { Browser } from 'playwright-core';
import { openApp } from '../support/app.ts';
import { launchChromium } from '../support/browser.ts';
import { bearerToken } from '../support/pouch-client.ts';
import { DEMO, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { syncNow } from '../support/tern-page.ts';

let server: ServerHandle;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'tern-media-'));

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function xlsform(): string {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['type', 'name', 'label', 'required', 'parameters'],
      ['text', 'place', 'Where was the photo taken?', 'yes', ''],
      ['image', 'door', 'Photo of the door', 'yes', 'max-pixels=200'],
    ]),
    'survey',
  );
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['form_id', 'version', 'form_title'],
      ['door-photo', '1', 'Door photo'],
    ]),
    'settings',
  );
  const path = join(dir, 'door.xlsx');
  writeFileSync(path, new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  return path;
}

/** A PNG's width and height, read from its IHDR chunk. */
const pngSize = (b: { buffer: ArrayBufferLike; byteOffset: number; byteLength: number }) => {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
};

describe('a photo question from an XLSForm, end to end', () => {
  it('is published, filled on a device with a photo shrunk to max-pixels, synced with its file, and read by the officer', async () => {
    const admin = await browser.newContext();
    const ap = await admin.newPage();
    await openApp(ap, `${server.url}/`, DEMO.admin);
    await ap.getByRole('link', { name: 'Publish forms' }).click();
    await ap.getByLabel('Form file').setInputFiles(xlsform());
    await ap.locator('[role=status][data-state=done], [role=status][data-state=warnings]').first().waitFor();
    if ((await ap.locator('[role=status][data-state=warnings]').count()) > 0)
      await ap.getByRole('button', { name: /^Publish with/ }).click();
    await ap.locator('[role=status][data-state=done]').waitFor();
    await admin.close();

    const device = await browser.newContext();
    const page = await device.newPage();
    await openApp(page, `${server.url}/`);
    // A 600×400 PNG drawn by the browser itself: larger than the form's max-pixels (200).
    const dataUrl = await page.evaluate(() => {
      const c = document.createElement('canvas');
      c.width = 600;
      c.height = 400;
      const g = c.getContext('2d')!;
      g.fillStyle = '#2a6';
      g.fillRect(0, 0, 600, 400);
      g.fillStyle = '#fff';
      g.fillRect(100, 50, 200, 300);
      return c.toDataURL('image/png');
    });
    const original = Buffer.from(dataUrl.split(',')[1]!, 'base64');
    expect(pngSize(original)).toEqual({ width: 600, height: 400 });

    await page.getByRole('button', { name: 'New record' }).click();
    await page.getByLabel('Form', { exact: true }).selectOption('door-photo@1');
    await page.getByLabel('Where was the photo taken?').fill('Shelter entrance');
    const photo = page.getByRole('group', { name: 'Photo of the door' });
    await photo
      .locator('input[type=file]')
      .setInputFiles({ name: 'door.png', mimeType: 'image/png', buffer: original });
    await photo.locator('img.media-preview').waitFor();
    expect(await photo.getByRole('button', { name: 'Replace' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Save record' }).click();
    await page.locator('table.records tbody tr[data-form="door-photo@1"]').waitFor();
    expect(await syncNow(page)).toMatch(/1 sent.*1 file\(s\) sent/);
    const id = (await page.locator('tbody tr').first().getAttribute('data-id'))!;
    await device.close();

    const token = await bearerToken(server.url, DEMO.officer.username, DEMO.officer.password);
    const auth = { authorization: `Bearer ${token}` };
    const record = (await (
      await fetch(`${server.url}/api/missions/demo/records/${encodeURIComponent(id)}`, { headers: auth })
    ).json()) as { answers: { door: { digest: string; mediaType: string; size: number; name: string } } };
    const door = record.answers.door;
    expect(door).toMatchObject({ mediaType: 'image/png', name: 'door.png' });

    const res = await fetch(`${server.url}/api/missions/demo/attachments/${door.digest}`, { headers: auth });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.byteLength).toBe(door.size);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(door.digest);
    // Shrunk on the device: the longer side is the form's max-pixels, the proportions kept.
    expect(pngSize(bytes)).toEqual({ width: 200, height: 133 });
  });
});
