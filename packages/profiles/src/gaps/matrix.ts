// The data-gap assessment (decision 132): an indicator × year × source availability matrix computed from
// a profile's values, the years no source covers, the indicators whose latest figure is stale, and the
// gap plans that answer each gap. Pure: the current year is a parameter.
import type { GapPlan, ProfileBody } from '../document/schema.ts';

export interface SourceRow {
  source: string;
  /** The value for each year of `years` (null: this source has none). */
  cells: Array<number | null>;
  latestYear: number | null;
  stale: boolean;
}

export interface IndicatorBlock {
  indicator: string;
  rows: SourceRow[];
  /** How many sources give a value, for each year of `years`. */
  coverage: number[];
  /** Years of the range no source covers. */
  missingYears: number[];
  latestYear: number | null;
  /** The latest figure of any source is older than `staleAfterYears` (or there is none). */
  stale: boolean;
}

export interface Gap {
  /** `missing:<indicator>` or `stale:<indicator>`: what gap plans refer to. */
  key: string;
  kind: 'missing' | 'stale';
  indicator: string;
  /** Missing: the uncovered years. Stale: empty. */
  years: number[];
  latestYear: number | null;
  plans: GapPlan[];
}

export interface GapMatrix {
  years: number[];
  blocks: IndicatorBlock[];
  gaps: Gap[];
  /** Plans whose gap no longer exists (closed by data, or a mistyped key): for reviewers to close. */
  orphanPlans: GapPlan[];
  staleAfterYears: number;
  currentYear: number;
}

export interface MatrixOptions {
  now: Date;
  /** Indicators shown; default: those of the profile's tables and values, sorted. */
  indicators?: readonly string[];
  /**
   * Years shown; default: the first year with a value (or ten years back) to the last complete year
   * (the current year's figures cannot be out yet, so it is not counted as a gap unless it has values).
   */
  years?: { from: number; to: number };
  staleAfterYears?: number;
}

const MAX_YEARS = 201;

export function gapMatrix(
  doc: Pick<ProfileBody, 'values' | 'sections' | 'settings' | 'gapPlans'>,
  opts: MatrixOptions,
): GapMatrix {
  const currentYear = opts.now.getUTCFullYear();
  const staleAfterYears = opts.staleAfterYears ?? doc.settings.staleAfterYears;
  const valueYears = doc.values.map((v) => v.year);
  const from = opts.years?.from ?? Math.min(currentYear - 10, ...valueYears);
  const to = opts.years?.to ?? Math.max(currentYear - 1, ...valueYears);
  if (!(Number.isInteger(from) && Number.isInteger(to) && to >= from && to - from < MAX_YEARS))
    throw new RangeError(`years ${from}–${to}: a range of 1 to ${MAX_YEARS} whole years`);
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const tableIndicators = Object.values(doc.sections).flatMap((s) => s.tables.flatMap((t) => t.indicators));
  const indicators =
    opts.indicators ?? [...new Set([...tableIndicators, ...doc.values.map((v) => v.indicator)])].sort();
  const staleBefore = currentYear - staleAfterYears;

  const blocks = indicators.map((indicator): IndicatorBlock => {
    const mine = doc.values.filter((v) => v.indicator === indicator);
    const sources = [...new Set(mine.map((v) => v.source))].sort((a, b) => a.localeCompare(b));
    const rows = sources.map((source): SourceRow => {
      const own = mine.filter((v) => v.source === source);
      const cells = years.map((y) => own.find((v) => v.year === y)?.value ?? null);
      const latestYear = own.length ? Math.max(...own.map((v) => v.year)) : null;
      return { source, cells, latestYear, stale: latestYear === null || latestYear < staleBefore };
    });
    const coverage = years.map((_, i) => rows.filter((r) => r.cells[i] !== null).length);
    const latestYear = mine.length ? Math.max(...mine.map((v) => v.year)) : null;
    return {
      indicator,
      rows,
      coverage,
      missingYears: years.filter((_, i) => coverage[i] === 0),
      latestYear,
      stale: latestYear === null || latestYear < staleBefore,
    };
  });

  const plansFor = (key: string) => doc.gapPlans.filter((p) => p.gap === key);
  const gaps: Gap[] = blocks.flatMap((b) => {
    const out: Gap[] = [];
    const base = { indicator: b.indicator, latestYear: b.latestYear };
    if (b.missingYears.length) {
      const key = `missing:${b.indicator}`;
      out.push({ key, kind: 'missing', years: b.missingYears, plans: plansFor(key), ...base });
    }
    if (b.stale) {
      const key = `stale:${b.indicator}`;
      out.push({ key, kind: 'stale', years: [], plans: plansFor(key), ...base });
    }
    return out;
  });
  const keys = new Set(gaps.map((g) => g.key));
  const orphanPlans = doc.gapPlans.filter((p) => !keys.has(p.gap));
  return { years, blocks, gaps, orphanPlans, staleAfterYears, currentYear };
}

/** Gaps with no plan that is open, in progress or done: what reviewers follow up first. */
export const unplannedGaps = (m: GapMatrix): Gap[] =>
  m.gaps.filter((g) => !g.plans.some((p) => p.status !== 'dropped'));

/** Plans past their due date and not done or dropped, on `today` (ISO date). */
export const overduePlans = (plans: readonly GapPlan[], today: string): GapPlan[] =>
  plans.filter((p) => (p.status === 'open' || p.status === 'in_progress') && p.due < today);
