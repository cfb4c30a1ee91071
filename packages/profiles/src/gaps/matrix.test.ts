import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueKey } from '../document/keys.ts';
import type { ProfileBody } from '../document/schema.ts';
import { importCsv } from '../import/long-table.ts';
import { values } from '../test-arbitraries.ts';
import { NOW, kenyaProfile } from '../test-profile.ts';
import { gapMatrix, overduePlans, unplannedGaps } from './matrix.ts';

/** The fixture: 16 values of three indicators, plus emigration in a table with no value at all. */
function fixtureProfile(): ProfileBody {
  const text = readFileSync(new URL('./fixtures/kenya-values.csv', import.meta.url), 'utf8');
  const p = importCsv(kenyaProfile(), text, { now: NOW }).profile;
  const table = {
    _id: 't-emi',
    title: { en: 'Emigration' },
    indicators: ['emigration'],
    chart: 'line' as const,
  };
  const plan = (gap: string, status: 'open' | 'done', due: string) => ({
    _id: `plan-${gap.replace(':', '-')}`,
    gap,
    institution: 'Kenya National Bureau of Statistics',
    action: 'Add a migration module to the labour force survey',
    due,
    status,
  });
  return {
    ...p,
    sections: {
      ...p.sections,
      'emigration-diaspora': { ...p.sections['emigration-diaspora'], tables: [table] },
    },
    gapPlans: [
      plan('missing:emigration', 'open', '2026-03-31'),
      plan('stale:foreign-born-stock', 'done', '2025-12-31'),
      plan('missing:asylum-applications', 'open', '2027-01-31'),
    ],
  };
}

describe('the data-gap matrix from a fixture, cell by cell', () => {
  const m = gapMatrix(fixtureProfile(), { now: NOW, years: { from: 2018, to: 2025 } });
  const block = (id: string) => m.blocks.find((b) => b.indicator === id)!;
  const _ = null;

  it('has the years and indicators asked for (table indicators included, sorted)', () => {
    expect(m.years).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(m.blocks.map((b) => b.indicator)).toEqual([
      'emigration',
      'foreign-born-stock',
      'immigration',
      'remittances',
    ]);
    expect([m.currentYear, m.staleAfterYears]).toEqual([2026, 5]);
  });

  it('immigration: two sources, each cell, coverage, missing years, latest year', () => {
    const b = block('immigration');
    expect(b.rows.map((r) => [r.source, r.cells, r.latestYear, r.stale])).toEqual([
      ['Kenya Department of Immigration register', [_, _, _, 40900, 38000, _, 39500, _], 2024, false],
      ['UN DESA International Migration Flows', [40000, 41000, _, 41200, 45000, _, _, _], 2022, false],
    ]);
    expect(b.coverage).toEqual([1, 1, 0, 2, 2, 0, 1, 0]);
    expect(b.missingYears).toEqual([2020, 2023, 2025]);
    expect([b.latestYear, b.stale]).toEqual([2024, false]);
  });

  it('foreign-born stock: a census and an estimate, both older than five years: stale', () => {
    const b = block('foreign-born-stock');
    expect(b.rows.map((r) => [r.source, r.cells, r.latestYear, r.stale])).toEqual([
      ['KNBS 2019 Census', [_, 1044916, _, _, _, _, _, _], 2019, true],
      ['UN DESA International Migrant Stock 2024', [_, _, 1050100, _, _, _, _, _], 2020, true],
    ]);
    expect(b.coverage).toEqual([0, 1, 1, 0, 0, 0, 0, 0]);
    expect(b.missingYears).toEqual([2018, 2021, 2022, 2023, 2024, 2025]);
    expect([b.latestYear, b.stale]).toEqual([2020, true]);
  });

  it('remittances: one source, the last two years missing', () => {
    const b = block('remittances');
    expect(b.rows.map((r) => [r.source, r.cells, r.latestYear, r.stale])).toEqual([
      [
        'World Bank / KNOMAD remittance data',
        [2720.1, 2839.5, 3094.6, 3718.4, 4027.6, 4190, _, _],
        2023,
        false,
      ],
    ]);
    expect(b.coverage).toEqual([1, 1, 1, 1, 1, 1, 0, 0]);
    expect(b.missingYears).toEqual([2024, 2025]);
  });

  it('emigration: in a table with no figure at all — every year missing, and stale', () => {
    const b = block('emigration');
    expect(b.rows).toEqual([]);
    expect(b.coverage).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(b.missingYears).toEqual(m.years);
    expect([b.latestYear, b.stale]).toEqual([null, true]);
  });

  it('gaps with their plans, gaps without a plan, overdue and orphan plans', () => {
    expect(m.gaps.map((g) => [g.key, g.years.length, g.plans.map((p) => p.status)])).toEqual([
      ['missing:emigration', 8, ['open']],
      ['stale:emigration', 0, []],
      ['missing:foreign-born-stock', 6, []],
      ['stale:foreign-born-stock', 0, ['done']],
      ['missing:immigration', 3, []],
      ['missing:remittances', 2, []],
    ]);
    expect(unplannedGaps(m).map((g) => g.key)).toEqual([
      'stale:emigration',
      'missing:foreign-born-stock',
      'missing:immigration',
      'missing:remittances',
    ]);
    expect(m.orphanPlans.map((p) => p.gap)).toEqual(['missing:asylum-applications']);
    expect(overduePlans(fixtureProfile().gapPlans, '2026-06-30').map((p) => p.gap)).toEqual([
      'missing:emigration',
    ]);
  });

  it('a shorter staleness threshold and the default year range change the assessment', () => {
    const strict = gapMatrix(fixtureProfile(), {
      now: NOW,
      staleAfterYears: 2,
      years: { from: 2018, to: 2025 },
    });
    // Stale before 2024: immigration's 2024 register figure is not; remittances' 2023 figure now is.
    expect(strict.blocks.filter((b) => b.stale).map((b) => b.indicator)).toEqual([
      'emigration',
      'foreign-born-stock',
      'remittances',
    ]);
    const all = gapMatrix(fixtureProfile(), { now: NOW });
    expect([all.years[0], all.years.at(-1)]).toEqual([2016, 2025]);
    // A figure for the current year extends the range to it.
    const withNow = gapMatrix(
      {
        ...fixtureProfile(),
        values: [
          ...fixtureProfile().values.slice(0, 1),
          {
            ...fixtureProfile().values[0]!,
            year: 2026,
            _id: valueKey('immigration', 2026, 'UN DESA International Migration Flows'),
          },
        ],
      },
      { now: NOW },
    );
    expect(withNow.years.at(-1)).toBe(2026);
  });

  it('refuses a range that is empty or too long', () => {
    expect(() => gapMatrix(fixtureProfile(), { now: NOW, years: { from: 2020, to: 2019 } })).toThrow(
      RangeError,
    );
    expect(() => gapMatrix(fixtureProfile(), { now: NOW, years: { from: 1700, to: 2026 } })).toThrow(
      RangeError,
    );
  });
});

describe('gap matrix properties (fixed seed)', () => {
  it('with the default range, the cells with a value are exactly the values', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const m = gapMatrix({ ...kenyaProfile(), values: vs }, { now: NOW });
        const cells = m.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells)).filter((c) => c !== null);
        expect(cells).toHaveLength(vs.length);
        expect(m.blocks.reduce((n, b) => n + b.coverage.reduce((x, y) => x + y, 0), 0)).toBe(vs.length);
      }),
      { seed: 1532, numRuns: 200 },
    );
  });
});
