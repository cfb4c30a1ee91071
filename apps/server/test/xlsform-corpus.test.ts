import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { CORPUS, toXlsx } from '@tern/forms/test-corpus';
import type { CorpusForm } from '@tern/forms/test-corpus';
import { TernStore } from '@tern/store';
import { nextRevision } from '@tern/sync';
import { buildApp } from '../src/app.ts';
import { allowAll } from '../src/auth/authorize.ts';
import { testUlid } from './fixtures.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let store: TernStore;
let app: FastifyInstance;
beforeAll(async () => {
  store = new TernStore({ kind: 'memory', prefix: `corpus-${Date.now()}-${Math.random()}` });
  app = await buildApp({ store, missions: ['demo'], authorize: allowAll });
});
afterAll(async () => {
  await app.close();
  await store.close();
});

/** The workbook alone, or with its attached files as one multipart upload (decision 140). */
async function upload(f: CorpusForm): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  if (!f.files) return { payload: Buffer.from(toXlsx(f)), headers: { 'content-type': XLSX_TYPE } };
  const fd = new FormData();
  fd.append('form', new Blob([toXlsx(f) as Uint8Array<ArrayBuffer>]), `${f.name}.xlsx`);
  for (const [name, text] of Object.entries(f.files)) fd.append('files', new Blob([text]), name);
  const r = new Response(fd);
  return {
    payload: Buffer.from(await r.arrayBuffer()),
    headers: { 'content-type': r.headers.get('content-type')! },
  };
}

/**
 * The corpus through the real server: each form published as an admin would (its warnings
 * acknowledged by number), then its filled record pushed by a device and admitted by the same check
 * every sync runs (ingest/check-doc.ts against the forms registry). Refused forms publish nothing.
 */
describe('XLSForm compatibility corpus on the server (issue 17)', () => {
  it.each(CORPUS.map((f) => [f.name, f] as const))('%s', async (_, f) => {
    const warnings = f.problems.filter((p) => p.startsWith('warning')).length;
    const res = await app.inject({
      method: 'POST',
      url: `/api/admin/forms?acknowledgeWarnings=${warnings}`,
      ...(await upload(f)),
    });
    if (f.filled === null) {
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('TERN_FORM_IMPORT_FAILED');
      return;
    }
    expect(res.statusCode, res.body).toBe(201);
    const { key, warnings: shown } = res.json() as { key: string; warnings: unknown[] };
    expect(shown).toHaveLength(warnings);

    const body = {
      type: 'submission',
      mission: 'demo',
      form: key,
      answers: f.filled,
      createdAt: '2026-11-30T09:00:00.000Z',
      device: 'd',
    };
    const r = nextRevision(null, body);
    const id = `sub:${testUlid()}`;
    const sync = await app.inject({
      method: 'POST',
      url: '/api/sync/demo',
      payload: {
        protocol: 1,
        device: 'd',
        docs: [{ ...body, _id: id, _rev: r.rev, _revisions: r.revisions }],
        since: null,
        pullLimit: 0,
      },
    });
    expect(sync.json().results[0], JSON.stringify(sync.json().results[0])).toMatchObject({ ok: true });
    // A broken answer to the same form is refused by the same check.
    const bad = { ...body, answers: { ...f.filled, not_a_question: 1 } };
    const rb = nextRevision(null, bad);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/sync/demo',
      payload: {
        protocol: 1,
        device: 'd',
        docs: [{ ...bad, _id: `sub:${testUlid()}`, _rev: rb.rev, _revisions: rb.revisions }],
        since: null,
        pullLimit: 0,
      },
    });
    expect(refused.json().results[0]).toMatchObject({ ok: false, code: 'TERN_RESPONSE_INVALID' });
  });
});
