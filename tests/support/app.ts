import type { Page } from 'playwright-core';

/**
 * Open the web app at `url` and wait until it is ready to use. The one place e2e tests enter the
 * app, so a login step (branch `security`) is added here once for every test that uses it.
 */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Tern' }).waitFor();
}
