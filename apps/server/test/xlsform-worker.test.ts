import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import * as XLSX from '@e965/xlsx';
import { TernStore } from '@tern/store';
import { buildApp } from '../src/app.ts';
import type { AppOptions } from '../src/app.ts';
import { allowAll } from '../src/auth/authorize.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let store: TernStore | null = null;
let app: FastifyInstance | null = null;
afterEach(async () => {
  await app?.close();
  await store?.close();
});

async function start(limits: AppOptions['xlsformLimits']): Promise<FastifyInstance> {
  store = new TernStore({ kind: 'memory', prefix: `xw-${Date.now()}-${Math.random()}` });
  app = await buildApp({ store, missions: ['demo'], authorize: allowAll, xlsformLimits: limits });
  return app;
}

/** A long form (4,000 questions) whose last row refers to a question that does not exist. */
function longForm(): Buffer {
  const survey: string[][] = [['type', 'name', 'label', 'relevant']];
  for (let i = 0; i < 4000; i++)
    survey.push(['text', `q${i}`, `Question ${i}`, i > 0 ? `\${q${i - 1}} != ''` : '']);
  survey.push(['text', 'last', 'Last', '${nope} = 1']);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(survey), 'survey');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
const upload = (a: FastifyInstance, body: Buffer) =>
  a.inject({
    method: 'POST',
    url: '/api/admin/forms',
    payload: body,
    headers: { 'content-type': XLSX_TYPE },
  });

describe('XLSForm import off the request thread (issue 17)', () => {
  it('answers other requests while a workbook is being read', async () => {
    const a = await start({});
    let uploaded = false;
    const up = upload(a, longForm()).then((r) => {
      uploaded = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 50));
    const list = await a.inject({ method: 'GET', url: '/api/forms' });
    expect(list.statusCode).toBe(200);
    // The workbook is still being read on its own thread when the list is answered.
    expect(uploaded).toBe(false);
    const res = await up;
    expect(res.json().code).toBe('TERN_FORM_IMPORT_FAILED');
    expect(JSON.stringify(res.json().details)).toContain('${nope}');
  });

  it('refuses a workbook that takes longer than the time limit', async () => {
    const a = await start({ timeMs: 1 });
    const res = await upload(a, longForm());
    expect(res.statusCode).toBe(422);
    expect(res.json().details[0].message).toMatch(
      /^The workbook took more than 0.001 s to read and is refused/,
    );
  });

  it('refuses a workbook that needs more memory than allowed', async () => {
    const a = await start({ heapMb: 8 });
    const res = await upload(a, longForm());
    expect(res.statusCode).toBe(422);
    expect(res.json().details[0].message).toMatch(/^The workbook needs more than 8 MB of memory to read/);
  });

  it('refuses uploads beyond the queue instead of piling up workers', async () => {
    const a = await start({ concurrent: 1, queue: 0 });
    const [first, second] = await Promise.all([upload(a, longForm()), upload(a, longForm())]);
    expect(first.json().code).toBe('TERN_FORM_IMPORT_FAILED');
    expect(second.statusCode).toBe(429);
    expect(second.json().code).toBe('TERN_RATE_LIMITED');
  });
});
