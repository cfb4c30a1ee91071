import { createHash, randomBytes } from 'node:crypto';
import { createServer, createConnection } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { createServer as createHttpServer, Agent, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { LinkShaper, PROFILES, bytesOf, startShaper } from '../support/link-shaper.ts';
import type { LinkProfile } from '../support/link-shaper.ts';

const random = (n: number) => bytesOf(randomBytes(n));

const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  closers.push(() => new Promise<void>((ok) => server.close(() => ok())));
  return (server.address() as AddressInfo).port;
}

/** A TCP server whose sockets may be reset by the shaper without crashing the test. */
function tcpServer(onSocket: (s: Socket) => void): Server {
  return createServer((s) => {
    s.on('error', () => {});
    onSocket(s);
  });
}

async function shaper(port: number, profile: LinkProfile, handshake = true): Promise<LinkShaper> {
  const s = await startShaper(port, profile, { handshake });
  closers.push(() => s.close());
  return s;
}

function connect(port: number): Promise<Socket> {
  return new Promise((ok, fail) => {
    const s = createConnection({ host: '127.0.0.1', port }, () => {
      s.off('error', fail);
      s.on('error', () => {});
      ok(s);
    });
    s.once('error', fail);
    closers.push(() => void s.destroy());
  });
}

/** Read from a socket until it ends or fails; resolves with everything read and when the last byte came. */
function readAll(s: Socket): Promise<{ data: Uint8Array; lastAt: number; error: boolean }> {
  const parts: Uint8Array[] = [];
  let lastAt = performance.now();
  return new Promise((ok) => {
    s.on('data', (b: Buffer) => {
      parts.push(bytesOf(b));
      lastAt = performance.now();
    });
    let error = false;
    s.on('error', () => (error = true));
    s.on('close', () => ok({ data: bytesOf(Buffer.concat(parts)), lastAt, error }));
  });
}

describe('link shaper on loopback', () => {
  it('delivers downstream at the profile rate plus half the RTT (3G: 1.6 Mbps, 300 ms)', async () => {
    const payload = random(100_000);
    const port = await listen(tcpServer((s) => s.end(payload)));
    const link = await shaper(port, PROFILES['3g']);
    const t0 = performance.now();
    const got = await readAll(await connect(link.port));
    const elapsed = got.lastAt - t0;
    // 100 kB · 8 / 1.6 Mbps = 500 ms on the wire, + 150 ms one-way delay.
    const expected = (payload.length * 8 * 1000) / 1_600_000 + 150;
    expect(same(got.data, payload)).toBe(true);
    expect(elapsed).toBeGreaterThan(expected * 0.95);
    expect(elapsed).toBeLessThan(expected * 1.2); // lower bound exact; upper allows a busy 2-core machine
    expect(link.stats.down.bytes).toBe(payload.length);
    expect(link.stats.connections).toBe(1);
  });

  it('delivers upstream at the upload rate, after the handshake RTT (3G: 768 kbps)', async () => {
    const payload = random(48_000);
    let received: Promise<{ data: Uint8Array; lastAt: number }> | undefined;
    const port = await listen(tcpServer((s) => (received = readAll(s))));
    const link = await shaper(port, PROFILES['3g']);
    const t0 = performance.now();
    const c = await connect(link.port);
    c.end(payload);
    await new Promise((r) => setTimeout(r, 50));
    const got = await received!;
    const elapsed = got.lastAt - t0;
    // handshake 300 ms + 48 kB · 8 / 768 kbps = 500 ms + 150 ms one-way.
    const expected = 300 + (payload.length * 8 * 1000) / 768_000 + 150;
    expect(same(got.data, payload)).toBe(true);
    expect(elapsed).toBeGreaterThan(expected * 0.95);
    expect(elapsed).toBeLessThan(expected * 1.2); // lower bound exact; upper allows a busy 2-core machine
    expect(link.stats.up.bytes).toBe(payload.length);
  });

  it('adds one RTT to a small round trip on an open connection (2G: 800 ms)', async () => {
    const port = await listen(tcpServer((s) => s.pipe(s)));
    const link = await shaper(port, PROFILES['2g'], false);
    const c = await connect(link.port);
    const rtts: number[] = [];
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      const echoed = new Promise((ok) => c.once('data', ok));
      c.write('x');
      await echoed;
      rtts.push(performance.now() - t0);
    }
    // The shaper never delivers early; a busy machine can only make a sample late, so bound the best one.
    for (const rtt of rtts) expect(rtt).toBeGreaterThan(795);
    expect(Math.min(...rtts)).toBeLessThan(850);
  });

  it('keeps bytes in order and intact both ways under load, and counts them', async () => {
    const port = await listen(tcpServer((s) => s.pipe(s)));
    const link = await shaper(port, { name: 'fast', downBps: 20_000_000, upBps: 20_000_000, rttMs: 20 });
    const payload = random(300_000);
    const c = await connect(link.port);
    const got = readAll(c);
    for (let off = 0; off < payload.length; off += 7_001) c.write(payload.subarray(off, off + 7_001));
    c.end();
    const { data } = await got;
    expect(createHash('sha256').update(data).digest('hex')).toBe(
      createHash('sha256').update(payload).digest('hex'),
    );
    expect(link.stats.up.bytes).toBe(payload.length);
    expect(link.stats.down.bytes).toBe(payload.length);
  });

  it('cuts a connection after exactly N bytes in the chosen direction', async () => {
    const payload = random(50_000);
    const port = await listen(tcpServer((s) => s.end(payload)));
    const link = await shaper(port, { name: 'fast', downBps: 10_000_000, upBps: 10_000_000, rttMs: 10 });
    const cut = link.cutAfter('down', 12_345);
    const got = await readAll(await connect(link.port));
    const info = await cut;
    expect(info).toMatchObject({ direction: 'down', atByte: 12_345, connection: 1 });
    expect(got.data.length).toBe(12_345);
    expect(same(got.data, payload.subarray(0, 12_345))).toBe(true);
    expect(link.stats.down.bytes).toBe(12_345);
    expect(link.stats.cuts).toBe(1);
  });

  it('cuts upstream mid-request: the server sees a partial body and the client an error', async () => {
    let serverGot: Promise<{ data: Uint8Array }> | undefined;
    const port = await listen(tcpServer((s) => (serverGot = readAll(s))));
    const link = await shaper(port, { name: 'fast', downBps: 10_000_000, upBps: 10_000_000, rttMs: 10 });
    const c = await connect(link.port);
    const clientDone = readAll(c);
    void link.cutAfter('up', 1_000);
    c.write(random(5_000));
    const client = await clientDone;
    const server = await serverGot!;
    expect(server.data.length).toBe(1_000);
    expect(client.error).toBe(true);
  });

  it('counts HTTP requests and connections separately (keep-alive reuses one connection)', async () => {
    const http = createHttpServer((req, res) => {
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    const port = await listen(http);
    const link = await shaper(port, { name: 'fast', downBps: 10_000_000, upBps: 10_000_000, rttMs: 10 });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    closers.push(() => agent.destroy());
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((ok, fail) => {
        const r = request(
          { host: '127.0.0.1', port: link.port, path: `/x${i}`, method: 'POST', agent },
          (res) => {
            res.resume();
            res.on('end', () => ok());
          },
        );
        r.on('error', fail);
        r.end('{"hello":"world"}');
      });
    }
    expect(link.stats.connections).toBe(1);
    expect(link.stats.httpRequests).toBe(3);
  });
});
