import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { PROFILES } from '../support/link-shaper.ts';
import type { LinkProfile } from '../support/link-shaper.ts';
import { roundTripsOf } from '../support/round-trips.ts';
import type { RequestSpan } from '../support/round-trips.ts';
import { startShaperHandle } from '../support/shaper-process.ts';

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

const span = (connection: number, first: boolean, openedAt: number, sentAt: number, doneAt: number) => ({
  connection,
  first,
  openedAt,
  sentAt,
  doneAt,
});

/** Every subset that is a chain (each sent after the previous one's answer), the heaviest one. */
function bruteForce(spans: RequestSpan[]): number {
  const items = spans.map((s) => ({
    start: s.first ? s.openedAt : s.sentAt,
    end: s.doneAt,
    w: s.first ? 2 : 1,
  }));
  let best = 0;
  for (let mask = 0; mask < 1 << items.length; mask++) {
    const chosen = items.filter((_, i) => mask & (1 << i)).sort((a, b) => a.start - b.start);
    if (chosen.every((x, i) => i === 0 || chosen[i - 1]!.end <= x.start))
      best = Math.max(
        best,
        chosen.reduce((n, x) => n + x.w, 0),
      );
  }
  return best;
}

describe('round trips on the critical path', () => {
  it('counts requests one after another on one connection as requests + 1 (the handshake)', () => {
    const spans = [span(1, true, 0, 5, 100), span(1, false, 0, 101, 200), span(1, false, 0, 201, 300)];
    expect(roundTripsOf(spans)).toBe(4);
  });

  it('lets requests in flight together share their round trips', () => {
    // Three connections opened together, three requests answered at overlapping times, then one more.
    const spans = [
      span(1, true, 0, 1, 100),
      span(2, true, 0, 2, 110),
      span(3, true, 1, 3, 120),
      span(1, false, 0, 121, 200),
    ];
    expect(roundTripsOf(spans)).toBe(3);
    expect(roundTripsOf([])).toBe(0);
  });

  it('finds the heaviest chain, as trying every subset does', () => {
    const arbSpan = fc
      .record({
        connection: fc.integer({ min: 1, max: 3 }),
        first: fc.boolean(),
        openedAt: fc.integer({ min: 0, max: 50 }),
        wait: fc.integer({ min: 0, max: 50 }),
        length: fc.integer({ min: 0, max: 80 }),
      })
      .map((r) =>
        span(r.connection, r.first, r.openedAt, r.openedAt + r.wait, r.openedAt + r.wait + r.length),
      );
    fc.assert(
      fc.property(fc.array(arbSpan, { maxLength: 9 }), (spans) => {
        expect(roundTripsOf(spans)).toBe(bruteForce(spans));
      }),
      { seed: 20261202, numRuns: 100 },
    );
  });
});

async function httpServer(): Promise<number> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('x'.repeat(2000)));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  closers.push(() => new Promise<void>((ok) => server.close(() => ok())));
  return (server.address() as AddressInfo).port;
}

function post(port: number, agent: Agent, path: string): Promise<void> {
  return new Promise<void>((ok, fail) => {
    const r = request({ host: '127.0.0.1', port, path, method: 'POST', agent }, (res) => {
      res.resume();
      res.on('end', () => ok());
    });
    r.on('error', fail);
    r.end('{"hello":"world"}');
  });
}

const FAST: LinkProfile = { name: 'fast', downBps: 10_000_000, upBps: 10_000_000, rttMs: 40 };

describe.each(['this', 'own'] as const)('a shaper in %s process records each request', (where) => {
  it('one after another on a kept-alive connection: requests + 1 round trips, answered in order', async () => {
    const port = await httpServer();
    const shaper = await startShaperHandle(port, FAST, where);
    closers.push(() => shaper.close());
    expect(shaper.pid === process.pid).toBe(where === 'this');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    closers.push(() => agent.destroy());
    for (let i = 0; i < 3; i++) await post(shaper.port, agent, `/seq${i}`);
    const { stats, requests } = await shaper.report();
    expect(stats.httpRequests).toBe(3);
    expect(stats.connections).toBe(1);
    expect(requests.map((r) => r.first)).toEqual([true, false, false]);
    for (const [i, r] of requests.entries()) {
      // Each answer took at least one RTT, and came before the next request left.
      expect(r.doneAt - r.sentAt).toBeGreaterThanOrEqual(FAST.rttMs * 0.95);
      if (i > 0) expect(requests[i - 1]!.doneAt).toBeLessThanOrEqual(r.sentAt);
    }
    expect(roundTripsOf(requests)).toBe(4);
  });

  it('three at once on three connections: one handshake and one request on the critical path', async () => {
    const port = await httpServer();
    const shaper = await startShaperHandle(port, PROFILES['3g'], where);
    closers.push(() => shaper.close());
    const agent = new Agent({ keepAlive: true, maxSockets: 3 });
    closers.push(() => agent.destroy());
    await Promise.all([0, 1, 2].map((i) => post(shaper.port, agent, `/par${i}`)));
    const { stats, requests } = await shaper.report();
    expect(stats.httpRequests).toBe(3);
    expect(stats.connections).toBe(3);
    expect(roundTripsOf(requests)).toBe(2);
  });
});

it('a shaper in its own process ends with close()', async () => {
  const port = await httpServer();
  const shaper = await startShaperHandle(port, FAST, 'own');
  expect(() => process.kill(shaper.pid, 0)).not.toThrow();
  await shaper.close();
  expect(() => process.kill(shaper.pid, 0)).toThrow(/ESRCH/);
});
