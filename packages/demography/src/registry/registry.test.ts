import { describe, expect, it } from 'vitest';
import { isDemographyError } from '../errors.ts';
import { INDICATORS } from './indicators.ts';
import { IndicatorRegistry, type IndicatorValue, checkIndicatorValues } from './values.ts';

const v = (over: Partial<IndicatorValue> = {}): IndicatorValue => ({
  indicator: 'immigration',
  geo: 'AUT',
  year: 2022,
  value: 261_000,
  unit: 'persons',
  source: 'Eurostat migr_imm1ctz',
  ...over,
});

describe('indicator registry', () => {
  it('defines each harmonised indicator fully, with the definition it follows', () => {
    const ids = INDICATORS.map((i) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'immigration',
        'emigration',
        'net-migration',
        'foreign-born-stock',
        'foreign-citizen-stock',
        'asylum-applications',
        'remittances',
        'vots-assisted',
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (const i of INDICATORS) {
      expect(i.name.trim()).not.toBe('');
      for (const text of [i.definition, i.coverage, i.methodNotes]) expect(text.length).toBeGreaterThan(20);
      expect(i.sources.length).toBeGreaterThan(0);
      expect(i.follows.length).toBeGreaterThan(0);
    }
  });

  it('keeps the values of several sources side by side, each with its source and year', () => {
    const r = new IndicatorRegistry();
    r.add([
      v(),
      v({ source: 'UN DESA International Migration Flows', value: 259_500 }),
      v({ year: 2021, value: 200_000 }),
    ]);
    expect(r.series('immigration', 'AUT').map((x) => [x.year, x.source])).toEqual([
      [2021, 'Eurostat migr_imm1ctz'],
      [2022, 'Eurostat migr_imm1ctz'],
      [2022, 'UN DESA International Migration Flows'],
    ]);
    expect(r.disagreements()).toEqual([]);
    r.add([v({ source: 'OECD International Migration Database', value: 120_000 })]);
    expect(r.disagreements()).toHaveLength(1);
  });

  it('refuses a batch with any bad value and adds none of it', () => {
    const r = new IndicatorRegistry();
    const batch = [
      v(),
      v({ indicator: 'emigration', value: -5 }),
      v({ indicator: 'remittances', unit: 'persons' }),
      v({ indicator: 'happiness' }),
      v({ geo: 'Austria' }),
      v({ year: 22 }),
      v({ source: ' ' }),
    ];
    try {
      r.add(batch);
      expect.unreachable();
    } catch (e) {
      expect(isDemographyError(e, 'TERN_DEMOGRAPHY_INDICATOR_INVALID')).toBe(true);
    }
    expect(r.size).toBe(0);
    expect(checkIndicatorValues(batch).map((p) => p.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(
      checkIndicatorValues([v({ indicator: 'net-migration', value: -12_000 }), v({ geo: 'AT13' })]),
    ).toEqual([]);
  });

  it('refuses two different values from the same source for the same indicator, place and year', () => {
    const r = new IndicatorRegistry();
    r.add([v()]);
    expect(() => r.add([v({ value: 1 })])).toThrow(/contradicts/);
    r.add([v()]); // the same value again is not a contradiction, and is not stored twice
    expect(r.size).toBe(1);
  });
});
