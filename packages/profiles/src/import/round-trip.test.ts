import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ProfileValue, parseProfile } from '../document/schema.ts';
import { values } from '../test-arbitraries.ts';
import { isProfileError } from '../errors.ts';
import { figuresCsv, figuresXlsx } from '../report/figures-export.ts';
import { NOW, kenyaProfile } from '../test-profile.ts';
import { importCsv, importXlsx } from './long-table.ts';

const byId = (vs: readonly ProfileValue[]) => [...vs].sort((a, b) => a._id.localeCompare(b._id));

describe('figures export → import', () => {
  it('CSV: the values come back the same (property, fixed seed)', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const source = parseProfile(kenyaProfile({ values: vs }));
        const back = importCsv(kenyaProfile(), figuresCsv(source), { now: NOW }).profile;
        expect(byId(back.values)).toEqual(byId(vs));
      }),
      { seed: 1515, numRuns: 150 },
    );
  });

  it('XLSX: the values come back the same (property, fixed seed)', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const back = importXlsx(kenyaProfile(), figuresXlsx(kenyaProfile({ values: vs })), {
          now: NOW,
        }).profile;
        expect(byId(back.values)).toEqual(byId(vs));
      }),
      { seed: 1516, numRuns: 40 },
    );
  });

  it('the long layout refuses unknown and missing columns with the header line', () => {
    try {
      importCsv(kenyaProfile(), 'indicator,country,year,value,sauce\nimmigration,KEN,2020,5,x\n', {
        now: NOW,
      });
      throw new Error('imported');
    } catch (e) {
      if (!isProfileError(e, 'TERN_PROFILE_IMPORT_REJECTED')) throw e;
      expect(e.details!.rejected).toEqual([
        { line: 1, column: 'sauce', reason: 'unknown column "sauce"' },
        { line: 1, column: 'source', reason: 'no "source" column' },
      ]);
    }
  });

  it('a workbook that is not one is refused as a whole, not thrown as a crash', () => {
    expect(() =>
      importXlsx(kenyaProfile(), new TextEncoder().encode('not a workbook'), { now: NOW }),
    ).toThrow(expect.objectContaining({ code: 'TERN_PROFILE_IMPORT_REJECTED' }));
  });
});
