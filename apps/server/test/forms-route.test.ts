import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import * as XLSX from '@e965/xlsx';
import { TernStore } from '@tern/store';
import { nextRevision } from '@tern/sync';
import { buildApp } from '../src/app.ts';
import { allowAll } from '../src/auth/authorize.ts';
import { testUlid } from './fixtures.ts';

let store: TernStore;
let app: FastifyInstance;
beforeEach(async () => {
  store = new TernStore({ kind: 'memory', prefix: `forms-${Date.now()}-${Math.random()}` });
  app = await buildApp({ store, missions: ['demo'], authorize: allowAll });
});
afterEach(async () => {
  await app.close();
  await store.close();
});

function workbook(survey: string[][], choices: string[][] = [['list_name', 'name', 'label::English (en)']]) {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(survey), 'survey');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(choices), 'choices');
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['form_id', 'version', 'form_title'],
      ['followup', '3', 'Follow-up'],
    ]),
    'settings',
  );
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('publishing forms', () => {
  it('publishes an XLSForm upload, lists it for devices, and accepts submissions to it', async () => {
    const file = workbook([
      ['type', 'name', 'label::English (en)', 'constraint'],
      ['text', 'contact_result', 'Result of the contact', ''],
      ['integer', 'visits', 'Visits', '. >= 0'],
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/forms',
      payload: file,
      headers: { 'content-type': XLSX_TYPE },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().key).toBe('followup@3');
    const list = (await app.inject({ method: 'GET', url: '/api/forms' })).json().forms;
    expect(list.map((f: { key: string }) => f.key)).toEqual(
      expect.arrayContaining(['followup@3', 'screening@1', 'quick-screening@1']),
    );

    const body = {
      type: 'submission',
      mission: 'demo',
      form: 'followup@3',
      answers: { contact_result: 'ok', visits: -1 },
      createdAt: '2026-11-20T10:00:00.000Z',
      device: 'd',
    };
    const r = nextRevision(null, body);
    const sync = await app.inject({
      method: 'POST',
      url: '/api/sync/demo',
      payload: {
        protocol: 1,
        device: 'd',
        docs: [{ ...body, _id: `sub:${testUlid()}`, _rev: r.rev, _revisions: r.revisions }],
        since: null,
        pullLimit: 0,
      },
    });
    expect(sync.json().results[0]).toMatchObject({
      ok: false,
      code: 'TERN_RESPONSE_INVALID',
      field: 'answers.visits',
    });
  });

  it('survives a restart: published forms are loaded again', async () => {
    const file = workbook([
      ['type', 'name', 'label::English (en)'],
      ['text', 'x', 'X'],
    ]);
    await app.inject({
      method: 'POST',
      url: '/api/admin/forms',
      payload: file,
      headers: { 'content-type': XLSX_TYPE },
    });
    const again = await buildApp({ store, missions: ['demo'], authorize: allowAll });
    expect((await again.inject({ method: 'GET', url: '/api/forms/followup@3' })).statusCode).toBe(200);
    await again.close();
  });

  it('refuses a broken XLSForm with row-numbered problems and publishes nothing', async () => {
    const file = workbook([
      ['type', 'name', 'label::English (en)'],
      ['text', 'ok', 'OK'],
      ['frobnicate', 'where', 'Where'],
      ['integer', 'n', 'N'],
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/forms',
      payload: file,
      headers: { 'content-type': XLSX_TYPE },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('TERN_FORM_IMPORT_FAILED');
    expect(res.json().details).toEqual(
      expect.arrayContaining([expect.objectContaining({ severity: 'error', sheet: 'survey', row: 3 })]),
    );
    expect((await app.inject({ method: 'GET', url: '/api/forms/followup@3' })).statusCode).toBe(404);
  });

  it('shows warnings without publishing, then publishes when that number of warnings is acknowledged', async () => {
    const file = workbook([
      ['type', 'name', 'label::English (en)', 'guidance_hint'],
      ['text', 'x', 'X', 'Read slowly'],
      ['integer', 'y', 'Y', 'Count twice'],
    ]);
    const post = (query: string) =>
      app.inject({
        method: 'POST',
        url: `/api/admin/forms${query}`,
        payload: file,
        headers: { 'content-type': XLSX_TYPE },
      });
    const first = await post('');
    expect(first.statusCode).toBe(422);
    expect(first.json()).toMatchObject({
      code: 'TERN_FORM_WARNINGS',
      message: 'The XLSForm has 1 warning to read before it is published; nothing was published yet',
      details: [{ severity: 'warning', sheet: 'survey', row: 1, column: 'guidance_hint' }],
    });
    expect((await app.inject({ method: 'GET', url: '/api/forms/followup@3' })).statusCode).toBe(404);
    // Acknowledging another number (another file's warnings) does not publish this one.
    expect((await post('?acknowledgeWarnings=2')).json().code).toBe('TERN_FORM_WARNINGS');
    expect((await post('?acknowledgeWarnings=x')).json().code).toBe('TERN_FORM_WARNINGS');
    const ok = await post('?acknowledgeWarnings=1');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ key: 'followup@3', warnings: [{ column: 'guidance_hint' }] });
    expect((await app.inject({ method: 'GET', url: '/api/forms/followup@3' })).statusCode).toBe(200);
  });

  it('lists errors before warnings and says how many of each', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/forms?acknowledgeWarnings=1',
      payload: workbook([
        ['type', 'name', 'label::English (en)', 'guidance_hint'],
        ['text', 'x', 'X', 'Read slowly'],
        ['text', 'y', 'Y', '', ''],
        ['end group'],
      ]),
      headers: { 'content-type': XLSX_TYPE },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('TERN_FORM_IMPORT_FAILED');
    expect(res.json().message).toBe('The XLSForm has 1 error and 1 warning; nothing was published');
    expect(res.json().details.map((d: { severity: string }) => d.severity)).toEqual(['error', 'warning']);
  });

  it('says a file that is not a workbook is not one', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/forms',
      payload: Buffer.from('type,name,label\ntext,a,A\n'),
      headers: { 'content-type': XLSX_TYPE },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().details[0].message).toMatch(/^The file is not an Excel workbook/);
  });

  it('refuses to publish the same version twice and an invalid JSON definition', async () => {
    const def = {
      id: 'mini',
      version: '1',
      title: { en: 'Mini' },
      defaultLanguage: 'en',
      children: [{ type: 'text', name: 'a', label: { en: 'A' } }],
    };
    expect((await app.inject({ method: 'POST', url: '/api/admin/forms', payload: def })).statusCode).toBe(
      201,
    );
    const dup = await app.inject({ method: 'POST', url: '/api/admin/forms', payload: def });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().message).toMatch(/already published/);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/admin/forms',
      payload: {
        ...def,
        version: '2',
        children: [{ type: 'text', name: 'a', label: { en: 'A' }, relevant: '${nope} = 1' }],
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json().details)).toMatch(/nope/);
  });
});
