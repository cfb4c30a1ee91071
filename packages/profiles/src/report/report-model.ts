// The printable report's model (decision 134): a published edition as table of contents, numbered
// sections with their text in one language, indicator tables (sources side by side, disagreements
// flagged) and the sources as numbered footnotes. Rendering (HTML with print styles) reads only this.
import { indicatorById } from '@tern/demography';
import { countryName } from '../document/country.ts';
import type { ProfileBody } from '../document/schema.ts';
import { SECTION_IDS, type SectionId, sectionTitle } from '../document/sections.ts';
import { ProfileError } from '../errors.ts';
import { gapMatrix } from '../gaps/matrix.ts';
import { NO_RELIABILITY } from '../import/rows.ts';
import { sideBySide } from '../values/side-by-side.ts';

export interface ReportRow {
  indicator: string;
  name: string;
  unit: string;
  source: string;
  /** The footnote that cites the source. */
  footnote: number;
  cells: Array<number | null>;
  /** Years of this row where sources disagree beyond tolerance. */
  disagreeYears: number[];
  /** Reliability notes the source gave, by year. */
  notes: Array<{ year: number; text: string }>;
}
export interface ReportTable {
  id: string;
  title: string;
  chart: 'none' | 'line' | 'bar';
  years: number[];
  rows: ReportRow[];
}
export interface ReportParagraph {
  text: string;
  /** The paragraph has no text in the report's language: shown in the edition's first language. */
  fallback: boolean;
}
export interface ReportSection {
  number: number;
  id: SectionId;
  anchor: string;
  title: string;
  paragraphs: ReportParagraph[];
  tables: ReportTable[];
}
/** The data-gap assessment as of publication, shown in the "data gaps" section. */
export interface ReportGap {
  indicator: string;
  name: string;
  kind: 'missing' | 'stale';
  years: number[];
  latestYear: number | null;
  plans: Array<{ institution: string; action: string; due: string; status: string }>;
}
export interface ReportModel {
  language: string;
  dir: 'ltr' | 'rtl';
  title: string;
  country: { code: string; name: string };
  edition: { number: number; publishedAt?: string; publishedBy?: string; draft: boolean };
  toc: Array<{ number: number; id: SectionId; anchor: string; title: string }>;
  sections: ReportSection[];
  /** Gaps and their plans, assessed in the year of publication (of the preview: `now`). */
  gaps: ReportGap[];
  footnotes: Array<{ n: number; source: string }>;
}

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'dv', 'yi', 'ckb', 'sd', 'ug']);
export const directionOf = (lang: string): 'ltr' | 'rtl' => (RTL.has(lang.split('-')[0]!) ? 'rtl' : 'ltr');

/** The report of a published edition in `language` (`preview` allows an unpublished one, marked draft). */
export function reportModel(
  doc: ProfileBody,
  language: string,
  opts: { preview?: boolean; now?: Date } = {},
): ReportModel {
  const published = doc.edition.status === 'published';
  if (!published && !opts.preview)
    throw new ProfileError(
      'TERN_PROFILE_TRANSITION_REFUSED',
      `Only a published edition makes the report; edition ${doc.edition.number} is ${doc.edition.status}`,
      { status: doc.edition.status },
    );
  const main = doc.languages[0]!;
  const pick = (t: Record<string, string>): ReportParagraph =>
    t[language] !== undefined
      ? { text: t[language]!, fallback: false }
      : { text: t[main] ?? '', fallback: true };
  const footnotes: Array<{ n: number; source: string }> = [];
  const cite = (source: string) => {
    const had = footnotes.find((f) => f.source === source);
    if (had) return had.n;
    footnotes.push({ n: footnotes.length + 1, source });
    return footnotes.length;
  };
  const disagree = sideBySide(doc).filter((c) => c.disagrees);
  const sections = SECTION_IDS.map((id, i): ReportSection => {
    const s = doc.sections[id];
    const tables = s.tables.map((t): ReportTable => {
      const mine = doc.values.filter((v) => t.indicators.includes(v.indicator));
      const inRange = mine.filter((v) => !t.years || (v.year >= t.years.from && v.year <= t.years.to));
      const years = [...new Set(inRange.map((v) => v.year))].sort((a, b) => a - b);
      const rows = t.indicators.flatMap((indicator) => {
        const def = indicatorById(indicator)!;
        const sources = [
          ...new Set(inRange.filter((v) => v.indicator === indicator).map((v) => v.source)),
        ].sort();
        return sources.map((source): ReportRow => {
          const own = inRange.filter((v) => v.indicator === indicator && v.source === source);
          return {
            indicator,
            name: def.name,
            unit: def.unit,
            source,
            footnote: cite(source),
            cells: years.map((y) => own.find((v) => v.year === y)?.value ?? null),
            disagreeYears: disagree
              .filter((c) => c.indicator === indicator && years.includes(c.year))
              .map((c) => c.year),
            notes: own
              .filter((v) => v.reliability !== NO_RELIABILITY)
              .map((v) => ({ year: v.year, text: v.reliability })),
          };
        });
      });
      return { id: t._id, title: pick(t.title).text, chart: t.chart, years, rows };
    });
    return {
      number: i + 1,
      id,
      anchor: `section-${id}`,
      title: sectionTitle(id, language),
      paragraphs: s.paragraphs.map((p) => pick(p.text)),
      tables,
    };
  });
  const asOf = doc.edition.publishedAt ? new Date(doc.edition.publishedAt) : (opts.now ?? new Date());
  const gaps = gapMatrix(doc, { now: asOf }).gaps.map((g): ReportGap => ({
    indicator: g.indicator,
    name: indicatorById(g.indicator)?.name ?? g.indicator,
    kind: g.kind,
    years: g.years,
    latestYear: g.latestYear,
    plans: g.plans.map(({ institution, action, due, status }) => ({ institution, action, due, status })),
  }));
  return {
    language,
    dir: directionOf(language),
    title: pick(doc.title).text,
    country: { code: doc.country, name: countryName(doc.country, language) },
    edition: {
      number: doc.edition.number,
      ...(doc.edition.publishedAt ? { publishedAt: doc.edition.publishedAt } : {}),
      ...(doc.edition.publishedBy ? { publishedBy: doc.edition.publishedBy } : {}),
      draft: !published,
    },
    toc: sections.map(({ number, id, anchor, title }) => ({ number, id, anchor, title })),
    sections,
    gaps,
    footnotes,
  };
}
