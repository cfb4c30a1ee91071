import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { dateCell } from './export-cells.ts';
import { toXlsx, uniqueSheetNames } from './xlsx.ts';
import { formSheets } from './export-table.ts';
import type { FormDefinition } from '@tern/forms';

describe('typed export cells', () => {
  it('reads dates, date-times (in UTC) and times as serial days, and leaves what is no date as text', () => {
    expect(dateCell('date', '2026-11-20')).toEqual({ kind: 'date', text: '2026-11-20', serial: 46346 });
    expect(dateCell('datetime', '2026-11-20T12:00:00+02:00')).toMatchObject({ serial: 46346 + 10 / 24 });
    expect(dateCell('time', '18:00')).toMatchObject({ serial: 0.75 });
    for (const bad of ['2026-02-31', '20/11/2026', '1899-01-01', 'soon'])
      expect(dateCell('date', bad)).toBe(bad);
    expect(dateCell('time', '25:00')).toBe('25:00');
    expect(dateCell('datetime', 'yesterday')).toBe('yesterday');
    expect(dateCell('date', '')).toBeNull();
  });
});

describe('sheet names', () => {
  it('are valid in Excel: no []:*?/\\, at most 31 characters, unique regardless of case', () => {
    const names = uniqueSheetNames([
      'Screening [v2]: who/why?',
      'A very long questionnaire title that goes on',
      'A very long questionnaire title that goes on',
      'visit',
      'VISIT',
      "'quoted'",
      '***',
      'History',
    ]);
    expect(names).toEqual([
      'Screening v2 who why',
      'A very long questionnaire title',
      'A very long questionnaire t (2)',
      'visit',
      'VISIT (2)',
      'quoted',
      'Sheet',
      'History 1',
    ]);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  });

  it('cuts an Arabic or emoji title without splitting a character', () => {
    const [n] = uniqueSheetNames(['😀'.repeat(20)]);
    expect(n).toBe('😀'.repeat(15));
  });
});

const arabic: FormDefinition = {
  id: 'visit',
  version: '2',
  title: { en: 'Home visit', ar: 'زيارة منزلية' },
  defaultLanguage: 'en',
  children: [
    { type: 'date', name: 'visit_date', label: { en: 'Visit date', ar: 'تاريخ الزيارة' } },
    {
      type: 'select_multiple',
      name: 'needs',
      label: { en: 'Needs', ar: 'الاحتياجات' },
      choices: [
        { value: 'food', label: { en: 'Food', ar: 'غذاء' } },
        { value: 'shelter', label: { en: 'Shelter', ar: 'مأوى' } },
      ],
    },
  ],
};

describe('a form exported in Arabic', () => {
  it('has Arabic headers and sheet name, a date cell, and 0/1 option columns read back from the XLSX', () => {
    const doc = {
      _id: 'sub:1',
      _rev: '1-a',
      _revisions: { start: 1, ids: ['a'] },
      type: 'submission',
      form: 'visit@2',
      createdAt: '2026-11-20T10:00:00.000Z',
      answers: { visit_date: '2026-11-19', needs: ['shelter'] },
    };
    const wb = XLSX.read(toXlsx(formSheets(arabic, [doc], 'ar')), { type: 'buffer', cellDates: true });
    expect(wb.SheetNames).toEqual(['زيارة منزلية']);
    const ws = wb.Sheets['زيارة منزلية']!;
    const [header, row] = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1 });
    expect(header!.slice(7)).toEqual(['تاريخ الزيارة', 'الاحتياجات', 'الاحتياجات: غذاء', 'الاحتياجات: مأوى']);
    expect(row![7]).toEqual(new Date(Date.UTC(2026, 10, 19)));
    expect(row!.slice(8)).toEqual(['مأوى', 0, 1]);
  });
});
