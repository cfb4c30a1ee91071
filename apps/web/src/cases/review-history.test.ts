import { describe, expect, it } from 'vitest';
import { earlierRevs, lastJudged, reviewBaseline } from './review-history.ts';

const revisions = { start: 4, ids: ['d', 'c', 'b', 'a'] };
const row = { mission: 'm 1', id: 'sub:01J0000000000000000000000A', revisions };
const at = (day: number) => `2026-12-0${day}T10:00:00.000Z`;
const doc = (rev: string, state: string | null, answers: unknown = { age: Number(rev[0]) }) => ({
  ok: {
    _id: row.id,
    _rev: rev,
    answers,
    ...(state ? { review: { state, by: 'officer', at: at(Number(rev[0])) } } : {}),
  },
});

/** A fetch that answers once with `body` (or fails) and records the URL it was asked. */
function stubFetch(answer: { status: number; body: unknown } | 'down') {
  const asked: string[] = [];
  const f = (async (url: string) => {
    asked.push(url);
    if (answer === 'down') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  }) as unknown as typeof fetch;
  return { f, asked };
}

describe("a reviewer's previous version from the record's history (decision 208)", () => {
  it('lists the earlier revisions newest first, bounded', () => {
    expect(earlierRevs(revisions)).toEqual(['3-c', '2-b', '1-a']);
    expect(earlierRevs(revisions, 2)).toEqual(['3-c', '2-b']);
    expect(earlierRevs({ start: 1, ids: ['a'] })).toEqual([]);
  });

  it('takes the newest approved or returned version, passing over submitted, missing and deleted ones', () => {
    const entries = [
      doc('3-c', 'submitted'),
      { missing: '2-b' },
      doc('1-a', 'returned'),
      { ok: { _id: row.id, _rev: '2-b', _deleted: true, review: { state: 'approved', by: 'x', at: at(2) } } },
    ];
    expect(lastJudged(entries, ['3-c', '2-b', '1-a'])).toEqual({ answers: { age: 1 }, at: at(1) });
    expect(lastJudged([doc('3-c', 'approved'), doc('1-a', 'returned')], ['3-c', '2-b', '1-a'])).toEqual({
      answers: { age: 3 },
      at: at(3),
    });
  });

  it('trusts no odd answer from the server: wrong shapes, forged reviews and revisions not asked for', () => {
    expect(lastJudged({ not: 'a list' }, ['3-c'])).toBeNull();
    expect(lastJudged([null, 7, 'x', { ok: null }, { ok: [] }], ['3-c'])).toBeNull();
    expect(lastJudged([doc('3-c', 'approved', ['not', 'an', 'object'])], ['3-c'])).toBeNull();
    const forged = {
      ok: { _rev: '3-c', answers: {}, review: { state: 'approved', by: '', at: 'yesterday' } },
    };
    expect(lastJudged([forged], ['3-c'])).toBeNull();
    expect(lastJudged([doc('9-z', 'approved')], ['3-c'])).toBeNull();
  });

  it("uses the device's own version without asking the server", async () => {
    const { f, asked } = stubFetch('down');
    const mine = { answers: { age: 9 }, at: at(5) };
    expect(await reviewBaseline(mine, row, f)).toEqual({ from: 'device', version: mine });
    expect(asked).toEqual([]);
  });

  it('asks nothing for a first version (nothing was judged before it)', async () => {
    const { f, asked } = stubFetch('down');
    expect(await reviewBaseline(null, { ...row, revisions: { start: 1, ids: ['a'] } }, f)).toEqual({
      from: 'none',
    });
    expect(asked).toEqual([]);
  });

  it('reads the earlier revisions in one request of the CouchDB door', async () => {
    const { f, asked } = stubFetch({ status: 200, body: [doc('3-c', 'submitted'), doc('2-b', 'returned')] });
    expect(await reviewBaseline(null, row, f)).toEqual({
      from: 'server',
      version: { answers: { age: 2 }, at: at(2) },
    });
    expect(asked).toHaveLength(1);
    const url = new URL(asked[0]!, 'http://device');
    expect(url.pathname).toBe('/couch/m%201/sub%3A01J0000000000000000000000A');
    expect(JSON.parse(url.searchParams.get('open_revs')!)).toEqual(['3-c', '2-b', '1-a']);
  });

  it('says none when the history holds no judged version', async () => {
    const { f } = stubFetch({
      status: 200,
      body: [doc('3-c', null), { missing: '2-b' }, { missing: '1-a' }],
    });
    expect(await reviewBaseline(null, row, f)).toEqual({ from: 'none' });
  });

  it('says offline when the server cannot be reached, and failed (with the reason) when it refuses', async () => {
    expect(await reviewBaseline(null, row, stubFetch('down').f)).toEqual({ from: 'offline' });
    const refused = await reviewBaseline(
      null,
      row,
      stubFetch({ status: 403, body: { code: 'TERN_AUTH_FORBIDDEN', message: 'not your mission' } }).f,
    );
    expect(refused.from).toBe('failed');
    expect(refused.from === 'failed' && [refused.error.code, refused.error.message]).toEqual([
      'TERN_AUTH_FORBIDDEN',
      'not your mission',
    ]);
  });
});
