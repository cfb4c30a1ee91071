import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { MemorySyncStorage, fetchRemote, syncOnce } from '@tern/sync';
import { launchChromium } from '../support/browser.ts';
import { PROFILES, startShaper } from '../support/link-shaper.ts';
import type { LinkShaper } from '../support/link-shaper.ts';
import { bearerToken } from '../support/pouch-client.ts';
import { DEMO, startServer } from '../support/server-process.ts';
import type { ServerHandle } from '../support/server-process.ts';
import { fillRecord, logIn, openControlled, syncNow } from '../support/tern-page.ts';

/**
 * Issue 16, sync progress both ways on a slow link: a data officer's phone (360 × 740) sends two
 * records and receives the whole mission (400 demo cases: about a thousand records) over WebPageTest's
 * 3G Slow, through the user-space link shaper (decision 040). The progress line must move at least
 * once a second while the records arrive — it used to sit at "0 of 2 records sent (0 byte)" for
 * seconds — and end with the right counts.
 */
let server: ServerHandle;
let shaper: LinkShaper;
let browser: Browser;
/** The office's connection, to load the app and log in quickly before the phone goes out on 3G. */
const OFFICE = { name: 'office', downBps: 40_000_000, upBps: 10_000_000, rttMs: 10 };

beforeAll(async () => {
  // Two batches of the demo cases (~400 cases, about a thousand records): several seconds on 3G Slow.
  server = await startServer({ demoCases: 2 });
  shaper = await startShaper(server.port, OFFICE);
  browser = await launchChromium();
  // A loaded shared machine can take over a minute to start the server with the demo cases.
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await shaper?.close();
  await server?.stop();
});

interface Sample {
  at: number;
  text: string;
  phase: string | null;
}

describe('sync progress on WPT 3G Slow, at 360 × 740', () => {
  it('moves at least once a second while a few hundred records arrive, then gives the right counts', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    try {
      const page = await openControlled(ctx, `${shaper.url}/?mission=demo`);
      expect(await logIn(page, DEMO.officer.username, DEMO.officer.password)).toBeNull();
      await fillRecord(page, 'Amina Slowlink', '31');
      await fillRecord(page, 'Bilal Slowlink', '45');

      // Every change of the progress line, timed in the page (not by polling from the test).
      await page.evaluate(() => {
        const w = window as unknown as { __samples: Sample[]; __wide: number };
        w.__samples = [];
        w.__wide = 0;
        let last = '';
        new MutationObserver(() => {
          const el = document.querySelector('.sync-detail');
          const text = el?.textContent ?? '';
          w.__wide = Math.max(w.__wide, document.documentElement.scrollWidth);
          if (text && text !== last) {
            last = text;
            w.__samples.push({ at: performance.now(), text, phase: el!.getAttribute('data-phase') });
          }
        }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });

      shaper.setProfile(PROFILES['3g-slow']);
      const downBefore = shaper.snapshot().down.bytes;
      await page.locator('.sync').getByRole('button', { name: 'Sync now' }).click();
      await page.waitForFunction(
        () => {
          const s = document.querySelector('[role=status][data-state]')?.getAttribute('data-state');
          return s === 'done' || s === 'failed';
        },
        undefined,
        { timeout: 120_000 },
      );
      const result = (await page.locator('.sync [role=status]').textContent()) ?? '';
      const downKiB = (shaper.snapshot().down.bytes - downBefore) / 1024;
      const { samples, wide } = await page.evaluate(() => {
        const w = window as unknown as { __samples: Sample[]; __wide: number };
        return { samples: w.__samples, wide: w.__wide };
      });
      shaper.setProfile(OFFICE);

      // What a fresh device of the same account receives now, less the two records this phone sent
      // (the server does not echo a push back to its sender).
      const token = await bearerToken(server.url, DEMO.officer.username, DEMO.officer.password);
      const fresh = await syncOnce(
        new MemorySyncStorage(),
        fetchRemote(`${server.url}/api/sync/demo`, { headers: () => ({ authorization: `Bearer ${token}` }) }),
        { device: 'dev-e2e-count' },
      );
      const expected = fresh.pulledDocs - 2;
      expect(expected).toBeGreaterThan(600);
      expect(result).toBe(`Sync complete: 2 sent, ${expected} received`);

      // The line named what was being sent, then counted records and bytes as they arrived.
      expect(
        samples.some((s) => s.phase === 'send' && /0 of 2 records sent .* sending \d+ byte/.test(s.text)),
      ).toBe(true);
      const receiving = samples.filter((s) => s.phase === 'receive');
      // Then "saving them on this device…" with the whole page counted.
      const counted = samples.filter((s) => s.phase === 'receive' || s.phase === 'store');
      const counts = counted.map((s) =>
        Number(/records received: ([\d,]+)/.exec(s.text)![1]!.replace(/,/g, '')),
      );
      for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]!);
      expect(counts.at(-1)).toBe(expected);
      expect(counted.at(-1)!.text).toMatch(
        /^2 of 2 records sent .* saving on this device: [\d,]+ of [\d,]+$/,
      );
      const span = receiving.at(-1)!.at - receiving[0]!.at;
      const gaps = receiving.slice(1).map((s, i) => s.at - receiving[i]!.at);
      const longest = Math.max(...gaps);
      const fromAnswer = samples.filter((s) => s.at >= receiving[0]!.at);
      const longestToEnd = Math.max(...fromAnswer.slice(1).map((s, i) => s.at - fromAnswer[i]!.at));
      const t0 = samples[0]!.at;
      console.log(
        samples.map((s) => `${(s.at - t0).toFixed(0).padStart(6)} ms ${s.phase}: ${s.text}`).join('\n'),
      );
      console.log(
        `3G Slow: ${downKiB.toFixed(0)} KiB down; receiving for ${(span / 1000).toFixed(1)} s in ${receiving.length} steps, longest gap ${longest.toFixed(0)} ms (${longestToEnd.toFixed(0)} ms until stored); ${samples.length} distinct lines in all`,
      );
      // A pull this size takes seconds on 3G Slow: many distinct steps, none more than a second apart,
      // from the first byte of the answer until the page is stored.
      expect(span).toBeGreaterThan(1500);
      expect(receiving.length).toBeGreaterThan(span / 1000);
      expect(longest).toBeLessThanOrEqual(1000);
      expect(longestToEnd).toBeLessThanOrEqual(1000);
      // The longest line still fits the phone's width.
      expect(wide).toBeLessThanOrEqual(360);
    } finally {
      await ctx.close();
    }
  });

  it(
    'sends many records in batches of about a second each, so "records sent" moves while they go',
    {
      timeout: 600_000,
    },
    async () => {
      const ctx = await browser.newContext({
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      try {
        shaper.setProfile(OFFICE);
        const page = await openControlled(ctx, `${shaper.url}/?mission=demo`);
        expect(await logIn(page, DEMO.interviewer.username, DEMO.interviewer.password)).toBeNull();
        // The phone has synced before, at the office (its cases are on it): the run on 3G Slow is a push.
        expect(await syncNow(page)).toMatch(/^Sync complete: 0 sent, \d+ received$/);
        // 60 records with long notes (letters that gzip does not shrink much): ~130 KB of JSON, one
        // request of a few seconds on 3G Slow if sent at once.
        let seed = 7;
        const letters = () =>
          Array.from({ length: 1990 }, () => {
            seed = (seed * 1103515245 + 12345) % 2 ** 31;
            return String.fromCharCode(97 + (seed % 26));
          }).join('');
        const N = 60;
        for (let i = 0; i < N; i++) await fillRecord(page, `Upload ${i}`, String(20 + (i % 50)), letters());

        await page.evaluate(() => {
          const w = window as unknown as { __samples: Sample[] };
          w.__samples = [];
          let last = '';
          new MutationObserver(() => {
            const el = document.querySelector('.sync-detail');
            const text = el?.textContent ?? '';
            if (text && text !== last) {
              last = text;
              w.__samples.push({ at: performance.now(), text, phase: el!.getAttribute('data-phase') });
            }
          }).observe(document.body, {
            subtree: true,
            childList: true,
            characterData: true,
            attributes: true,
          });
        });
        shaper.setProfile(PROFILES['3g-slow']);
        const upBefore = shaper.snapshot().up.bytes;
        await page.locator('.sync').getByRole('button', { name: 'Sync now' }).click();
        await page.waitForFunction(
          () => {
            const s = document.querySelector('[role=status][data-state]')?.getAttribute('data-state');
            return s === 'done' || s === 'failed';
          },
          undefined,
          { timeout: 180_000 },
        );
        const result = (await page.locator('.sync [role=status]').textContent()) ?? '';
        const upKiB = (shaper.snapshot().up.bytes - upBefore) / 1024;
        const samples = await page.evaluate(() => (window as unknown as { __samples: Sample[] }).__samples);
        shaper.setProfile(OFFICE);
        expect(result).toMatch(new RegExp(`^Sync complete: ${N} sent, \\d+ received$`));

        // "k of 60 records sent" took several values on the way, each batch announced as it went.
        const sent = samples
          .map((s) => /([\d,]+) of ([\d,]+) records sent/.exec(s.text))
          .filter((m): m is RegExpExecArray => m !== null && Number(m[2]) === N)
          .map((m) => Number(m[1]));
        const steps = [...new Set(sent)];
        const sends = samples.filter((s) => s.phase === 'send');
        const pushing = samples.filter((s) => s.at <= (sends.at(-1)?.at ?? 0) + 1);
        const gaps = pushing.slice(1).map((s, i) => s.at - pushing[i]!.at);
        const t0 = samples[0]!.at;
        console.log(
          samples.map((s) => `${(s.at - t0).toFixed(0).padStart(6)} ms ${s.phase}: ${s.text}`).join('\n'),
        );
        console.log(
          `3G Slow upload: ${upKiB.toFixed(0)} KiB up; records sent moved through ${steps.join(', ')}; ${sends.length} batches; longest gap while sending ${Math.max(...gaps).toFixed(0)} ms`,
        );
        expect(steps[0]).toBe(0);
        expect(steps.at(-1)).toBe(N);
        expect(steps.length).toBeGreaterThanOrEqual(4); // 0, at least two batches on the way, N
        for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1]!);
        expect(sends.length).toBeGreaterThanOrEqual(3);
        // The line changes while the records go: batches of about 0.75 s of sending (the round trip and
        // the server's write included). Runs of 2026-12-03 at load 18-22: every gap under 1 s but the
        // first round trip's (1.3 s: the slow link's first request and the server's first write),
        // hence the bound of 1.5 s rather than 1 s on this shared machine.
        expect(Math.max(...gaps)).toBeLessThanOrEqual(1500);
        const later = gaps.slice(2);
        expect(later.filter((g) => g > 1000).length).toBeLessThanOrEqual(1);
      } finally {
        await ctx.close();
      }
    },
  );
});
