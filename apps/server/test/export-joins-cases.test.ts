import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import * as XLSX from '@e965/xlsx';
import { TernStore } from '@tern/store';
import type { WireDoc } from '@tern/sync';
import { buildApp } from '../src/app.ts';
import { allowAll } from '../src/auth/authorize.ts';
import { caseDoc } from './case-fixtures.ts';
import { edit, submission, validAnswers } from './fixtures.ts';

let store: TernStore;
let app: FastifyInstance;
let kase: WireDoc;
const push = (docs: WireDoc[]) =>
  app.inject({
    method: 'POST',
    url: '/api/sync/demo',
    payload: { protocol: 1, device: 'd', docs, since: null, pullLimit: 0 },
  });

beforeEach(async () => {
  store = new TernStore({ kind: 'memory', prefix: `export-join-${Date.now()}-${Math.random()}` });
  app = await buildApp({ store, missions: ['demo'], authorize: allowAll });
  kase = caseDoc('interviewer', 'Amina');
  const withCase = edit(submission('demo', { ...validAnswers('Amina'), exploitation: ['forced_labour'] }), {
    caseId: kase._id,
    review: { state: 'approved', by: 'data_officer', at: '2026-11-21T09:00:00.000Z' },
  });
  const alone = submission('demo', validAnswers('Bilal'));
  const res = await push([kase, withCase, alone]);
  expect(res.json().results.filter((r: { ok: boolean }) => !r.ok)).toEqual([]);
});
afterEach(async () => {
  await app.close();
  await store.close();
});

const workbook = async (query: string) => {
  const res = await app.inject({ method: 'GET', url: `/api/missions/demo/export?${query}` });
  expect(res.statusCode).toBe(200);
  return XLSX.read(res.rawPayload, { type: 'buffer', cellDates: false });
};

describe('an export joins to the cases (issue 16)', () => {
  it('leads every row with case code, case status, interviewer and review status, in Arabic', async () => {
    const wb = await workbook('format=xlsx&lang=ar');
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(ws);
    const header = Object.keys(rows[0]!);
    expect(header.slice(0, 7)).toEqual([
      'معرّف السجل',
      'رمز الحالة',
      'وضع الحالة',
      'القائم بالمقابلة',
      'حالة المراجعة',
      'تاريخ الإنشاء (UTC)',
      'الجهاز',
    ]);
    const amina = rows.find((r) => r['رمز الحالة'] === kase.code)!;
    expect(amina['وضع الحالة']).toBe('الفحص الأولي');
    expect(amina['القائم بالمقابلة']).toBe('interviewer');
    expect(amina['حالة المراجعة']).toBe('معتمد');
    const bilal = rows.find((r) => r['رمز الحالة'] === undefined)!;
    expect(bilal['حالة المراجعة']).toBe('لم يُراجَع');
  });

  it('writes dates as real date cells and numbers as numbers; a record without a case has empty case cells', async () => {
    const wb = await workbook('format=xlsx&lang=en');
    const ws = wb.Sheets['Quick screening']!;
    const header = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1 })[0]!;
    const col = (label: string) => header.indexOf(label);
    const cell = (row: number, label: string) =>
      ws[XLSX.utils.encode_cell({ r: row, c: col(label) })] as XLSX.CellObject;
    const ids = [1, 2].map((r) => cell(r, 'Full name').v);
    const amina = ids.indexOf('Amina') + 1;
    const bilal = ids.indexOf('Bilal') + 1;
    const date = cell(amina, 'Interview date');
    expect(date.t).toBe('n');
    expect(XLSX.SSF.is_date(String(date.z))).toBe(true);
    expect(XLSX.SSF.format('yyyy-mm-dd', date.v)).toBe('2026-11-20');
    const created = cell(amina, 'Created (UTC)');
    expect(created.t).toBe('n');
    expect(XLSX.SSF.format('yyyy-mm-dd hh:mm:ss', created.v)).toBe('2026-11-20 10:00:00');
    expect(cell(amina, 'Age (years)')).toMatchObject({ t: 'n', v: 30 });
    expect(cell(bilal, 'Case code')).toBeUndefined(); // no case: an empty cell, not an empty string
  });

  it('gives a multiple choice one 0/1 column per option, empty when the question was not answered', async () => {
    const wb = await workbook('format=xlsx&lang=en');
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Quick screening']!);
    const amina = rows.find((r) => r['Full name'] === 'Amina')!;
    const bilal = rows.find((r) => r['Full name'] === 'Bilal')!;
    const options = Object.keys(amina).filter((k) => k.startsWith('Types of exploitation: '));
    expect(options.length).toBeGreaterThan(2);
    expect(amina['Types of exploitation: Forced labour']).toBe(1);
    expect(options.filter((k) => amina[k] === 1)).toEqual(['Types of exploitation: Forced labour']);
    expect(options.every((k) => amina[k] === 0 || amina[k] === 1)).toBe(true);
    expect(options.some((k) => k in bilal)).toBe(false);
  });

  it('keeps the field names in a codebook sheet for every column', async () => {
    const wb = await workbook('format=xlsx&lang=fr');
    expect(wb.SheetNames.at(-1)).toBe('Dictionnaire');
    const book = XLSX.utils.sheet_to_json<Record<string, string>>(wb.Sheets['Dictionnaire']!);
    const byField = new Map(book.map((r) => [r['Nom du champ'], r]));
    expect(byField.get('case_code')).toMatchObject({
      Feuille: 'Présélection rapide',
      Colonne: 'Code du dossier',
    });
    expect(byField.get('full_name')?.Colonne).toBe('Nom complet');
    expect(byField.get('exploitation/forced_labour')).toMatchObject({
      Colonne: "Types d'exploitation: Travail forcé",
    });
    const main = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Présélection rapide']!, { header: 1 })[0]!;
    expect(book.filter((r) => r.Feuille === 'Présélection rapide').map((r) => r.Colonne)).toEqual(main);
  });

  it('a CSV of one form carries the same columns, dates as their ISO text', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/missions/demo/export?format=csv&form=quick-screening@1',
    });
    const [header, ...lines] = res.body.slice(1).split('\r\n');
    expect(header!.split(',').slice(0, 3)).toEqual(['Record id', 'Case code', 'Case status']);
    expect(lines.find((l) => l.includes(String(kase.code)))).toContain('2026-11-20');
  });
});
