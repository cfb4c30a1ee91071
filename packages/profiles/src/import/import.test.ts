import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProfile } from '../document/schema.ts';
import { type ProfileError, isProfileError } from '../errors.ts';
import { NOW, kenyaProfile } from '../test-profile.ts';
import { type SdmxOptions, importSdmxCsv } from './sdmx-csv.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function refusal(name: string, opts: SdmxOptions = {}): ProfileError {
  const profile = kenyaProfile();
  try {
    importSdmxCsv(profile, fixture(name), { now: NOW, name, ...opts });
  } catch (e) {
    if (isProfileError(e, 'TERN_PROFILE_IMPORT_REJECTED')) return e;
    throw e;
  }
  throw new Error(`${name} was imported`);
}
const rejected = (e: ProfileError) =>
  e.details!.rejected as Array<{ line: number; column?: string; reason: string }>;

describe('SDMX-CSV import', () => {
  it('reads version 1 with units, multipliers, statuses and sources; skips observations marked missing', () => {
    const r = importSdmxCsv(kenyaProfile(), fixture('ken-sdmx-v1.csv'), { now: NOW });
    expect(r.added).toBe(9);
    expect(r.missing).toBe(1);
    parseProfile(r.profile); // the result is a valid document
    const find = (indicator: string, year: number, source: string) =>
      r.profile.values.find(
        (v) => v.indicator === indicator && v.year === year && v.source.startsWith(source),
      );
    expect(find('foreign-born-stock', 2015, 'UN DESA')).toMatchObject({
      value: 1_084_400,
      unit: 'persons',
      reliability: 'estimated value',
    });
    expect(find('remittances', 2023, 'World Bank')).toMatchObject({
      value: 4190,
      unit: 'USD million (current prices)',
      reliability: 'provisional value',
    });
    expect(find('immigration', 2022, 'Kenya')!.value).toBe(38_000);
    expect(find('immigration', 2022, 'UN DESA')!.value).toBe(45_000);
    expect(find('immigration', 2023, 'Kenya')).toBeUndefined();
    expect(find('immigration', 2021, 'Kenya')!.definition).toMatch(/usual residence/);
  });

  it('reads version 2 with labels in headers and codes, and a comment as the reliability note', () => {
    const r = importSdmxCsv(kenyaProfile(), fixture('ken-sdmx-v2-labels.csv'), { now: NOW });
    expect(r.profile.values.map((v) => [v.indicator, v.year, v.value, v.reliability])).toEqual([
      ['asylum-applications', 2022, 21340, 'Counts cases, not persons, for some nationalities'],
      ['asylum-applications', 2023, 24511, 'not stated by the source'],
    ]);
  });

  it('reads a Eurostat file: alpha-2 geo, lower-case headers, indicator and source from the dataflow', () => {
    const austria = { ...kenyaProfile(), country: 'AUT' };
    const opts = {
      now: NOW,
      dataflows: { MIGR_IMM1CTZ: { indicator: 'immigration', source: 'Eurostat migr_imm1ctz' } },
    };
    const r = importSdmxCsv(austria, fixture('aut-eurostat.csv'), opts);
    expect(r.profile.values.map((v) => [v.year, v.value, v.source, v.reliability])).toEqual([
      [2021, 140053, 'Eurostat migr_imm1ctz', 'not stated by the source'],
      [2022, 261925, 'Eurostat migr_imm1ctz', 'break in series'],
    ]);
    // Without the dataflow mapping nothing says which indicator or source: refused, nothing imported.
    expect(() => importSdmxCsv(austria, fixture('aut-eurostat.csv'), { now: NOW })).toThrow(
      /line 2: unknown indicator/,
    );
  });

  it('refuses an unknown dimension on the header line, with the column', () => {
    const e = refusal('bad-unknown-dimension.csv');
    expect(rejected(e)).toEqual([
      {
        line: 1,
        column: 'CITIZENSHIP',
        reason: 'unknown dimension or attribute "CITIZENSHIP": Tern would drop it and mix different figures',
      },
    ]);
    expect(e.message).toMatch(/^Nothing imported from bad-unknown-dimension.csv: 1 problem/);
  });

  // One bad file per kind of error: each refused with its line (the file's own, after a quoted line
  // break too), its column and a reason a user can act on.
  it.each([
    [
      'bad-no-source.csv',
      [
        {
          line: 4,
          column: 'source',
          reason: 'the value has no source: every figure must say where it comes from',
        },
      ],
    ],
    ['bad-future-year.csv', [{ line: 3, column: 'year', reason: '2031 is in the future (after 2026)' }]],
    [
      'bad-non-numeric.csv',
      [
        { line: 2, column: 'value', reason: '"n/a" is not a number' },
        { line: 3, column: 'value', reason: '"45,000" is not a number' },
      ],
    ],
    [
      'bad-unknown-country.csv',
      [
        { line: 2, column: 'country', reason: 'unknown country "ZZZ" (ISO 3166 alpha-3 or alpha-2)' },
        { line: 3, column: 'country', reason: "the row is for UGA, this profile is KEN's" },
      ],
    ],
    ['bad-duplicate.csv', [{ line: 4, reason: 'duplicate of line 2: the same indicator, year and source' }]],
  ])('refuses %s with each line and reason', (name, expected) => {
    expect(rejected(refusal(name))).toEqual(expected);
  });

  it('a year in the future is judged against the current year given', () => {
    const later = importSdmxCsv(kenyaProfile(), fixture('bad-future-year.csv'), {
      now: new Date('2031-12-31'),
    });
    expect(later.added).toBe(2);
  });

  it('refuses an unknown indicator unless mapped to a registry one', () => {
    expect(rejected(refusal('bad-unknown-indicator.csv'))).toEqual([
      { line: 2, column: 'indicator', reason: 'unknown indicator "NY_GDP_MKTP_CD"' },
    ]);
    // With a mapping from the file's code to a registry id (and no unit column, so the indicator's own
    // unit is assumed) the same row is read.
    const r = importSdmxCsv(kenyaProfile(), fixture('bad-unknown-indicator.csv'), {
      now: NOW,
      indicatorCodes: { NY_GDP_MKTP_CD: 'remittances' },
    });
    expect(r.profile.values[0]).toMatchObject({ indicator: 'remittances', value: 110347 });
  });

  it('imports nothing when one row is refused, and leaves the profile as it was', () => {
    const profile = kenyaProfile();
    const before = JSON.stringify(profile);
    const text = fixture('ken-sdmx-v1.csv') + 'WB:X(1.0),KEN,REMITTANCES,A,2024,USD,-3,6,A,World Bank\n';
    expect(() => importSdmxCsv(profile, text, { now: NOW })).toThrow(
      /line 12: Personal remittances received cannot be negative/,
    );
    expect(JSON.stringify(profile)).toBe(before);
  });

  it('refuses a file that is not SDMX-CSV, an empty one, and a unit that contradicts the indicator', () => {
    expect(() => importSdmxCsv(kenyaProfile(), 'indicator,year\nimmigration,2020\n', { now: NOW })).toThrow(
      /first column must be DATAFLOW/,
    );
    expect(() =>
      importSdmxCsv(kenyaProfile(), 'DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,SOURCE\n', {
        now: NOW,
      }),
    ).toThrow(/no data rows/);
    const usd =
      'DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,UNIT_MEASURE,OBS_VALUE,SOURCE\nX:Y(1.0),KEN,IMMIGRATION,2020,USD,5,Z\n';
    expect(() => importSdmxCsv(kenyaProfile(), usd, { now: NOW })).toThrow(
      /Immigration is in persons, the row says USD/,
    );
  });

  it('refuses a breakdown (SEX = F) and a quarterly series: profile figures are annual totals', () => {
    const text =
      'DATAFLOW,REF_AREA,INDICATOR,FREQ,SEX,TIME_PERIOD,OBS_VALUE,SOURCE\n' +
      'X:Y(1.0),KEN,IMMIGRATION,A,F,2020,5,Z\n' +
      'X:Y(1.0),KEN,IMMIGRATION,Q,_T,2020-Q1,5,Z\n';
    const e = (() => {
      try {
        importSdmxCsv(kenyaProfile(), text, { now: NOW });
      } catch (err) {
        return err as ProfileError;
      }
      throw new Error('imported');
    })();
    expect(rejected(e).map((r) => [r.line, r.column])).toEqual([
      [2, 'SEX'],
      [3, 'FREQ'],
    ]);
  });

  it('keeps a value the profile already has, refuses a different one unless replacing', () => {
    const once = importSdmxCsv(kenyaProfile(), fixture('ken-sdmx-v1.csv'), { now: NOW }).profile;
    const again = importSdmxCsv(once, fixture('ken-sdmx-v1.csv'), { now: NOW });
    expect([again.added, again.unchanged, again.profile.values.length]).toEqual([0, 9, 9]);
    const revised = fixture('ken-sdmx-v1.csv').replace(',38000,', ',38500,');
    expect(() => importSdmxCsv(once, revised, { now: NOW })).toThrow(/line 8: the profile already has 38000/);
    const replaced = importSdmxCsv(once, revised, { now: NOW, replace: true });
    expect(replaced.profile.values.length).toBe(9);
    expect(replaced.profile.values.filter((v) => v.value === 38_500)).toHaveLength(1);
  });
});
