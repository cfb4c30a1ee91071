import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSdmxCsv } from '../import/sdmx-csv.ts';
import { NOW, kenyaProfile } from '../test-profile.ts';
import { disagreements, relativeSpread, sideBySide, toleranceOf } from './side-by-side.ts';

const fixture = readFileSync(new URL('../import/fixtures/ken-sdmx-v1.csv', import.meta.url), 'utf8');
const profile = importSdmxCsv(kenyaProfile(), fixture, { now: NOW }).profile;

describe('sources side by side', () => {
  it('lists every indicator and year with all its sources, never averaged', () => {
    const cells = sideBySide(profile);
    expect(cells.map((c) => [c.indicator, c.year, c.values.map((v) => v.value)])).toEqual([
      ['foreign-born-stock', 2015, [1_084_400]],
      ['foreign-born-stock', 2019, [1_044_916]],
      ['foreign-born-stock', 2020, [1_050_100]],
      ['immigration', 2021, [40_900, 41_200]],
      ['immigration', 2022, [38_000, 45_000]],
      ['remittances', 2022, [4027.6]],
      ['remittances', 2023, [4190]],
    ]);
  });

  it('flags a disagreement beyond the default 5 % (45,000 against 38,000) and not within it', () => {
    const d = disagreements(profile);
    expect(d.map((c) => [c.indicator, c.year, Number(c.spread.toFixed(4)), c.tolerance])).toEqual([
      ['immigration', 2022, 0.1556, 0.05],
    ]);
  });

  it('uses the indicator’s own tolerance, then the profile default', () => {
    const loose = {
      ...profile,
      settings: { ...profile.settings, tolerance: { default: 0.05, immigration: 0.2 } },
    };
    expect(disagreements(loose)).toEqual([]);
    const strict = { ...profile, settings: { ...profile.settings, tolerance: { default: 0.001 } } };
    expect(disagreements(strict).map((c) => c.year)).toEqual([2021, 2022]);
    expect(toleranceOf({ tolerance: {}, staleAfterYears: 5 }, 'immigration')).toBe(0.05);
  });

  it('relative spread: zero for one source or all zeros; signed values measured on the largest magnitude', () => {
    expect([
      relativeSpread([5]),
      relativeSpread([0, 0]),
      relativeSpread([-100, 100]),
      relativeSpread([90, 100]),
    ]).toEqual([0, 0, 2, 0.1]);
  });
});
