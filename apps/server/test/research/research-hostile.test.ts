import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deidentifyCase, researchKeys } from '@tern/research';
import type { ResearchRow } from '@tern/research';
import { MemoryAnalyticsStore, syntheticCaseDocs } from '@tern/research/testing';
import { researchApp, table } from './support.ts';
import type { ResearchTestApp } from './support.ts';

/**
 * A hostile researcher: bodies built to break the parser, the checks or the store, and names forged
 * to learn what exists. Each gets a clear 4xx, nothing is counted outside the grant, and the server
 * answers the next honest question as before.
 */
let t: ResearchTestApp;
beforeAll(async () => {
  t = await researchApp();
  await t.grant('researcher', { all: false, missions: ['demo'] });
}, 60_000);
afterAll(async () => {
  await t.close();
});

const raw = (body: string) => ({
  method: 'POST' as const,
  url: '/api/research/table',
  headers: { 'content-type': 'application/json' },
  payload: body,
});

describe('a hostile researcher', () => {
  it('deep JSON is refused before it is parsed', async () => {
    const deep = `{"dims":["gender"],"filters":{"gender":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
    const res = await t.as('researcher', raw(deep));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'TERN_BAD_REQUEST' });
  });

  it('huge filter lists are refused or answered, never a crash', async () => {
    const many = Array.from({ length: 501 }, (_, i) => `v${i}`);
    const over = await t.as('researcher', table({ dims: ['gender'], filters: { citizenship: many } }));
    expect(over.statusCode).toBe(400);
    // At the limits: 500 values of 100 characters on three dimensions, answered (nothing matches).
    const long = (d: string) => Array.from({ length: 500 }, (_, i) => `${d}${i}`.padEnd(100, 'x'));
    const big = await t.as(
      'researcher',
      table({
        dims: ['gender'],
        filters: { citizenship: long('c'), ageBand: long('a'), exploitation: long('e') },
      }),
    );
    expect(big.statusCode, big.body.slice(0, 300)).toBe(200);
    expect(big.json()).toMatchObject({ cells: [], total: 0 });
    // Past the body limit: 413 before anything is parsed.
    const huge = await t.as(
      'researcher',
      raw(JSON.stringify({ dims: ['gender'], pad: 'x'.repeat(400_000) })),
    );
    expect(huge.statusCode).toBe(413);
  });

  it('forged mission names read exactly like real missions not granted: 403, nothing counted', async () => {
    const answers = [];
    for (const m of [
      'other',
      'atlantis',
      'demo\u0000',
      '../other',
      'DEMO',
      'ctdc:global',
      '*',
      "demo' OR 1=1 --",
    ]) {
      const res = await t.as('researcher', table({ dims: ['gender'], filters: { mission: ['demo', m] } }));
      expect(res.statusCode, m).toBe(403);
      const body = res.json();
      expect(body).toMatchObject({ code: 'TERN_RESEARCH_MISSION_NOT_GRANTED', details: { missions: [m] } });
      answers.push(body.message.replace(m, 'M'));
    }
    // The same words whether the mission exists or not.
    expect(new Set(answers).size).toBe(1);
  });

  it('names of object internals are not dimensions', async () => {
    for (const d of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', 'valueOf']) {
      const dims = await t.as('researcher', table({ dims: [d] }));
      expect(dims.statusCode, d).toBe(400);
      expect(dims.json()).toMatchObject({ code: 'TERN_RESEARCH_UNKNOWN_DIMENSION' });
      const filters = await t.as('researcher', raw(`{"dims":["gender"],"filters":{"${d}":["x"]}}`));
      expect(filters.statusCode, d).toBe(400);
      const series = await t.as('researcher', {
        method: 'POST',
        url: '/api/research/series',
        payload: { by: d },
      });
      expect(series.statusCode, d).toBe(400);
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('values are values: SQL in a filter matches nothing and breaks nothing', async () => {
    const res = await t.as(
      'researcher',
      table({ dims: ['gender'], filters: { citizenship: ["UA') OR 1=1 --", 'x"; DROP TABLE rows; --'] } }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().cells).toEqual([]);
  });

  it('wrong shapes, sources and content types are 4xx with a reason', async () => {
    const cases: Array<[unknown, number]> = [
      [{ dims: 'gender' }, 400],
      [{ dims: [] }, 400],
      [{ dims: [1] }, 400],
      [{ dims: ['gender'], filters: { gender: 'Feminine' } }, 400],
      [{ dims: ['gender'], filters: { gender: [] } }, 400],
      [{ dims: ['gender'], extra: true }, 400],
      [{ dims: ['gender'], source: '../../etc/passwd' }, 400],
      [{ dims: ['gender'], source: `ctdc:${'a'.repeat(41)}` }, 400],
      [{ dims: Array.from({ length: 11 }, () => 'gender') }, 400],
      [[], 400],
      [null, 400],
    ];
    for (const [body, status] of cases) {
      const res = await t.as('researcher', raw(JSON.stringify(body)));
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().message).toBeTruthy();
    }
    const text = await t.as('researcher', {
      method: 'POST',
      url: '/api/research/table',
      headers: { 'content-type': 'text/plain' },
      payload: '{"dims":["gender"]}',
    });
    expect(text.statusCode).toBe(415);
  });

  it('after all that, the honest question gets the same answer as before', async () => {
    const a = await t.as('researcher', table({ dims: ['gender'] }));
    expect(a.statusCode).toBe(200);
    expect(a.json().cells.length).toBeGreaterThan(0);
    expect(a.json().missions).toEqual(['demo']);
  });
});

describe('the daily query budget', () => {
  let b: ResearchTestApp;
  let clock = Date.parse('2026-12-02T10:00:00Z');
  beforeAll(async () => {
    b = await researchApp({
      research: { queriesPerDay: 3 },
      now: () => clock,
      sessionTtlMs: 72 * 3600 * 1000,
    });
    await b.grant('researcher', { all: true });
    await b.grant('researcher2', { all: true });
  }, 60_000);
  afterAll(async () => {
    await b.close();
  });

  it('refuses a researcher past the budget with 429 until the next UTC day; others are not affected', async () => {
    const ask = (user: string) => b.as(user, table({ dims: ['gender'] }));
    for (let i = 0; i < 3; i++) expect((await ask('researcher')).statusCode).toBe(200);
    const over = await ask('researcher');
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({
      code: 'TERN_RESEARCH_BUDGET_EXCEEDED',
      details: { perDay: 3, resetsAt: '2026-12-03T00:00:00.000Z' },
    });
    expect(over.headers['retry-after']).toBe(String(14 * 3600));
    // Every research route counts, files included.
    expect((await b.as('researcher', { method: 'GET', url: '/api/research/meta' })).statusCode).toBe(429);
    expect((await ask('researcher2')).statusCode).toBe(200);
    clock += 14 * 3600 * 1000;
    expect((await ask('researcher')).statusCode).toBe(200);
    // The first refusal of the day is audited, not every one after it.
    const log = await b.as('admin', {
      method: 'GET',
      url: '/api/admin/audit?action=research.query&limit=100',
    });
    const refused = (
      log.json().entries as Array<{ actor: string; outcome: string; details: { code?: string } }>
    ).filter((e) => e.details.code === 'TERN_RESEARCH_BUDGET_EXCEEDED');
    expect(refused).toEqual([expect.objectContaining({ actor: 'researcher', outcome: 'denied' })]);
  });
});

describe('imported sources', () => {
  let s: ResearchTestApp;
  beforeAll(async () => {
    const keys = researchKeys('the secret of an imported dataset in this test');
    const docs = syntheticCaseDocs({ mission: 'ctdc:test', cases: 400, seed: 5 });
    const rows = docs
      .filter((d) => d._id.startsWith('case:'))
      .map((c) =>
        deidentifyCase(
          c,
          docs.filter((d) => d.caseId === c._id),
          'ctdc:test',
          keys,
        ),
      )
      .filter((r): r is ResearchRow => r !== null);
    const store = MemoryAnalyticsStore.fromRows(rows);
    s = await researchApp({
      research: {
        sources: {
          list: async () => [
            { id: 'ctdc:test', label: 'A test dataset', rows: rows.length, importedAt: null },
          ],
          open: async (id) => (id === 'ctdc:test' ? store : null),
        },
      },
    });
  }, 60_000);
  afterAll(async () => {
    await s.close();
  });

  it('a source answers through the same control, to a researcher with no mission granted', async () => {
    const meta = (await s.as('researcher', { method: 'GET', url: '/api/research/meta' })).json();
    expect(meta.sources.map((x: { id: string }) => x.id)).toEqual(['missions', 'ctdc:test']);
    const res = await s.as('researcher', table({ dims: ['gender'], source: 'ctdc:test' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ source: 'ctdc:test', missions: ['ctdc:test'] });
    expect(res.json().cells.length).toBeGreaterThan(0);
    const mixed = await s.as(
      'researcher',
      table({ dims: ['gender'], source: 'ctdc:test', filters: { mission: ['demo'] } }),
    );
    expect(mixed.statusCode).toBe(403);
    expect((await s.as('researcher', table({ dims: ['gender'], source: 'ctdc:nope' }))).statusCode).toBe(404);
  });
});
