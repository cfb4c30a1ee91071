import type { Page } from 'playwright-core';
import { DEMO } from './server-process.ts';
import { logIn } from './tern-page.ts';

/**
 * Open the web app at `url` and wait until it is ready to use: the one place e2e tests enter the app.
 * Logs in as the demo interviewer (online the first time) unless another account is given.
 */
export async function openApp(
  page: Page,
  url: string,
  account: { username: string; password: string } = DEMO.interviewer,
): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Tern' }).first().waitFor();
  if (await page.getByLabel('Username').count()) {
    const refused = await logIn(page, account.username, account.password);
    if (refused) throw new Error(`login as ${account.username} refused: ${refused}`);
  }
}

/** Reload and, if the app asks (it locks on reload), unlock it again with the same account. */
export async function reloadApp(
  page: Page,
  account: { username: string; password: string } = DEMO.interviewer,
): Promise<void> {
  await page.reload();
  await page.getByRole('heading', { name: 'Tern' }).first().waitFor();
  await page.waitForSelector('form.login, button:has-text("New record")');
  if (await page.getByLabel('Username').count()) {
    const refused = await logIn(page, account.username, account.password);
    if (refused) throw new Error(`login as ${account.username} refused: ${refused}`);
  }
}

/** The clear sync state of every row in the device's IndexedDB (bodies are sealed and stay unread). */
export async function rawRows(page: Page): Promise<Array<{ syncState: string; raw: string }>> {
  return page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('tern');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('docs').objectStore('docs').getAll();
          req.onsuccess = () => {
            ok(
              (req.result as Array<{ syncState: string }>).map((r) => ({
                syncState: r.syncState,
                raw: JSON.stringify(r),
              })),
            );
            open.result.close();
          };
          req.onerror = () => fail(req.error);
        };
      }),
  );
}
