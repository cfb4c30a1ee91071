import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { type DemographyError, isDemographyError } from '../errors.ts';
import { parseCsv } from './csv.ts';
import { importWorkbook } from './workbook.ts';

const sheetOf = (name: string) => {
  const t = parseCsv(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
  return XLSX.utils.aoa_to_sheet([t.header, ...t.rows]);
};
const workbook = (sheets: Record<string, string>) => {
  const wb = XLSX.utils.book_new();
  for (const [name, file] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, sheetOf(file), name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
};
const good = {
  Population: 'population.csv',
  births: 'births.csv',
  deaths: 'deaths.csv',
  migration: 'migration.csv',
};

describe('a whole data set in one workbook', () => {
  it('reads one sheet per dataset into an observed period', () => {
    const obs = importWorkbook(workbook(good), { years: 1 });
    expect(obs.space.states).toEqual(['AT11', 'AT12', 'AT13']);
    expect(obs.population.reduce((s, v) => s + v, 0)).toBeGreaterThan(0);
  });

  it('reports the problems of every sheet together, naming the sheet, and returns nothing', () => {
    try {
      importWorkbook(
        workbook({ ...good, deaths: 'bad-negative-count.csv', Population: 'bad-mixed-units.csv' }),
        { years: 1 },
      );
      expect.unreachable();
    } catch (e) {
      expect(isDemographyError(e, 'TERN_DEMOGRAPHY_IMPORT_REJECTED')).toBe(true);
      const rejected = (e as DemographyError).details!.rejected as Array<{
        sheet: string;
        row: number;
        reason: string;
      }>;
      expect(rejected.map((r) => [r.sheet, r.row])).toEqual([
        ['Population', 67],
        ['deaths', 8],
      ]);
    }
  });

  it('refuses a workbook without a migration sheet', () => {
    const { migration: _, ...rest } = good;
    expect(() => importWorkbook(workbook(rest), { years: 1 })).toThrow(/no sheet "migration"/);
  });
});
