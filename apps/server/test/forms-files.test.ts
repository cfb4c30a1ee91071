import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import * as XLSX from '@e965/xlsx';
import { TernStore } from '@tern/store';
import { buildApp } from '../src/app.ts';
import { allowAll } from '../src/auth/authorize.ts';

let store: TernStore;
let app: FastifyInstance;
beforeEach(async () => {
  store = new TernStore({ kind: 'memory', prefix: `form-files-${Date.now()}-${Math.random()}` });
  app = await buildApp({ store, missions: ['demo'], authorize: allowAll });
});
afterEach(async () => {
  await app.close();
  await store.close();
});

function workbook(): Uint8Array {
  const wb = XLSX.utils.book_new();
  const sheet = (rows: string[][], name: string) =>
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  sheet(
    [
      ['type', 'name', 'label', 'choice_filter'],
      ['select_one_from_file regions.csv', 'region', 'Region', ''],
      ['select_one_from_file villages.csv', 'village', 'Village', 'region=${region}'],
    ],
    'survey',
  );
  sheet(
    [
      ['form_id', 'version'],
      ['villages', '1'],
    ],
    'settings',
  );
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** A multipart/form-data body as a browser's FormData makes it. */
async function multipart(parts: Array<[field: string, name: string, bytes: Uint8Array | string]>) {
  const fd = new FormData();
  for (const [field, name, bytes] of parts)
    fd.append(field, new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  const r = new Response(fd);
  return {
    payload: Buffer.from(await r.arrayBuffer()),
    headers: { 'content-type': r.headers.get('content-type')! },
  };
}

const regions = 'name,label\nnorth,North\nsouth,South\n';
const villages = 'name,label,region\nv1,Upper Hill,north\nv2,Lakeside,south\n';

describe('publishing an XLSForm with its attached CSV files (select_one_from_file)', () => {
  it('takes the workbook and its files in one multipart upload; devices get the choices with the form', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/forms',
      ...(await multipart([
        ['form', 'villages.xlsx', workbook()],
        ['files', 'regions.csv', regions],
        ['files', 'villages.csv', villages],
      ])),
    });
    expect(res.statusCode, res.body).toBe(201);
    const form = (await app.inject({ method: 'GET', url: '/api/forms/villages@1' })).json();
    expect(form.choiceLists['villages.csv']).toEqual([
      { value: 'v1', label: { en: 'Upper Hill' }, data: { region: 'north' } },
      { value: 'v2', label: { en: 'Lakeside' }, data: { region: 'south' } },
    ]);
    expect(form.children[1]).toMatchObject({ choiceList: 'villages.csv', choiceFilter: 'region=${region}' });
  });

  it('names the missing file and the bad CSV row, and publishes nothing', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/forms',
      ...(await multipart([
        ['form', 'villages.xlsx', workbook()],
        ['files', 'regions.csv', 'name,label\nnorth,North\nnorth,Again\n'],
      ])),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('TERN_FORM_IMPORT_FAILED');
    expect(res.json().details).toEqual([
      expect.objectContaining({ sheet: 'regions.csv', row: 3, column: 'name' }),
      expect.objectContaining({
        sheet: 'survey',
        row: 3,
        message: expect.stringMatching(/villages\.csv, which was not uploaded/),
      }),
    ]);
    expect((await app.inject({ method: 'GET', url: '/api/forms/villages@1' })).statusCode).toBe(404);
  });

  it('refuses a malformed upload plainly: no form part, an unknown part, a text field, a file sent twice, too many files', async () => {
    const post = async (parts: Parameters<typeof multipart>[0]) => {
      const r = await app.inject({ method: 'POST', url: '/api/admin/forms', ...(await multipart(parts)) });
      return `${r.statusCode} ${r.json().code}: ${r.json().message}`;
    };
    expect(await post([['files', 'regions.csv', regions]])).toBe(
      '400 TERN_BAD_REQUEST: The upload has no part named form (the XLSForm)',
    );
    expect(await post([['photo', 'a.jpg', 'x']])).toMatch(
      /^400 TERN_BAD_REQUEST: The upload has a part named "photo"/,
    );
    expect(
      await post([
        ['form', 'f.xlsx', workbook()],
        ['files', 'regions.csv', regions],
        ['files', 'regions.csv', regions],
      ]),
    ).toBe('400 TERN_BAD_REQUEST: The file regions.csv is sent twice');
    const many = Array.from({ length: 22 }, (_, i): [string, string, string] => [
      'files',
      `f${i}.csv`,
      regions,
    ]);
    expect(await post([['form', 'f.xlsx', workbook()], ...many])).toBe(
      '400 TERN_BAD_REQUEST: A form comes with at most 20 files',
    );
    const fd = new FormData();
    fd.append('note', 'hello');
    const r = new Response(fd);
    const text = await app.inject({
      method: 'POST',
      url: '/api/admin/forms',
      payload: Buffer.from(await r.arrayBuffer()),
      headers: { 'content-type': r.headers.get('content-type')! },
    });
    expect(text.statusCode).toBe(400);
    expect(text.json().message).toMatch(/text field|send only files/);
  });

  it('refuses a file over the size limit without reading it whole', async () => {
    const big = new Uint8Array(6 * 1024 * 1024).fill(0x61);
    const r = await app.inject({
      method: 'POST',
      url: '/api/admin/forms',
      ...(await multipart([
        ['form', 'f.xlsx', workbook()],
        ['files', 'regions.csv', big],
      ])),
    });
    expect(r.statusCode).toBe(413);
    expect(r.json().code).toBe('TERN_PAYLOAD_TOO_LARGE');
  });
});
