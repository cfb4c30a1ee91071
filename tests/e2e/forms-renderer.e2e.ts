import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openApp, rawRows, reloadApp } from '../support/app.ts';
import { launchChromium } from '../support/browser.ts';
import { DEMO, startServer } from '../support/server-process.ts';
import { bearerToken } from '../support/pouch-client.ts';
import type { ServerHandle } from '../support/server-process.ts';

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

async function newForm(page: Page, mission: string, form: string) {
  await openApp(page, `${server.url}/?mission=${mission}`);
  await page.getByRole('button', { name: 'New record' }).click();
  await page.getByLabel('Form', { exact: true }).selectOption(form);
}

/** A record as the server stores it, read through the API with a data officer's session. */
async function serverRecord(id: string): Promise<{ answers: Record<string, unknown> }> {
  const token = await bearerToken(server.url, DEMO.officer.username, DEMO.officer.password);
  const res = await fetch(`${server.url}/api/missions/demo/records/${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`record ${id}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { answers: Record<string, unknown> };
}

describe('form renderer', () => {
  it('Screening: a branch appears and disappears, a constraint message shows and clears, the record saves pruned and syncs', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await newForm(page, 'demo', 'screening@1');

    // Constraint: the interview date cannot be in the future — shown once the field is left, cleared when fixed.
    const date = page.getByLabel('Date of the interview');
    await date.fill('2099-01-01');
    // (Tab moves between the day, month and year of a date input; leave the field itself.)
    await date.blur();
    const dateError = page.getByText('The interview date cannot be in the future');
    await dateError.waitFor();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await date.getAttribute('aria-describedby')).toMatch(/-error/);
    await date.fill('2020-01-15');
    await dateError.waitFor({ state: 'detached' });
    expect(await date.getAttribute('aria-invalid')).toBeNull();

    // Branch: consent "No" shows the end note and hides the rest; "Yes" shows the next question and groups.
    const consent = page.getByRole('radiogroup', { name: 'Does the person consent to the interview?' });
    const agreement = page.getByRole('radiogroup', { name: /agree that their personal data/ });
    await consent.getByLabel('No').check();
    await page.getByText('Without consent the interview ends here').waitFor();
    expect(await agreement.count()).toBe(0);
    expect(await page.getByRole('group', { name: 'The person', exact: true }).count()).toBe(0);
    await consent.getByLabel('Yes').check();
    await agreement.waitFor();
    await page.getByRole('group', { name: 'The person', exact: true }).waitFor();
    expect(await page.getByText('Without consent the interview ends here').count()).toBe(0);
    await agreement.getByLabel('Yes').check();

    // A second branch inside the person group: the stated age applies only without a birth date.
    await page.getByLabel('First name').fill('Leila');
    await page.getByRole('radiogroup', { name: 'Gender' }).getByLabel('Feminine', { exact: true }).check();
    const age = page.getByLabel('Age in years');
    await age.fill('130');
    await age.press('Tab');
    await page.getByText('Age must be between 0 and 120').waitFor();
    await age.fill('34');
    await page.getByText('Age must be between 0 and 120').waitFor({ state: 'detached' });
    // Exploitation types make the sector question appear; unticking makes it disappear.
    const types = page.getByRole('group', { name: 'Types of exploitation' });
    await types.getByLabel('Forced labour', { exact: true }).check();
    await page.getByLabel('Sector of forced labour').waitFor();
    await types.getByLabel('Forced labour', { exact: true }).uncheck();
    await page.getByLabel('Sector of forced labour').waitFor({ state: 'detached' });

    // Save with required answers missing: messages for all, focus on the first.
    await page.getByRole('button', { name: 'Save record' }).click();
    await page.getByText('Some answers need attention').waitFor();
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('name') ?? '');
    expect(focused).toMatch(/vic_TraffickingStatus/);

    await page
      .getByRole('radiogroup', { name: 'Trafficking status' })
      .getByLabel('Possible victim of trafficking')
      .check();
    await page.getByRole('radiogroup', { name: 'Eligible for assistance?' }).getByLabel('Yes').check();
    await page.getByLabel('Notes').fill('seen at the shelter');
    // Enter in a one-line field does not submit the (now valid) form.
    await page.getByLabel('First name').press('Enter');
    await page.waitForTimeout(300);
    expect(await page.getByRole('table', { name: 'Records' }).count()).toBe(0);
    // An answer given and then made irrelevant (a birth date hides the stated age) is not saved.
    await page.getByLabel('Date of birth').fill('1990-05-01');
    await age.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Save record' }).click();
    await page.locator('table.records tbody tr[data-form="screening@1"]').waitFor();
    const row = page.locator('tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute('data-state')).toBe('pending');
    const id = (await row.getAttribute('data-id'))!;

    // The server validates with the same engine and accepts it.
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.waitForFunction(() => {
      const s = document.querySelector('[role=status][data-state]')?.getAttribute('data-state');
      return s === 'done' || s === 'failed';
    });
    expect(await page.locator('.sync [role=status]').textContent()).toMatch(/Sync complete: 1 sent/);
    expect(await page.locator('tbody tr').getAttribute('data-state')).toBe('synced');
    // What the server holds was saved pruned: the stated age became irrelevant and is gone.
    const stored = await serverRecord(id);
    expect(stored.answers).toMatchObject({
      con_Consent: 'yes',
      prs_FirstName: 'Leila',
      prs_Birthdate: '1990-05-01',
      is_minor: 'no',
      notes: 'seen at the shelter',
    });
    expect(stored.answers).not.toHaveProperty('age_stated');
    await context.close();
  });

  it('Arabic: right-to-left layout, Arabic labels in the form, the UI language apart', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await newForm(page, 'rtl', 'screening@1');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.getByLabel('Form language', { exact: true }).selectOption('ar');
    await page.getByLabel('تاريخ المقابلة').waitFor();
    // The form is laid out right to left; the app around it stays in the UI language (English).
    expect(await page.locator('form.form').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('form.form').getAttribute('lang')).toBe('ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    // The form title is laid out right to left: its text starts at the right edge.
    const dirOf = await page.locator('form.form h2').evaluate((h) => getComputedStyle(h).direction);
    expect(dirOf).toBe('rtl');
    await page
      .getByRole('radiogroup', { name: 'هل يوافق الشخص على إجراء المقابلة؟' })
      .getByLabel('نعم')
      .check();
    // Every built-in text is in Arabic now (issue 16); a form without a language falls back to its
    // default one (packages/forms text-direction tests, the conflicts field-labels tests).
    await page.getByLabel('الاسم الأول').waitFor();
    // The renderer's own words follow the UI language, not the form's.
    await page.getByRole('button', { name: 'Save record' }).waitFor();
    // The UI in Arabic too: the whole document turns right to left and the same words are Arabic.
    await page.getByLabel('Language', { exact: true }).selectOption('ar');
    await page.getByRole('button', { name: 'حفظ السجل' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    // Back to French for the form: its labels change, the UI stays Arabic.
    await page.getByLabel('لغة الاستمارة').selectOption('fr');
    await page.getByLabel("Date de l'entretien").waitFor();
    expect(await page.locator('form.form').getAttribute('dir')).toBe('ltr');
    await context.close();
  });

  it('repeats: add instances, remove an empty one at once and a filled one after confirmation', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await newForm(page, 'repeats', 'assistance@1');
    const add = page.getByRole('button', { name: 'Add: Assistance given' });
    await add.click();
    await add.click();
    await add.click();
    const instances = page.locator('section.repeat').first().locator('fieldset.instance');
    expect(await instances.count()).toBe(3);
    // The new instance's first field has the focus, for the keyboard.
    expect(
      await page.evaluate(
        () => document.activeElement?.closest('fieldset.instance')?.querySelector('legend')?.textContent,
      ),
    ).toBe('Assistance given 3');
    await page
      .getByRole('group', { name: 'Assistance given 2' })
      .getByLabel('Objectives')
      .fill('Shelter for a month');
    // Removing an empty instance needs no confirmation.
    await page.getByRole('button', { name: 'Remove: Assistance given 3' }).click();
    expect(await instances.count()).toBe(2);
    // A filled one asks; "Keep" keeps it, "Remove" removes it.
    await page.getByRole('button', { name: 'Remove: Assistance given 2' }).click();
    await page.getByRole('button', { name: 'Keep', exact: true }).click();
    expect(await instances.count()).toBe(2);
    await page.getByRole('button', { name: 'Remove: Assistance given 2' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    expect(await instances.count()).toBe(1);
    expect(await page.getByText('Shelter for a month').count()).toBe(0);
    await context.close();
  });

  it('drafts: answers are autosaved on the device, survive a reload and can be resumed', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await newForm(page, 'drafts', 'quick-screening@1');
    await page.getByLabel('Full name').fill('Draft Person');
    await page.locator('.draft-status[data-state=saved]').waitFor();
    const drafts = await rawRows(page);
    expect(drafts.map((d) => d.syncState)).toEqual(['draft']);
    // A draft holds personal data too: sealed, never in clear.
    expect(drafts[0]!.raw).not.toContain('Draft Person');
    await reloadApp(page);
    await page.getByRole('table', { name: 'Records' }).getByText('Draft', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'New record' }).click();
    await page
      .getByRole('region', { name: 'Drafts on this device' })
      .getByRole('button', { name: 'Resume' })
      .click();
    expect(await page.getByLabel('Full name').inputValue()).toBe('Draft Person');
    await page.getByLabel('Interview date').fill('2020-01-15');
    await page.getByRole('button', { name: 'Save record' }).click();
    await page.getByRole('table', { name: 'Records' }).getByText('Draft Person').waitFor();
    expect((await rawRows(page)).map((d) => d.syncState)).toEqual(['pending']);
    await context.close();
  });

  it('one section per page: Next moves by section, Save opens the section of the first problem', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await newForm(page, 'paged', 'screening@1');
    await page.getByLabel('Layout', { exact: true }).selectOption('paged');
    await page.getByText('Section 1 of 4: Consent').waitFor();
    await page.getByLabel('Date of the interview').fill('2020-01-15');
    await page
      .getByRole('radiogroup', { name: 'Does the person consent to the interview?' })
      .getByLabel('Yes')
      .check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Section 2 of 4: The person').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Section 4 of 4: Screening decision').waitFor();
    await page.getByRole('button', { name: 'Save record' }).click();
    // The first problem is the unanswered data-management agreement in section 1.
    await page.getByText('Section 1 of 4: Consent').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('name')?.includes('vic_Agreement'));
    await context.close();
  });
});
