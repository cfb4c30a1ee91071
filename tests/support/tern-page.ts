import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';

/** Load once online and wait until the service worker controls the page (TOOLCHAIN gotcha 7). */
export async function openControlled(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
  }
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  return page;
}

/** Fill the login form; resolves when the app is open (or the login was refused, with its message). */
export async function logIn(page: Page, username: string, password: string): Promise<string | null> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForSelector('form.login [role=alert], button:has-text("New record")');
  const refused = await page.$('form.login [role=alert]');
  return refused ? await refused.textContent() : null;
}

export async function fillRecord(page: Page, name: string, age: string, notes?: string) {
  await page.getByRole('button', { name: 'New record' }).click();
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Interview date').fill('2026-11-20');
  await page.getByLabel('Age (years)').fill(age);
  if (notes !== undefined) await page.getByLabel('Notes').fill(notes);
  await page.getByRole('button', { name: 'Save record' }).click();
  await page.getByRole('table', { name: 'Records' }).getByText(name).waitFor();
}

export async function rowsOf(page: Page) {
  return page.$$eval('table.records tbody tr', (trs) =>
    trs.map((tr) => ({
      id: tr.getAttribute('data-id'),
      rev: tr.getAttribute('data-rev'),
      state: tr.getAttribute('data-state'),
      name: tr.querySelector('td')?.textContent,
    })),
  );
}

/** Press "Sync now" and wait for it to end (`timeoutMs`: a bench's large pull on a loaded machine). */
export async function syncNow(page: Page, timeoutMs = 30_000) {
  await page.getByRole('button', { name: 'Sync now' }).click();
  const status = page.locator('[role=status][data-state]');
  await page.waitForFunction(
    () => {
      const s = document.querySelector('[role=status][data-state]')?.getAttribute('data-state');
      return s === 'done' || s === 'failed';
    },
    undefined,
    { timeout: timeoutMs },
  );
  return (await status.textContent()) ?? '';
}
