import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openApp } from '../support/app.ts';
import { launchChromium } from '../support/browser.ts';
import { DEMO, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';

/**
 * Decision 190: the cases screens are a chunk fetched when first opened (the service worker precaches
 * it). When it cannot be fetched — offline on a device that never stored the app — the user reads why,
 * the rest of the app keeps working, and "Try again" reloads the app (a browser remembers a failed
 * module for the page's life), after which the screen opens.
 */
let server: ServerHandle;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({});
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a screen loaded when first opened', () => {
  it('says why it cannot open, keeps the app usable, and opens on "Try again"', async () => {
    // No service worker: every chunk comes from the network, where the test can refuse it.
    const ctx = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 360, height: 740 } });
    try {
      const page = await ctx.newPage();
      let refuse = true;
      const refused: string[] = [];
      await page.route(/\/assets\/CasesHome-[\w-]+\.js$/, (route) => {
        if (!refuse) return route.continue();
        refused.push(route.request().url());
        return route.abort('internetdisconnected');
      });
      await openApp(page, `${server.url}/?mission=demo`, DEMO.interviewer);
      await page.getByRole('button', { name: 'Cases', exact: true }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'This screen could not be loaded' });
      await alert.waitFor();
      expect(refused.length).toBeGreaterThan(0);
      expect(await alert.textContent()).toMatch(/nothing is lost/);
      // The rest of the app still answers: back to the records, and a new record opens.
      await page.getByRole('button', { name: 'All records', exact: true }).click();
      await page.getByRole('button', { name: 'New record' }).click();
      await page.locator('form.form').waitFor();
      await page.getByRole('button', { name: 'Cancel' }).click();
      // Back online: the same screen opens on "Try again".
      refuse = false;
      await page.getByRole('button', { name: 'Cases', exact: true }).click();
      await page.getByRole('button', { name: 'Try again' }).click();
      // The reload locks the app (as every reload does): log in again, then the screen opens.
      await page.getByLabel('Password').waitFor();
      await openApp(page, `${server.url}/?mission=demo`, DEMO.interviewer);
      await page.getByRole('button', { name: 'Cases', exact: true }).click();
      await page.getByRole('button', { name: 'New case', exact: true }).waitFor();
      expect(
        await page.getByRole('alert').filter({ hasText: 'This screen could not be loaded' }).count(),
      ).toBe(0);
    } finally {
      await ctx.close();
    }
  });
});
