import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProfileBody } from '../document/schema.ts';
import { transition } from '../editions/workflow.ts';
import { isProfileError } from '../errors.ts';
import { importSdmxCsv } from '../import/sdmx-csv.ts';
import { AT, NOW, kenyaProfile } from '../test-profile.ts';
import { figuresCsv } from './figures-export.ts';
import { chartSvg } from './report-chart.ts';
import { reportHtml } from './report-html.ts';
import { reportModel } from './report-model.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../import/fixtures/${name}`, import.meta.url), 'utf8');

function publishedProfile(): ProfileBody {
  let p = importSdmxCsv(kenyaProfile(), fixture('ken-sdmx-v1.csv'), { now: NOW }).profile;
  p = importSdmxCsv(p, fixture('ken-sdmx-v2-labels.csv'), { now: NOW }).profile;
  const table = (id: string, indicators: string[], en: string) => ({
    _id: id,
    title: { en },
    indicators,
    chart: 'bar' as const,
  });
  p = {
    ...p,
    sections: {
      ...p.sections,
      'migrants-in-country': {
        ...p.sections['migrants-in-country'],
        paragraphs: [
          {
            _id: 'p1',
            text: {
              en: 'About a million migrants live in Kenya.',
              fr: 'Environ un million de migrants vivent au Kenya.',
            },
          },
        ],
        tables: [table('t-stock', ['foreign-born-stock', 'immigration'], 'Migrants and arrivals')],
      },
      remittances: {
        ...p.sections.remittances,
        paragraphs: [{ _id: 'p2', text: { en: 'Remittances keep growing.' } }],
        tables: [
          table('t-rem', ['remittances'], 'Remittances received'),
          table('t-imm', ['immigration'], 'Arrivals again'),
        ],
      },
    },
  };
  const actor = (role: 'team' | 'reviewer' | 'publisher') => ({ by: role, roles: [role], at: AT });
  return transition(
    transition(transition(p, 'submit', actor('team')), 'approve', actor('reviewer')),
    'publish',
    actor('publisher'),
  );
}

describe('the report model', () => {
  const m = reportModel(publishedProfile(), 'fr');

  it('has a table of contents of the nine sections in the report language', () => {
    expect(m.toc).toHaveLength(9);
    expect(m.toc[1]).toEqual({
      number: 2,
      id: 'migrants-in-country',
      anchor: 'section-migrants-in-country',
      title: 'Migrants dans le pays',
    });
    expect([m.title, m.country, m.dir, m.edition.number, m.edition.draft]).toEqual([
      'Migration au Kenya : profil de pays',
      { code: 'KEN', name: 'Kenya' },
      'ltr',
      1,
      false,
    ]);
  });

  it('text in the report language, marked when it falls back to the first language', () => {
    expect(m.sections[1]!.paragraphs).toEqual([
      { text: 'Environ un million de migrants vivent au Kenya.', fallback: false },
    ]);
    expect(m.sections[3]!.paragraphs).toEqual([{ text: 'Remittances keep growing.', fallback: true }]);
  });

  it('tables put sources side by side, flag disagreeing years, and cite sources as numbered footnotes in order of first use', () => {
    const t = m.sections[1]!.tables[0]!;
    expect(t.years).toEqual([2015, 2019, 2020, 2021, 2022]);
    expect(t.rows.map((r) => [r.indicator, r.footnote, r.cells, r.disagreeYears])).toEqual([
      ['foreign-born-stock', 1, [null, 1_044_916, null, null, null], []],
      ['foreign-born-stock', 2, [1_084_400, null, 1_050_100, null, null], []],
      ['immigration', 3, [null, null, null, 40_900, 38_000], [2022]],
      ['immigration', 4, [null, null, null, 41_200, 45_000], [2022]],
    ]);
    expect(m.footnotes).toEqual([
      { n: 1, source: 'KNBS 2019 Kenya Population and Housing Census' },
      { n: 2, source: 'UN DESA International Migrant Stock 2024' },
      { n: 3, source: 'Kenya Department of Immigration register' },
      { n: 4, source: 'UN DESA International Migration Flows' },
      { n: 5, source: 'World Bank / KNOMAD remittance data' },
    ]);
    // A source cited again later keeps its number.
    expect(m.sections[3]!.tables[1]!.rows.map((r) => r.footnote)).toEqual([3, 4]);
    expect(m.sections[1]!.tables[0]!.rows[2]!.notes).toEqual([
      { year: 2021, text: 'normal value' },
      { year: 2022, text: 'provisional value' },
    ]);
  });

  it('Arabic reports are right-to-left with Arabic section titles', () => {
    const ar = reportModel(publishedProfile(), 'ar');
    expect([ar.dir, ar.toc[3]!.title, ar.country.name]).toEqual(['rtl', 'التحويلات المالية', 'كينيا']);
  });

  it('refuses an unpublished edition, unless asked for a preview marked draft', () => {
    try {
      reportModel(kenyaProfile(), 'en');
      throw new Error('made');
    } catch (e) {
      expect(isProfileError(e, 'TERN_PROFILE_TRANSITION_REFUSED')).toBe(true);
    }
    expect(reportModel(kenyaProfile(), 'en', { preview: true }).edition.draft).toBe(true);
  });

  it('a draft preview says so on every printed page, in its title, and asks not to be indexed', () => {
    const html = reportHtml(reportModel(kenyaProfile(), 'fr', { preview: true }));
    // A fixed element repeats on every page Chromium prints.
    expect(html).toMatch(/<p class="draft-mark" data-draft>Projet — non publié<\/p>/);
    expect(html).toMatch(/\.draft-mark \{ position: fixed;/);
    expect(html).toMatch(/<title>Projet — non publié: /);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    const published = reportHtml(reportModel(publishedProfile(), 'fr'));
    expect(published).not.toContain('data-draft');
    expect(published).not.toContain('noindex');
  });

  it('the figures export lists every value with its source, definition and reliability', () => {
    const csv = figuresCsv(publishedProfile());
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'indicator,indicator_name,country,year,value,unit,source,definition,reliability,note',
    );
    expect(lines).toHaveLength(12);
    expect(lines).toContain(
      'asylum-applications,First-time asylum applicants,KEN,2022,21340,persons,UNHCR Refugee Data Finder,Persons lodging an application for international protection for the first time in the country during the year.,"Counts cases, not persons, for some nationalities",',
    );
  });
});

describe('the printable page', () => {
  const withHostileText = (p: ProfileBody): ProfileBody => ({
    ...p,
    sections: {
      ...p.sections,
      'policy-institutions': {
        ...p.sections['policy-institutions'],
        paragraphs: [{ _id: 'px', text: { en: '<script>alert(1)</script> & "quotes"' } }],
      },
    },
  });

  it('escapes every text of the document and links each contents entry and footnote to its target', () => {
    const html = reportHtml(reportModel(withHostileText(publishedProfile()), 'en'));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((x) => x[1]!);
    const ids = new Set([...html.matchAll(/id="([^"]+)"/g)].map((x) => x[1]!));
    expect(hrefs.length).toBeGreaterThan(9);
    expect(hrefs.filter((h) => !ids.has(h))).toEqual([]);
    expect(html).toContain('<li id="fn-5">World Bank / KNOMAD remittance data</li>');
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).not.toMatch(/src=|<link|@import|url\(/); // loads nothing from anywhere
  });

  it('marks the disagreeing cells, formats numbers in the report language, and is right-to-left in Arabic', () => {
    const fr = reportHtml(reportModel(publishedProfile(), 'fr'));
    expect(fr).toMatch(/<html lang="fr" dir="ltr">/);
    expect(fr).toContain('1\u202f044\u202f916'); // French groups thousands with a narrow no-break space
    // Immigration 2022, both sources, in each of the two tables that show immigration.
    expect(fr.match(/class="num disagree"/g)).toHaveLength(4);
    expect(fr).toContain('data-note="pas encore traduit"'); // the English-only paragraph
    const ar = reportHtml(reportModel(publishedProfile(), 'ar'));
    expect(ar).toMatch(/<html lang="ar" dir="rtl">/);
    expect(ar).toContain('<h2>المحتويات</h2>');
    expect(reportHtml(reportModel(kenyaProfile(), 'en', { preview: true }))).toContain(
      'Draft — not published',
    );
    expect(fr).not.toContain('class="draft"');
  });
});

describe('charts and the gap assessment in the report', () => {
  it('the data-gaps section carries the gaps as of publication, with their plans', () => {
    const m = reportModel(publishedProfile(), 'en');
    expect(m.gaps.filter((g) => g.kind === 'stale').map((g) => g.indicator)).toEqual(['foreign-born-stock']);
    const imm = m.gaps.find((g) => g.indicator === 'immigration' && g.kind === 'missing')!;
    expect(imm.years).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2023, 2024, 2025]);
    const html = reportHtml(m);
    const gapsSection = html.slice(html.indexOf('<section id="section-data-gaps"'));
    expect(gapsSection).toContain('<table class="gaps">');
    expect(gapsSection).toContain('latest figure too old');
    expect(gapsSection.match(/no plan yet/g)).toHaveLength(m.gaps.length);
  });

  it('bar charts draw one bar per value; a line breaks where a source has no value', () => {
    const html = reportHtml(reportModel(publishedProfile(), 'en'));
    // t-stock: 7 values, t-rem: 2, t-imm: 4 (every table of the fixture is a bar chart).
    expect(html.match(/<rect /g)).toHaveLength(13);
    expect(html.match(/<svg /g)).toHaveLength(3);
    const row = {
      indicator: 'immigration',
      name: 'Immigration',
      unit: 'persons',
      source: 'S',
      footnote: 1,
      disagreeYears: [],
      notes: [],
    };
    const table = {
      id: 't',
      title: 'T',
      years: [2020, 2021, 2022, 2023],
      rows: [{ ...row, cells: [1, null, 3, 4] }],
    };
    const line = chartSvg({ ...table, chart: 'line' }, 'en');
    expect(line.match(/<polyline /g)).toHaveLength(1);
    expect(line.match(/<circle /g)).toHaveLength(3);
    expect(chartSvg({ ...table, chart: 'none' }, 'en')).toBe('');
    // Rows in two units make two charts, each on its own scale.
    const usd = {
      ...row,
      indicator: 'remittances',
      unit: 'USD million (current prices)',
      cells: [5, 6, 7, 8],
    };
    expect(
      chartSvg({ ...table, chart: 'bar', rows: [{ ...row, cells: [1, 2, 3, 4] }, usd] }, 'en').match(
        /<svg /g,
      ),
    ).toHaveLength(2);
    expect(chartSvg({ ...table, title: '<b>"x"</b>', chart: 'line' }, 'en')).not.toContain('<b>');
  });
});
