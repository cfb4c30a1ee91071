import { describe, expect, it } from 'vitest';
import { ApiError } from '@tern/api';
import { exportCtdc, exportTable, fetchMeta, fetchSeries, fetchTable } from './research-api.ts';

/** A fetch that records what it was asked and answers as told. */
function mockFetch(answer: (url: string, init: RequestInit) => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const f = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return answer(url, init);
  }) as unknown as typeof fetch;
  return { f, calls };
}
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const fresh = { asOf: '2026-12-02T10:00:00.000Z', behind: [], recreated: null };
const table = {
  ...fresh,
  dims: ['gender'],
  filters: {},
  missions: ['m1'],
  source: 'missions',
  cells: [{ values: ['Feminine'], value: 14 }],
  margins: [{ dim: 'gender', values: [{ value: 'Feminine', total: 14 }] }],
  total: 14,
  disclosure: { k: 11, ptable: 'p', method: 'cell-key' },
};

describe('the research API as the dashboard calls it', () => {
  it('posts the table query, leaving out filters with no value chosen', async () => {
    const { f, calls } = mockFetch(() => json(table));
    const res = await fetchTable(
      {
        dims: ['gender', 'year'],
        filters: { year: [], citizenship: ['UA'] },
        source: 'missions',
        count: 'cases',
      },
      f,
    );
    expect(res.cells).toEqual(table.cells);
    expect(calls[0]!.url).toBe('/api/research/table');
    expect(calls[0]!.init.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({
      dims: ['gender', 'year'],
      source: 'missions',
      count: 'cases',
      filters: { citizenship: ['UA'] },
    });
  });

  it('sends no filters at all when none has a value, and the split of the series', async () => {
    const { f, calls } = mockFetch(() => json({ ...table, dims: ['year', 'gender'] }));
    await fetchSeries(
      { dims: ['gender'], filters: { year: [] }, source: 'ctdc:global-2020', count: 'people' },
      'gender',
      f,
    );
    expect(calls[0]!.url).toBe('/api/research/series');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({
      source: 'ctdc:global-2020',
      count: 'people',
      by: 'gender',
    });
  });

  it("gives a refusal's code and words (an unknown dimension lists the allowed ones)", async () => {
    const { f } = mockFetch(() =>
      json(
        {
          code: 'TERN_RESEARCH_UNKNOWN_DIMENSION',
          message: 'No dimension "shoeSize"; allowed: year, gender',
          details: { allowed: ['year', 'gender'] },
        },
        400,
      ),
    );
    const err = await fetchTable(
      { dims: ['shoeSize'], filters: {}, source: 'missions', count: 'cases' },
      f,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: 'TERN_RESEARCH_UNKNOWN_DIMENSION' });
  });

  it('refuses an answer that is not a research answer, rather than drawing nonsense', async () => {
    const { f } = mockFetch(() => json({ ...table, cells: [{ values: ['Feminine'] }] }));
    await expect(
      fetchTable({ dims: ['gender'], filters: {}, source: 'missions', count: 'cases' }, f),
    ).rejects.toMatchObject({
      code: 'TERN_RESPONSE_UNEXPECTED',
    });
  });

  it('reads the meta answer', async () => {
    const meta = {
      ...fresh,
      dimensions: [{ name: 'gender', kind: 'single', values: ['Feminine', 'Masculine'] }],
      missions: ['m1'],
      sources: [{ id: 'ctdc:global-2020', label: 'CTDC 2020', rows: 48_000, importedAt: null }],
      k: 11,
      maxDims: 3,
    };
    const { f, calls } = mockFetch(() => json(meta));
    await expect(fetchMeta(f)).resolves.toMatchObject({ k: 11, maxDims: 3 });
    expect(calls[0]!.init.method).toBe('GET');
  });

  it('downloads the table in the chosen format and language, named as the server names it', async () => {
    const { f, calls } = mockFetch(
      () =>
        new Response('a,b\n', {
          headers: { 'content-disposition': 'attachment; filename="tern-research-2026-12-02.xlsx"' },
        }),
    );
    const file = await exportTable(
      { dims: ['gender'], filters: {}, source: 'missions', count: 'cases' },
      'xlsx',
      'ar',
      f,
    );
    expect(calls[0]!.url).toBe('/api/research/table/export?format=xlsx&lang=ar');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({
      dims: ['gender'],
      source: 'missions',
      count: 'cases',
    });
    expect(file.name).toBe('tern-research-2026-12-02.xlsx');
    expect(await file.blob.text()).toBe('a,b\n');
  });

  it('downloads the CTDC file, and a refused download is an error, never a file', async () => {
    const ok = mockFetch(() => new Response('caseId,gender\n'));
    await expect(exportCtdc(ok.f)).resolves.toMatchObject({ name: 'tern-ctdc-k-anonymous.csv' });
    const refused = mockFetch(() => json({ code: 'TERN_AUTH_FORBIDDEN', message: 'No' }, 403));
    await expect(exportCtdc(refused.f)).rejects.toMatchObject({ status: 403, code: 'TERN_AUTH_FORBIDDEN' });
  });
});
