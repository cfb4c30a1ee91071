import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import type { Browser, Page } from 'playwright-core';
import { openApp } from '../support/app.ts';
import { launchChromium } from '../support/browser.ts';
import { bearerToken } from '../support/pouch-client.ts';
import { DEMO, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { syncNow } from '../support/tern-page.ts';

let server: ServerHandle;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'tern-xlsform-'));

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** An XLSForm workbook written the way a mission's form author would, in English and French. */
function xlsform(file: string, survey: string[][]): string {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(survey), 'survey');
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['list_name', 'name', 'label::English (en)', 'label::French (fr)'],
      ['result', 'reached', 'Reached', 'Joint'],
      ['result', 'not_reached', 'Not reached', 'Non joint'],
    ]),
    'choices',
  );
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['form_id', 'version', 'form_title'],
      ['followup-call', '1', 'Follow-up call'],
    ]),
    'settings',
  );
  const path = join(dir, file);
  writeFileSync(path, new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  return path;
}

const header = [
  'type',
  'name',
  'label::English (en)',
  'label::French (fr)',
  'constraint',
  'required',
  'guidance_hint',
  'constraint_message::English (en)',
  // Arabic for one question only, as a mission part-way through its translation (bidi check below).
  'label::Arabic (ar)',
];

/**
 * The form in Arabic, where two labels and the choices have no Arabic yet and show in English: an
 * English label is isolated in its own direction, so its question mark stays at its end and the
 * required star at the end of the right-to-left line; an Arabic label needs no isolation and has none.
 */
async function bidiInArabic(page: Page): Promise<void> {
  await page.getByLabel('Form language', { exact: true }).selectOption('ar');
  await page.locator('form.form[dir="rtl"]').waitFor();
  const where = page.locator('label', { hasText: 'Where is the person?' });
  const layout = await where.evaluate((label) => {
    // The label's text wherever it sits (bare or in an element): its first and last characters as drawn.
    const walk = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    let text: Text | null = null;
    while (walk.nextNode())
      if (walk.currentNode.textContent?.startsWith('Where')) text = walk.currentNode as Text;
    const at = (i: number) => {
      const r = document.createRange();
      r.setStart(text!, i);
      r.setEnd(text!, i + 1);
      return r.getBoundingClientRect();
    };
    const star = label.querySelector('span[aria-hidden]')!.getBoundingClientRect();
    const all = document.createRange();
    all.selectNodeContents(text!);
    return {
      w: at(0).left,
      q: at(text!.length - 1).left,
      star: star.right,
      text: all.getBoundingClientRect().left,
    };
  });
  expect(layout.q).toBeGreaterThan(layout.w); // "Where is the person?", not "?Where is the person"
  expect(layout.star).toBeLessThanOrEqual(layout.text + 1); // the star at the line's end, on the left
  expect(await where.locator('bdi').textContent()).toBe('Where is the person?');
  const reached = page
    .getByRole('radiogroup', { name: 'Result of the call' })
    .locator('label.choice')
    .first();
  expect(await reached.locator('bdi').textContent()).toBe('Reached');
  const minutes = page.locator('label', { hasText: 'دقائق المكالمة' });
  await minutes.waitFor();
  expect(await minutes.locator('bdi').count()).toBe(0);
  await page.getByLabel('Form language', { exact: true }).selectOption('en');
}

describe('publishing an XLSForm from the admin screen', () => {
  it('shows row-numbered errors, publishes the fixed workbook with its warning acknowledged, and an interviewer fills it and syncs', async () => {
    const admin = await browser.newContext();
    const ap = await admin.newPage();
    await openApp(ap, `${server.url}/`, DEMO.admin);
    await ap.getByRole('link', { name: 'Publish forms' }).click();
    const input = ap.getByLabel('Form file');

    // Row 3 refers to a question that does not exist: an error, nothing published, the row named.
    await input.setInputFiles(
      xlsform('broken.xlsx', [
        header,
        ['select_one result', 'result', 'Result of the call', "Résultat de l'appel", '', 'yes'],
        ['integer', 'minutes', 'Minutes', 'Minutes', '. <= ${max_minutes}', ''],
      ]),
    );
    await ap.locator('[role=status][data-state=failed]').waitFor();
    const problems = ap.getByRole('table', { name: 'Problems in the form' });
    await problems.waitFor();
    expect(await problems.locator('tbody tr').first().textContent()).toMatch(/Error\s*survey\s*3/);
    expect(await ap.getByRole('button', { name: /^Publish with/ }).count()).toBe(0);

    // The fixed workbook has one warning (a column Tern does not show): shown, not yet published.
    await input.setInputFiles(
      xlsform('fixed.xlsx', [
        header,
        ['start', 'started'],
        ['username', 'who'],
        ['deviceid', 'device'],
        ['select_one result', 'result', 'Result of the call', "Résultat de l'appel", '', 'yes', 'Ask once'],
        [
          'integer',
          'minutes',
          'Minutes on the call',
          'Minutes d’appel',
          '. >= 0 and . <= 240',
          '',
          '',
          '',
          'دقائق المكالمة',
        ],
        ['geopoint', 'where', 'Where is the person?', 'Où est la personne ?', '', 'yes'],
        // regex() runs on RE2 (packages/forms), fetched by the device only with a form that needs it.
        [
          'text',
          'phone',
          'Phone number',
          'Numéro de téléphone',
          "regex(., '^[0-9]{7,12}$')",
          '',
          '',
          'Digits only, 7 to 12 of them',
        ],
      ]),
    );
    await ap.locator('[role=status][data-state=warnings]').waitFor();
    expect(await problems.locator('tbody tr').first().textContent()).toMatch(
      /Warning\s*survey\s*1\s*guidance_hint/,
    );
    await ap.getByRole('button', { name: 'Publish with 1 warning' }).click();
    await ap.locator('[role=status][data-state=done]').waitFor();
    expect(await ap.locator('[role=status]').textContent()).toMatch(/followup-call@1 with 1 warning/);
    await admin.close();

    // An interviewer's device fetches it when online and fills it like a built-in form.
    const device = await browser.newContext({
      geolocation: { latitude: 9.0301, longitude: 38.7401, accuracy: 12 },
      permissions: ['geolocation'],
    });
    const page = await device.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await openApp(page, `${server.url}/`);
    await page.getByRole('button', { name: 'New record' }).click();
    await page.getByLabel('Form', { exact: true }).selectOption('followup-call@1');
    await bidiInArabic(page);
    await page
      .getByRole('radiogroup', { name: 'Result of the call' })
      .getByLabel('Reached', { exact: true })
      .check();
    await page.getByLabel('Minutes on the call').fill('12');
    // The place comes from the browser's geolocation, with its accuracy shown.
    await page.getByRole('button', { name: 'Use my location' }).click();
    await page.getByText('Accuracy: about 12 m').waitFor();
    const phone = page.getByLabel('Phone number');
    await phone.fill('07-12 34');
    await phone.blur();
    await page.getByText('Digits only, 7 to 12 of them').waitFor();
    await phone.fill('0712345678');
    await page.getByText('Digits only, 7 to 12 of them').waitFor({ state: 'detached' });
    // The engine came as a chunk of its own, fetched for this form: not in the app's first download.
    const html = await (await fetch(`${server.url}/`)).text();
    const firstDownload = new Set(
      [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]),
    );
    const withEngine: string[] = [];
    for (const path of new Set(scripts))
      if ((await (await fetch(`${server.url}${path}`)).text()).includes('RE2JSSyntaxException'))
        withEngine.push(path);
    expect(withEngine).toHaveLength(1);
    expect(firstDownload.has(withEngine[0]!)).toBe(false);
    await page.getByRole('button', { name: 'Save record' }).click();
    await page.locator('table.records tbody tr[data-form="followup-call@1"]').waitFor();
    expect(await syncNow(page)).toMatch(/1 sent/);
    expect(await page.locator('tbody tr').first().getAttribute('data-state')).toBe('synced');
    const id = (await page.locator('tbody tr').first().getAttribute('data-id'))!;
    await device.close();

    // The server validated it against the published version and holds it.
    const token = await bearerToken(server.url, DEMO.officer.username, DEMO.officer.password);
    const res = await fetch(`${server.url}/api/missions/demo/records/${encodeURIComponent(id)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const answers = ((await res.json()) as { answers: Record<string, unknown> }).answers;
    expect(answers).toMatchObject({
      result: 'reached',
      minutes: 12,
      where: '9.0301 38.7401 0 12',
      phone: '0712345678',
    });
    expect(answers.started).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    // Metadata questions carry the logged-in user and this device's id, as in ODK Collect.
    expect(answers.who).toBe(DEMO.interviewer.username);
    expect(answers.device).toEqual(expect.stringMatching(/\S/));
  });
});
