import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { type DemographyError, isDemographyError } from '../errors.ts';
import { projectMultiregional, totalsByState } from '../multiregional/project.ts';
import { estimateRates } from '../multiregional/rates.ts';
import { odIndex, popIndex } from '../multiregional/state-space.ts';
import { assembleObserved } from './assemble.ts';
import { parseCsv } from './csv.ts';
import { type DatasetKind, importDataset } from './dataset.ts';
import { readXlsxTable } from './xlsx.ts';

const file = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const csv = (kind: DatasetKind, name: string) => importDataset(kind, parseCsv(file(name), name));

/** The error an import throws, with its rejected rows. */
function rejection(f: () => unknown): {
  message: string;
  rejected: Array<{ row: number; column?: string; reason: string }>;
} {
  try {
    f();
  } catch (e) {
    expect(isDemographyError(e, 'TERN_DEMOGRAPHY_IMPORT_REJECTED')).toBe(true);
    const err = e as DemographyError;
    return { message: err.message, rejected: err.details!.rejected as never };
  }
  throw new Error('expected the import to be rejected');
}

const good = () => ({
  population: csv('population', 'population.csv'),
  deaths: csv('deaths', 'deaths.csv'),
  births: csv('births', 'births.csv'),
  migration: csv('migration', 'migration.csv'),
});

describe('import of the long layout (Eurostat / SDMX-CSV)', () => {
  it('reads a three-region NUTS set into an observed period that projects', () => {
    const obs = assembleObserved(good(), { years: 1 });
    expect(obs.space.states).toEqual(['AT11', 'AT12', 'AT13']);
    expect(obs.space.ages).toBe(11);
    expect(obs.space.width).toBe(5);
    // The SDMX row "NR,F,Y_LT5,AT11,2019" lands in female, 0–4, AT11; TOTAL rows are skipped.
    const line = file('population.csv')
      .split('\n')
      .find((l) => l.includes(',F,Y_LT5,AT11,'))!;
    expect(obs.population[popIndex(obs.space, 0, 0, 0)]).toBe(Number(line.split(',').at(-1)));
    const m = file('migration.csv')
      .split('\n')
      .find((l) => l.startsWith('AT12;AT11;M;Y25-29;'))!;
    expect(obs.migrants[odIndex(obs.space, 1, 5, 1, 0)]).toBe(Number(m.split(';').at(-1)));
    // Births to mothers under 15 are counted in 15–19 (UN convention); 50+ is the population's last group.
    const births = (age: string) =>
      Number(
        file('births.csv')
          .split('\n')
          .find((l) => l.startsWith(`AT11,T,${age},`))!
          .split(',')[4],
      );
    expect(obs.births[3 * 3 + 0]).toBe(births('Y_LT15') + births('Y15-19'));
    expect(obs.births[9 * 3 + 0]).toBe(births('Y45-49'));
    expect(obs.births[10 * 3 + 0]).toBe(births('Y_GE50'));
    const { rates } = estimateRates(obs);
    const r = projectMultiregional({
      space: obs.space,
      base: obs.population,
      rates,
      startYear: 2019,
      steps: 2,
    });
    expect(totalsByState(obs.space, r.population[2]!).every((v) => v > 0)).toBe(true);
  });

  it('rejects ages that are not contiguous, naming the row after the gap', () => {
    const { rejected } = rejection(() => csv('population', 'bad-ages-not-contiguous.csv'));
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatch(
      /ages not contiguous for AT12 F: 15-19 follows an age group ending at 9/,
    );
    const line =
      file('bad-ages-not-contiguous.csv')
        .split('\n')
        .findIndex((l) => l.includes(',F,Y15-19,AT12,')) + 1;
    expect(rejected[0]!.row).toBe(line);
  });

  it('rejects a migration matrix without one of the regions, and imports nothing', () => {
    const d = { ...good(), migration: csv('migration', 'bad-region-missing-from-matrix.csv') };
    const { rejected } = rejection(() => assembleObserved(d, { years: 1 }));
    expect(rejected.map((r) => r.reason)).toEqual([
      expect.stringMatching(/region AT13 is missing from the migration matrix as an origin/),
    ]);
  });

  it('rejects a negative count with its row number', () => {
    const { rejected, message } = rejection(() => csv('deaths', 'bad-negative-count.csv'));
    expect(rejected).toEqual([{ row: 8, column: 'value', reason: 'a negative count (-3)' }]);
    expect(message).toMatch(/row 8/);
  });

  it('rejects a rate above 1 per person-year', () => {
    const { rejected } = rejection(() => csv('mortality', 'bad-rate-above-1.csv'));
    const line =
      file('bad-rate-above-1.csv')
        .split('\n')
        .findIndex((l) => l.startsWith('AT12,M,Y_GE50')) + 1;
    expect(rejected).toEqual([
      { row: line, column: 'value', reason: 'a rate above 1 per person-year (1.7 RT)' },
    ]);
  });

  it('rejects mixed units (persons and thousands in one file)', () => {
    const { rejected } = rejection(() => csv('population', 'bad-mixed-units.csv'));
    expect(rejected).toEqual([{ row: 67, column: 'unit', reason: 'mixed units: THS here, NR from row 3' }]);
  });

  it('rejects counts where rates are expected, unknown sex codes, missing columns and several time periods', () => {
    expect(rejection(() => csv('mortality', 'deaths.csv')).rejected[0]!.reason).toMatch(
      /mortality must be given as rates/,
    );
    expect(
      rejection(() => importDataset('deaths', parseCsv('geo,sex,age,time,value\nAT11,X,Y_LT5,2019,3\n')))
        .rejected[0],
    ).toEqual({
      row: 2,
      column: 'sex',
      reason: 'sex must be F or M, got "X"',
    });
    expect(
      rejection(() => importDataset('deaths', parseCsv('geo,age,value\nAT11,Y_LT5,3\n'))).rejected[0]!.reason,
    ).toBe('missing column(s): sex, time');
    const two = parseCsv('geo,sex,age,time,value\nAT11,F,Y_LT5,2019,3\nAT11,F,Y_LT5,2020,3\n');
    expect(rejection(() => importDataset('deaths', two)).rejected[0]!.reason).toMatch(/2 time periods/);
    expect(importDataset('deaths', two, { time: '2020' }).values.size).toBe(1);
  });

  it('reads the same layout from an .xlsx sheet (codes stay text) and refuses a file that is not a workbook', () => {
    const rows = parseCsv(file('deaths.csv'));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        rows.header,
        ...rows.rows.map((r) => r.map((c, i) => (i === 8 ? Number(c) : c))),
      ]),
      'deaths',
    );
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const fromXlsx = importDataset('deaths', readXlsxTable(bytes, 'deaths'));
    expect(fromXlsx.values).toEqual(csv('deaths', 'deaths.csv').values);
    expect(
      rejection(() =>
        readXlsxTable(new TextEncoder().encode('PK\u0003\u0004 not really'), undefined, 'upload.xlsx'),
      ).message,
    ).toMatch(/upload.xlsx/);
  });

  it('parses quoted CSV fields with separators, quotes and line breaks, keeping line numbers', () => {
    const t = parseCsv('geo,note,value\r\n"AT11","a, ""b""\nc",1\nAT12,x,2\n');
    expect(t.rows).toEqual([
      ['AT11', 'a, "b"\nc', '1'],
      ['AT12', 'x', '2'],
    ]);
    expect(t.rowNumbers).toEqual([2, 4]);
  });
});
