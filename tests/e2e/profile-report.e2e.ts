import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ProfileBody,
  importSdmxCsv,
  newProfile,
  reportHtml,
  reportModel,
  transition,
} from '@tern/profiles';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { ROOT } from '../support/server-process.ts';

/**
 * Issue 15's printable profile: a published edition's report page printed to PDF by Chromium's own
 * printing (A4), then read back with PDF.js: its page count and the text on the pages. No server is
 * needed: the page is self-contained (packages/profiles/src/report/report-html.ts).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const AT = '2026-06-01T09:00:00.000Z';
const fixture = (name: string) =>
  readFileSync(join(ROOT, 'packages/profiles/src/import/fixtures', name), 'utf8');

function publishedKenya(): ProfileBody {
  let p = newProfile({
    country: 'KEN',
    title: { en: 'Migration in Kenya: a country profile', ar: 'الهجرة في كينيا: ملف قطري' },
    languages: ['en', 'ar'],
    by: 'wanjiru',
    at: AT,
    device: 'e2e',
  });
  p = importSdmxCsv(p, fixture('ken-sdmx-v1.csv'), { now: new Date(AT) }).profile;
  const trends = p.sections['migration-trends'];
  p = {
    ...p,
    sections: {
      ...p.sections,
      'migration-trends': {
        ...trends,
        paragraphs: [
          {
            _id: 'p1',
            text: {
              en: 'Kenya hosts about one million migrants, most of them refugees.',
              ar: 'تستضيف كينيا نحو مليون مهاجر، معظمهم من اللاجئين.',
            },
          },
        ],
        tables: [
          {
            _id: 't1',
            title: { en: 'Immigration by source', ar: 'الهجرة الوافدة حسب المصدر' },
            indicators: ['immigration', 'foreign-born-stock'],
            chart: 'line',
          },
        ],
      },
    },
  };
  const as = (role: 'team' | 'reviewer' | 'publisher') => ({ by: role, roles: [role], at: AT });
  p = transition(p, 'submit', as('team'));
  p = transition(p, 'approve', as('reviewer'));
  return transition(p, 'publish', as('publisher'));
}

async function printed(lang: string): Promise<string[]> {
  const page = await browser.newPage();
  await page.setContent(reportHtml(reportModel(publishedKenya(), lang)), { waitUntil: 'load' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.close();
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    // Items joined as laid out, as drawn (ligatures and Arabic presentation forms kept: see `read`).
    const text = content.items.map((x) => ('str' in x ? x.str + (x.hasEOL ? '\n' : '') : '')).join('');
    pages.push(text.replace(/\s+/g, ' '));
  }
  await doc.destroy();
  return pages;
}

describe('the printed Migration Profile (Chromium → PDF)', () => {
  it('English: cover, contents, one page per section, sources; figures and footnotes on the pages', async () => {
    // NFKC undoes the ligatures the PDF draws (ﬁ → fi).
    const pages = (await printed('en')).map((p) => p.normalize('NFKC'));
    // Cover, contents, nine sections each from a new page (all short enough for one), the sources.
    expect(pages).toHaveLength(12);
    expect(pages[0]).toContain('Migration in Kenya: a country profile');
    expect(pages[0]).toMatch(/Edition 1 · published 2026-06-01/);
    expect(pages[1]).toContain('Contents');
    expect(pages[1]).toContain('Irregular migration and trafficking in persons');
    expect(pages[2]).toContain('1. Migration trends');
    expect(pages[2]).toContain('45,000');
    expect(pages[2]).toContain('Kenya Department of Immigration register');
    expect(pages[10]).toContain('9. Data gaps');
    expect(pages[11]).toContain('Sources');
    expect(pages[11]).toContain('UN DESA International Migration Flows');
  });

  it('Arabic: the same pages, in Arabic', async () => {
    const pages = await printed('ar');
    expect(pages).toHaveLength(12);
    // A PDF holds Arabic in visual order (drawn left to right) with presentation forms and the lam-alef
    // ligature: reverse the drawn characters, then NFKC gives the letters in reading order.
    const has = (page: string, words: string) =>
      [...page.replace(/\s+/g, '')].reverse().join('').normalize('NFKC').includes(words.replace(/\s+/g, ''));
    expect(has(pages[0]!, 'الهجرة في كينيا')).toBe(true);
    expect(has(pages[1]!, 'المحتويات')).toBe(true);
    // Laid out right to left: the cover title ends at the right margin, not the left.
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    await page.setContent(reportHtml(reportModel(publishedKenya(), 'ar')));
    const box = await page.evaluate(() => {
      const h1 = document.querySelector('h1')!;
      const range = document.createRange();
      range.selectNodeContents(h1);
      const text = range.getBoundingClientRect();
      const block = h1.getBoundingClientRect();
      return {
        dir: getComputedStyle(h1).direction,
        gapRight: block.right - text.right,
        gapLeft: text.left - block.left,
      };
    });
    await page.close();
    expect(box.dir).toBe('rtl');
    expect(box.gapRight).toBeLessThan(2);
    expect(box.gapLeft).toBeGreaterThan(50);
  });
});
