import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import * as XLSX from '@e965/xlsx';
import { TernStore } from '@tern/store';
import { buildApp } from '../src/app.ts';
import { allowAll } from '../src/auth/authorize.ts';
import { submission, validAnswers } from './fixtures.ts';

let store: TernStore;
let app: FastifyInstance;
beforeEach(async () => {
  store = new TernStore({ kind: 'memory', prefix: `export-${Date.now()}-${Math.random()}` });
  app = await buildApp({ store, missions: ['demo'], authorize: allowAll });
  const docs = [
    submission('demo', {
      ...validAnswers('Amina'),
      gender: 'woman',
      exploitation: ['forced_labour', 'other'],
    }),
    submission('demo', {
      ...validAnswers('=HYPERLINK("http://evil")'),
      notes: 'line one\nline "two", three',
    }),
  ];
  await app.inject({
    method: 'POST',
    url: '/api/sync/demo',
    payload: { protocol: 1, device: 'd', docs, since: null, pullLimit: 0 },
  });
});
afterEach(async () => {
  await app.close();
  await store.close();
});

describe('mission export', () => {
  it('writes an XLSX with labels and choices in the chosen language', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/missions/demo/export?format=xlsx&lang=fr' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="tern-demo-all-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const wb = XLSX.read(res.rawPayload, { type: 'buffer' });
    // Sheets named after the form's title in the chosen language, then the codebook (decision 167).
    expect(wb.SheetNames).toEqual(['Présélection rapide', 'Dictionnaire']);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Présélection rapide']!);
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining(['Nom complet', 'Genre', "Types d'exploitation", "Date de l'entretien"]),
    );
    const amina = rows.find((r) => r['Nom complet'] === 'Amina')!;
    expect(amina['Genre']).toBe('Féminin'); // stored as the old code 'woman': exported as its HTCDS choice
    expect(amina["Types d'exploitation"]).toBe('Travail forcé; Autre');
    expect(amina['Âge (années)']).toBe(30);
  });

  it('writes an XLSX for a mission with no submissions yet (it answered 500)', async () => {
    const empty = await buildApp({ store, missions: ['empty'], authorize: allowAll });
    try {
      const res = await empty.inject({ method: 'GET', url: '/api/missions/empty/export?format=xlsx' });
      expect(res.statusCode).toBe(200);
      const wb = XLSX.read(res.rawPayload, { type: 'buffer' });
      expect(XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]!]!)).toEqual([
        { mission: 'empty', submissions: 0 },
      ]);
    } finally {
      await empty.close();
    }
  });

  it('writes a CSV of one form that spreadsheets open safely', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/missions/demo/export?format=csv&form=quick-screening@1',
    });
    expect(res.statusCode).toBe(200);
    const text = res.body;
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n')[0]).toContain('Full name');
    // Formula injection neutralised, quotes and newlines escaped.
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain('"line one\nline ""two"", three"');
  });

  it('refuses a CSV without a form and an unknown format with a reason', async () => {
    const noForm = await app.inject({ method: 'GET', url: '/api/missions/demo/export?format=csv' });
    expect(noForm.statusCode).toBe(400);
    expect(noForm.json().message).toMatch(/CSV holds one form/);
    const badFormat = await app.inject({ method: 'GET', url: '/api/missions/demo/export?format=pdf' });
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.json().message).toMatch(/format/);
  });
});
