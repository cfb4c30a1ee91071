import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousA11yProblems } from '../support/axe.ts';
import { openApp } from '../support/app.ts';
import { launchChromium } from '../support/browser.ts';
import { DEMO, ROOT, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { syncNow } from '../support/tern-page.ts';

/**
 * Issue 16's admin screens in real Chromium against a real server: an admin creates a mission and an
 * account, previews and retires a form version (a device stops offering it), renames and retires a
 * device (its next sync is refused), and finds those acts in the audit log; then the same screens at
 * 360 px in Arabic scroll no sideways and pass axe-core.
 */
// The admin guide's screenshots: refreshed with TERN_GUIDE_SHOTS=1, otherwise taken into a temp folder.
const SHOTS = process.env.TERN_GUIDE_SHOTS
  ? join(ROOT, 'docs/guide/img')
  : mkdtempSync(join(tmpdir(), 'tern-shots-'));
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

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

const tab = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

async function formOptions(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'New record' }).click();
  const keys = await page
    .getByLabel('Form', { exact: true })
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  await page
    .getByRole('button', { name: /^Back|Cancel/ })
    .first()
    .click()
    .catch(() => undefined);
  return keys;
}

describe('the admin screens', () => {
  it('manage missions, accounts, forms and devices, and the audit log shows each act', async () => {
    const adminCtx = await browser.newContext();
    const ap = await adminCtx.newPage();
    await openApp(ap, `${server.url}/`, DEMO.admin);
    await ap.getByRole('link', { name: 'Administration' }).click();

    // Missions: create one, with its name; it is listed with its members.
    await tab(ap, 'Missions');
    await ap.getByLabel('Mission id').fill('north');
    await ap.getByLabel('Name').last().fill('North field office');
    await ap.getByRole('button', { name: 'Create mission' }).click();
    await ap.locator('[data-mission=north]').getByText('North field office').waitFor();

    // Accounts: an interviewer of the new mission.
    await tab(ap, 'Accounts');
    await ap.getByLabel('User name').fill('amina');
    await ap.getByLabel('Password (at least 10 characters)').fill('amina-field-pass');
    await ap.getByRole('checkbox', { name: 'north' }).check();
    await ap.getByRole('button', { name: 'Create account' }).click();
    await ap.locator('[data-account=amina]').getByText('north').waitFor();
    await shot(ap, 'admin-accounts');

    // An interviewer's device syncs once: it is named with a default and offered every form.
    const deviceCtx = await browser.newContext();
    const dp = await deviceCtx.newPage();
    await openApp(dp, `${server.url}/`);
    expect(await syncNow(dp)).toMatch(/sent/i);
    await dp.getByText(/This device is called/).waitFor();
    expect(await formOptions(dp)).toContain('assistance@1');

    // Forms: preview a version read-only, then retire it.
    await tab(ap, 'Published forms');
    const row = ap.locator('[data-form="assistance@1"]');
    await row.getByRole('button', { name: 'Preview' }).click();
    const preview = ap.locator('.form-preview');
    await preview.getByText('Preview of assistance@1').waitFor();
    await preview.locator('select').selectOption('fr');
    await preview.getByText("Entretien d'assistance").first().waitFor();
    await shot(ap, 'admin-form-preview');
    expect(
      await preview.locator('fieldset.preview-body').evaluate((f) => (f as HTMLFieldSetElement).disabled),
    ).toBe(true);
    await row.getByRole('button', { name: 'Retire' }).click();
    await row.getByRole('button', { name: 'Retire assistance@1' }).click();
    await row.locator('.badge', { hasText: 'retired' }).waitFor();

    // The device stops offering it after its next sync.
    await dp.reload();
    await openApp(dp, `${server.url}/`);
    await syncNow(dp);
    expect(await formOptions(dp)).not.toContain('assistance@1');

    // Devices: the device shows with its name; rename it, retire it.
    await tab(ap, 'Devices');
    const device = ap.locator('.admin-cards > li').filter({ hasText: /Chrom/ }).first();
    await device.waitFor();
    await device.getByLabel('Name').fill('Field tablet 1');
    await device.getByRole('button', { name: 'Rename' }).click();
    await ap.locator('.admin-cards > li strong', { hasText: 'Field tablet 1' }).waitFor();
    const renamed = ap.locator('.admin-cards > li').filter({ hasText: 'Field tablet 1' });
    await renamed.getByRole('button', { name: 'Retire', exact: true }).click();
    await shot(ap, 'admin-devices');
    await renamed.getByRole('button', { name: 'Retire Field tablet 1' }).click();
    await renamed.locator('.badge', { hasText: 'retired' }).waitFor();

    // Its next sync is refused, with words that say what to do.
    const refused = await syncNow(dp);
    expect(refused).toMatch(/retired/);
    expect(refused).toMatch(/registered device/);
    expect(await dp.locator('[role=status][data-state]').getAttribute('data-state')).toBe('failed');

    // The audit log, filtered, names the acts with names, not ids.
    await tab(ap, 'Audit log');
    await ap.getByLabel('Who (user name)').fill('admin');
    await ap.getByLabel('Action').selectOption('device.retire');
    await ap.getByRole('button', { name: 'Show' }).click();
    const entries = ap.getByRole('list', { name: 'Audit entries, newest first' });
    await entries.getByText('retired a device').waitFor();
    expect(await entries.textContent()).toMatch(/Field tablet 1/);
    await shot(ap, 'admin-audit');
    for (const [action, words] of [
      ['mission.create', 'created a mission'],
      ['user.create', 'created an account'],
      ['form.retire', 'retired a form version'],
      ['device.rename', 'renamed a device'],
    ] as const) {
      await ap.getByLabel('Action').selectOption(action);
      await ap.getByRole('button', { name: 'Show' }).click();
      await entries.getByText(words).first().waitFor();
    }
    await adminCtx.close();
    await deviceCtx.close();
  });

  it('at 360 px in Arabic: no sideways scroll and axe-core clean on every tab', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await ctx.newPage();
    await openApp(page, `${server.url}/`, DEMO.admin);
    await page.locator('.language-picker select').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.locator('a.admin-link').first().click();
    for (const name of ['الحسابات', 'البعثات', 'سجل التدقيق', 'الاستمارات المنشورة', 'الأجهزة']) {
      await tab(page, name);
      await page.locator('.admin-panel h2').waitFor();
      if (name === 'سجل التدقيق') {
        await page.getByRole('button', { name: 'عرض' }).click();
        await page.locator('ol.admin-cards li').first().waitFor();
      }
      if (name === 'الاستمارات المنشورة') {
        await page.locator('[data-form="screening@1"]').getByRole('button', { name: 'معاينة' }).click();
        await page.locator('.form-preview fieldset.preview-body').waitFor();
      }
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${name}: page width`).toBeLessThanOrEqual(360);
      expect(await seriousA11yProblems(page), `${name}: axe-core`).toEqual([]);
    }
    await ctx.close();
  });
});
