import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openApp } from '../support/app.ts';
import { launchChromium } from '../support/browser.ts';
import { DEMO, ROOT, startServer } from '../support/server-process.ts';
import { bearerToken } from '../support/pouch-client.ts';
import { fillRecord, rowsOf, syncNow } from '../support/tern-page.ts';
import type { ServerHandle } from '../support/server-process.ts';

let server: ServerHandle;
let browser: Browser;
// The admin guide's screenshots: refreshed with TERN_GUIDE_SHOTS=1, otherwise taken into a temp folder
// (every run has new ids and times, which would change the committed images for nothing).
const SHOTS = process.env.TERN_GUIDE_SHOTS
  ? join(ROOT, 'docs/guide/img')
  : mkdtempSync(join(tmpdir(), 'tern-shots-'));

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const NAME = 'Dara Twofold';

async function device(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await openApp(page, `${server.url}/?mission=demo`);
  // The record editor is a chunk loaded when first opened (decision 190): the device goes offline
  // below, so it must hold the app first — the service worker installed (precache done) and in
  // control of this page, as on an interviewer's device after its first visit.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return { context, page };
}

/** Open the record from the list, change answers, save; resolves back on the list. */
async function edit(page: Page, change: (page: Page) => Promise<void>) {
  await page.getByRole('button', { name: NAME }).click();
  await page.getByRole('heading', { name: 'Edit record' }).waitFor();
  await change(page);
  await page.getByRole('button', { name: 'Save record' }).click();
  await page.getByRole('button', { name: 'New record' }).waitFor();
}

/** The answers the device shows for the record, read from the opened form; closes it again. */
async function shown(page: Page) {
  await page.getByRole('button', { name: NAME }).click();
  await page.getByRole('heading', { name: 'Edit record' }).waitFor();
  const values = {
    age: await page.getByLabel('Age (years)').inputValue(),
    notes: await page.getByLabel('Notes').inputValue(),
    date: await page.getByLabel('Interview date').inputValue(),
  };
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'New record' }).waitFor();
  return values;
}

async function theRow(page: Page) {
  const rows = await rowsOf(page);
  const row = rows.find((r) => r.name === NAME);
  if (!row) throw new Error(`no row for ${NAME}: ${JSON.stringify(rows)}`);
  return row;
}

async function adminApi<T>(path: string): Promise<T> {
  const token = await bearerToken(server.url, DEMO.admin.username, DEMO.admin.password);
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface View {
  branches: Array<{ rev: string; body: { answers: Record<string, unknown> } }>;
  fields: Array<{ path: string; base: unknown; values: unknown[] }>;
}

describe('conflicts: two devices edit one record offline, the server merges, an admin resolves', () => {
  it('merges disjoint edits by itself; shows a clash to the admin; both devices end with the decision', async () => {
    const a = await device();
    const b = await device();

    // Device A creates the record; both devices hold the same revision.
    await fillRecord(a.page, NAME, '30', 'first notes');
    expect(await syncNow(a.page)).toMatch(/Sync complete: 1 sent/);
    expect(await syncNow(b.page)).toMatch(/1 received/);
    const first = await theRow(a.page);
    expect((await theRow(b.page)).rev).toBe(first.rev);

    // 1. Offline, each device edits a different answer: the server merges them by itself.
    await a.context.setOffline(true);
    await b.context.setOffline(true);
    await edit(a.page, (p) => p.getByLabel('Age (years)').fill('31'));
    await edit(b.page, (p) => p.getByLabel('Notes').fill('notes from B'));
    expect((await theRow(a.page)).state).toBe('pending');
    expect((await theRow(a.page)).id).toBe(first.id);
    await a.context.setOffline(false);
    await b.context.setOffline(false);
    expect(await syncNow(a.page)).toMatch(/1 sent/);
    expect(await syncNow(b.page)).toMatch(/1 sent, 1 received/);
    expect(await syncNow(a.page)).toMatch(/1 received/);
    const merged = await theRow(a.page);
    expect(merged.rev).not.toBe(first.rev);
    expect((await theRow(b.page)).rev).toBe(merged.rev);
    for (const d of [a, b]) {
      expect(await shown(d.page)).toEqual({ age: '31', notes: 'notes from B', date: '2026-11-20' });
      expect(await d.page.locator('.under-review').count()).toBe(0);
    }

    // 2. Offline again, both change the same answers to different values: a conflict for an admin.
    await a.context.setOffline(true);
    await b.context.setOffline(true);
    await edit(a.page, async (p) => {
      await p.getByLabel('Age (years)').fill('40');
      await p.getByLabel('Notes').fill('notes from A');
    });
    await edit(b.page, async (p) => {
      await p.getByLabel('Age (years)').fill('41');
      await p.getByLabel('Notes').fill('notes from B, later');
    });
    await a.context.setOffline(false);
    await b.context.setOffline(false);
    expect(await syncNow(a.page)).toMatch(/1 sent/);
    expect(await syncNow(b.page)).toMatch(/1 sent/);
    expect(await syncNow(a.page)).toMatch(/Sync complete/);
    // Both devices learn the record is under review, with the disputed questions by their labels.
    for (const d of [a, b]) {
      const note = d.page.locator('tr', { hasText: NAME }).locator('.under-review');
      await note.waitFor();
      expect(await note.textContent()).toBe('Under review at headquarters: Age (years), Notes');
    }
    await a.page.screenshot({ path: join(SHOTS, 'device-under-review.png') });

    // 3. The admin finds the clash on the conflict screen and opens it.
    const admin = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const ap = await admin.newPage();
    await openApp(ap, `${server.url}/?mission=demo`, DEMO.admin);
    await ap.getByRole('link', { name: 'Conflicts' }).click();
    const list = ap.getByRole('table', { name: 'Conflicts waiting for a decision' });
    const item = list.locator(`tr[data-id="${first.id}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain('Age (years), Notes');
    // The filters narrow the list: another form shows nothing, the record's form shows it.
    await ap.getByLabel('Form', { exact: true }).selectOption('assistance@1');
    await ap.getByText('No open conflicts.').waitFor();
    await ap.getByLabel('Form', { exact: true }).selectOption('quick-screening@1');
    await item.waitFor();
    await ap.screenshot({ path: join(SHOTS, 'admin-conflict-list.png') });
    await item.getByRole('button', { name: 'Open' }).click();
    const table = ap.getByRole('table', { name: 'Disputed fields' });
    await table.waitFor();
    // The admin starts deciding from what the screen shows now…
    await table.locator('tr[data-path="answers.age"]').getByLabel('Keep version 1').check();
    await table.locator('tr[data-path="answers.notes"]').getByLabel('Keep version 1').check();

    // 4. …while device A, which may still edit under review, changes another answer. The server keeps
    // both branches.
    await a.page.getByRole('button', { name: NAME }).click();
    await a.page.locator('.review-banner').getByText('Under review at headquarters').waitFor();
    await a.page.getByLabel('Interview date').fill('2026-11-21');
    await a.page.getByRole('button', { name: 'Save record' }).click();
    await a.page.getByRole('button', { name: 'New record' }).waitFor();
    expect(await a.page.locator('tr', { hasText: NAME }).locator('.under-review').count()).toBe(1);
    expect(await syncNow(a.page)).toMatch(/1 sent/);
    const view = await adminApi<View>(`/api/admin/conflicts/demo/${encodeURIComponent(first.id!)}`);
    const byPath = Object.fromEntries(view.fields.map((f) => [f.path, f]));
    expect(Object.keys(byPath).sort()).toEqual(['answers.age', 'answers.notes']);
    expect(new Set(byPath['answers.age']!.values)).toEqual(new Set([40, 41]));
    expect(new Set(byPath['answers.notes']!.values)).toEqual(
      new Set(['notes from A', 'notes from B, later']),
    );
    expect(byPath['answers.age']!.base).toBe(31);
    // A's further edit is on its branch; B's branch is intact.
    const dates = view.branches.map((br) => br.body.answers.interview_date).sort();
    expect(dates).toEqual(['2026-11-20', '2026-11-21']);
    const aSide = view.branches.findIndex((br) => br.body.answers.notes === 'notes from A');
    const bSide = 1 - aSide;

    // The admin's view is stale: resolving it is refused plainly, and Reload shows the current branches.
    await ap.getByRole('button', { name: 'Resolve…' }).click();
    await ap.getByRole('alertdialog').getByRole('button', { name: 'Yes, resolve' }).click();
    const refusal = ap.getByRole('alert');
    await refusal.getByText('Someone synced this record meanwhile: reload and decide again.').waitFor();
    await refusal.getByRole('button', { name: 'Reload' }).click();
    await refusal.waitFor({ state: 'detached' });

    // 5. On the current view: labels, the ancestor and both values; the admin decides per answer.

    await table.waitFor();
    const ageRow = table.locator('tr[data-path="answers.age"]');
    const notesRow = table.locator('tr[data-path="answers.notes"]');
    expect(await ageRow.locator('th').textContent()).toBe('Age (years)');
    expect(await ageRow.locator('td.ancestor').textContent()).toBe('31');
    expect((await ageRow.locator('td.branch').allTextContents()).sort()).toEqual(['40', '41']);
    expect(await notesRow.locator('td.ancestor').textContent()).toBe('notes from B');
    expect((await notesRow.locator('td.branch').allTextContents()).sort()).toEqual([
      'notes from A',
      'notes from B, later',
    ]);
    // Each version's device by its number in the mission, never its raw id (issue 16).
    const head = (await table.locator('thead').textContent()) ?? '';
    expect(head).toMatch(/By interviewer.*Device \d+.*By interviewer.*Device \d+/);
    expect(head).not.toMatch(/dev-/);
    // Notes: keep B's version. Age: neither — the admin types 42.
    await notesRow.getByLabel(`Keep version ${bSide + 1}`).check();
    await ageRow.getByLabel('Type a new value').check();
    await ageRow.getByLabel('New value for Age (years)').fill('42');
    await ap.screenshot({ path: join(SHOTS, 'admin-conflict-detail.png'), fullPage: true });
    await ap.getByRole('button', { name: 'Resolve…' }).click();
    const confirm = ap.getByRole('alertdialog');
    expect(await confirm.textContent()).toMatch(/Age \(years\): 42.*Notes: notes from B, later \(Version/);
    await ap.screenshot({ path: join(SHOTS, 'admin-conflict-confirm.png'), fullPage: true });
    await confirm.getByRole('button', { name: 'Yes, resolve' }).click();
    const done = ap.locator('.resolved[data-rev]');
    await done.waitFor();
    const resolvedRev = await done.getAttribute('data-rev');
    expect(await done.textContent()).toMatch(/Resolved: revision/);

    // 6. Both devices sync and end with the same revision and values, no longer under review.
    await syncNow(a.page);
    await syncNow(b.page);
    for (const d of [a, b]) {
      const row = await theRow(d.page);
      expect(row.rev).toBe(resolvedRev);
      expect(row.state).toBe('synced');
      expect(await d.page.locator('.under-review').count()).toBe(0);
      expect(await shown(d.page)).toEqual({ age: '42', notes: 'notes from B, later', date: '2026-11-21' });
    }
    const open = await adminApi<{ conflicts: unknown[] }>('/api/admin/conflicts?mission=demo');
    expect(open.conflicts).toEqual([]);

    // 7. The audit log shows the decision: which revisions, which fields and how — never the values.
    const audit = await adminApi<{
      entries: Array<{ actor: string; mission: string; details: Record<string, unknown> }>;
    }>('/api/admin/audit?action=conflict.resolve');
    expect(audit.entries).toHaveLength(1);
    const entry = audit.entries[0]!;
    expect(entry.actor).toBe('admin');
    expect(entry.mission).toBe('demo');
    expect(entry.details).toMatchObject({
      id: first.id,
      resolvedRev,
      fields: { 'answers.age': 'typed', 'answers.notes': `pick ${bSide}` },
    });
    expect(JSON.stringify(entry)).not.toContain('notes from');

    await ap.getByRole('button', { name: 'Back to the list' }).click();
    await ap.getByText('No open conflicts.').waitFor();

    await Promise.all([a.context.close(), b.context.close(), admin.close()]);
  });
});
