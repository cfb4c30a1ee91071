import { createConnection, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import type { CutInfo, Direction, LinkProfile, ShaperOptions, ShaperStats } from './link-profile.ts';
import type { RequestSpan } from './round-trips.ts';

/**
 * A user-space link shaper for tests and benchmarks: a loopback TCP proxy that gives each direction a
 * rate (bits/s) and a one-way delay (RTT/2), and can cut a connection after N bytes. No `tc`, no root.
 *
 * Model (what a bottleneck link does, simplified):
 * - Each direction is ONE link shared by every connection through the shaper, like a field office's
 *   modem. Bytes are cut into packets of at most `mtu` bytes; a packet occupies the link for
 *   bytes·8/rate seconds after the previous one (a time-slot scheduler, FIFO, so order is kept), then
 *   arrives `rtt/2` later (a timestamped queue drained by one timer per direction).
 * - A new connection pays its TCP handshake: the first byte it sends upstream leaves one RTT after the
 *   connect (SYN → SYN-ACK → data), so keep-alive matters as it does on a real link.
 * - Backpressure: when more than `windowBytes` of a connection wait in the link, the shaper stops
 *   reading that socket (as a TCP window would), so a sender cannot finish "sending" far ahead of the link.
 * - Not modelled: TCP slow start, loss and retransmission, header bytes. Counters are payload bytes.
 *
 * Profiles: WebPageTest's connectivity presets (3G Slow, 3G, 2G).
 */

export { PROFILES } from './link-profile.ts';
export type {
  CutInfo,
  Direction,
  DirectionStats,
  LinkProfile,
  ShaperOptions,
  ShaperStats,
} from './link-profile.ts';

interface Packet {
  conn: Conn;
  data: Uint8Array | null; // null: the sender closed its side (FIN), delivered after the data before it
  deliverAt: number;
}

interface Conn {
  id: number;
  client: Socket;
  upstream: Socket;
  dead: boolean;
  queued: Record<Direction, number>;
  /** Earliest time this connection's next upstream byte may leave (handshake). */
  readyAt: number;
  /** End of the last request line fragment, to find request lines split across reads. */
  sniffTail: string;
  openedAt: number;
  /** The request being answered on this connection (for its `doneAt`). */
  current: RequestSpan | null;
}

interface Cut {
  direction: Direction;
  /** Cut when the direction's delivered byte counter reaches this value. */
  atByte: number;
  resolve: (info: CutInfo) => void;
}

const REQUEST_LINE = /(?:GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH|COPY) \S+ HTTP\/1\.[01]\r\n/g;

class Link {
  private busyUntil = 0;
  private readonly queue: Packet[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly direction: Direction,
    private readonly shaper: LinkShaper,
  ) {}

  send(conn: Conn, data: Uint8Array | null, earliest: number): void {
    const { profile, mtu } = this.shaper;
    const bps = this.direction === 'up' ? profile.upBps : profile.downBps;
    const now = performance.now();
    if (data === null) {
      const last = Math.max(now, this.busyUntil, earliest);
      this.push({ conn, data: null, deliverAt: last + profile.rttMs / 2 });
      return;
    }
    for (let off = 0; off < data.length; off += mtu) {
      const part = data.subarray(off, Math.min(off + mtu, data.length));
      // Time-slot scheduler: the packet starts when the link is free, and holds it for size/rate.
      const start = Math.max(now, this.busyUntil, earliest);
      if (this.busyUntil > 0 && start > this.busyUntil)
        this.shaper.stats[this.direction].idleMs += start - this.busyUntil;
      this.busyUntil = start + (part.length * 8 * 1000) / bps;
      conn.queued[this.direction] += part.length;
      this.push({ conn, data: part, deliverAt: this.busyUntil + profile.rttMs / 2 });
    }
  }

  private push(p: Packet): void {
    this.queue.push(p);
    this.arm();
  }

  private arm(): void {
    if (this.timer || this.head >= this.queue.length) return;
    const wait = Math.max(0, this.queue[this.head]!.deliverAt - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.drain();
    }, wait);
  }

  private drain(): void {
    const now = performance.now();
    while (this.head < this.queue.length && this.queue[this.head]!.deliverAt <= now + 0.5) {
      const p = this.queue[this.head++]!;
      this.shaper.deliver(this.direction, p);
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    this.arm();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queue.length = 0;
    this.head = 0;
  }
}

export class LinkShaper {
  /** The link's rates and delay; `setProfile` changes them for the bytes sent from then on. */
  profile: LinkProfile;
  readonly mtu: number;
  readonly stats: ShaperStats = {
    up: { bytes: 0, bytesIn: 0, idleMs: 0 },
    down: { bytes: 0, bytesIn: 0, idleMs: 0 },
    connections: 0,
    httpRequests: 0,
    cuts: 0,
    resets: 0,
  };
  /** Every HTTP request seen, in order (`roundTripsOf` in round-trips.ts reads them). */
  readonly requests: RequestSpan[] = [];
  /** Why each reset connection was reset (see `stats.resets`). */
  readonly failures: string[] = [];
  private readonly windowBytes: number;
  private readonly handshake: boolean;
  private readonly links: Record<Direction, Link>;
  private readonly conns = new Set<Conn>();
  private readonly cuts: Cut[] = [];
  private watchers: Array<{ direction: Direction; atByte: number; resolve: () => void }> = [];
  private server: Server | null = null;
  private nextId = 0;
  port = 0;

  constructor(private readonly opts: ShaperOptions) {
    this.profile = opts.profile;
    this.mtu = opts.mtu ?? 1460;
    this.windowBytes = opts.windowBytes ?? 64 * 1024;
    this.handshake = opts.handshake ?? true;
    this.links = { up: new Link('up', this), down: new Link('down', this) };
  }

  /**
   * Change the link (a phone moving from the office's Wi-Fi to 3G): packets already scheduled keep
   * their times, every packet sent after this call follows the new rates and delay.
   */
  setProfile(profile: LinkProfile): void {
    this.profile = profile;
  }

  /** Listen on a loopback port; returns it. */
  async start(port = 0): Promise<number> {
    const server = createServer({ allowHalfOpen: true }, (client) => this.accept(client));
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(port, '127.0.0.1', () => ok());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this.port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** A copy of the counters, to subtract later. */
  snapshot(): ShaperStats {
    return structuredClone(this.stats);
  }

  /**
   * Cut the connection that carries the `afterBytes`-th byte from now in `direction`: the bytes before it
   * are delivered, then both sockets are reset. Resolves when the cut happened.
   */
  cutAfter(direction: Direction, afterBytes: number): Promise<CutInfo> {
    return new Promise((resolve) => {
      this.cuts.push({ direction, atByte: this.stats[direction].bytes + Math.max(1, afterBytes), resolve });
    });
  }

  /** Resolves once `afterBytes` more bytes have been delivered in `direction` (nothing is cut). */
  whenBytes(direction: Direction, afterBytes: number): Promise<void> {
    return new Promise((resolve) => {
      this.watchers.push({
        direction,
        atByte: this.stats[direction].bytes + Math.max(1, afterBytes),
        resolve,
      });
    });
  }

  /** Drop armed cuts that have not happened (their promises never resolve). */
  disarm(): void {
    this.cuts.length = 0;
    this.watchers = [];
  }

  /** Reset every open connection now (e.g. with the server killed). */
  resetAll(): void {
    for (const c of [...this.conns]) this.kill(c);
  }

  async close(): Promise<void> {
    this.disarm();
    this.resetAll();
    this.links.up.close();
    this.links.down.close();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((ok) => server.close(() => ok()));
  }

  private accept(client: Socket): void {
    this.stats.connections += 1;
    const upstream = createConnection({
      host: this.opts.targetHost ?? '127.0.0.1',
      port: this.opts.targetPort,
      allowHalfOpen: true,
    });
    const conn: Conn = {
      id: ++this.nextId,
      client,
      upstream,
      dead: false,
      queued: { up: 0, down: 0 },
      readyAt: performance.now() + (this.handshake ? this.profile.rttMs : 0),
      sniffTail: '',
      openedAt: performance.now(),
      current: null,
    };
    this.conns.add(conn);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    const wire = (from: Socket, direction: Direction) => {
      from.on('data', (chunk: Buffer) => {
        if (conn.dead) return;
        const data = bytesOf(chunk);
        this.stats[direction].bytesIn += data.length;
        if (direction === 'up') this.sniff(conn, data);
        this.links[direction].send(conn, data, direction === 'up' ? conn.readyAt : 0);
        if (conn.queued[direction] > this.windowBytes) from.pause();
      });
      from.on('end', () => {
        if (!conn.dead) this.links[direction].send(conn, null, direction === 'up' ? conn.readyAt : 0);
      });
      const side = direction === 'up' ? 'client' : 'server';
      from.on('error', (e: NodeJS.ErrnoException) => this.kill(conn, `${side} ${e.code ?? e.message}`));
      from.on('close', () => {
        // A socket closed without a clean end (reset): pass the reset on.
        if (!conn.dead && from.destroyed && !from.readableEnded) this.kill(conn, `${side} closed`);
      });
    };
    wire(client, 'up');
    wire(upstream, 'down');
    let closed = 0;
    const forget = () => {
      if (++closed === 2) this.conns.delete(conn);
    };
    client.once('close', forget);
    upstream.once('close', forget);
  }

  /** Count HTTP request lines in the upstream byte stream (a line may be split across reads). */
  private sniff(conn: Conn, data: Uint8Array): void {
    const text =
      conn.sniffTail + Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
    REQUEST_LINE.lastIndex = 0;
    let end = 0;
    for (let m = REQUEST_LINE.exec(text); m; m = REQUEST_LINE.exec(text)) {
      this.stats.httpRequests += 1;
      end = m.index + m[0].length;
      const now = performance.now();
      const span: RequestSpan = {
        connection: conn.id,
        first: conn.current === null,
        openedAt: conn.openedAt,
        sentAt: now,
        doneAt: now,
      };
      this.requests.push(span);
      conn.current = span;
    }
    // Keep enough of the tail to recognise a request line cut in two, but never one already counted.
    conn.sniffTail = text.slice(Math.max(end, text.length - 2048));
  }

  /** Called by a link when a packet reaches the far side. */
  deliver(direction: Direction, p: Packet): void {
    const conn = p.conn;
    if (conn.dead) return;
    const to = direction === 'up' ? conn.upstream : conn.client;
    const from = direction === 'up' ? conn.client : conn.upstream;
    if (p.data === null) {
      to.end();
      return;
    }
    let data = p.data;
    conn.queued[direction] -= data.length;
    const counter = this.stats[direction];
    const cut = this.cuts.find((c) => c.direction === direction && c.atByte <= counter.bytes + data.length);
    if (cut) {
      const keep = Math.max(0, cut.atByte - counter.bytes);
      data = data.subarray(0, keep);
      counter.bytes += data.length;
      this.cuts.splice(this.cuts.indexOf(cut), 1);
      this.stats.cuts += 1;
      // The bytes before the cut reach the far side, then its socket closes; the near side is reset.
      this.conns.delete(conn);
      conn.dead = true;
      to.end(data, () => to.destroy());
      reset(from);
      cut.resolve({ direction, atByte: cut.atByte, connection: conn.id });
      return;
    }
    counter.bytes += data.length;
    to.write(data);
    if (direction === 'down' && conn.current) conn.current.doneAt = performance.now();
    if (this.watchers.length > 0) {
      const due = this.watchers.filter((w) => w.direction === direction && w.atByte <= counter.bytes);
      this.watchers = this.watchers.filter((w) => !due.includes(w));
      for (const w of due) w.resolve();
    }
    if (conn.queued[direction] <= this.windowBytes / 2 && from.isPaused()) from.resume();
  }

  /** `failure`: why an end failed, when it did (counted, and kept in `failures`). */
  private kill(conn: Conn, failure?: string): void {
    if (failure && !conn.dead) {
      this.stats.resets += 1;
      const requests = this.requests.filter((r) => r.connection === conn.id).length;
      const age = Math.round(performance.now() - conn.openedAt);
      this.failures.push(
        `connection ${conn.id}: ${failure} after ${requests} requests, ${age} ms after it opened`,
      );
    }
    conn.dead = true;
    this.conns.delete(conn);
    reset(conn.client);
    reset(conn.upstream);
  }
}

/**
 * A plain Uint8Array view of a Buffer (no copy). With TypeScript 6's lib and @types/node 20, Buffer is
 * not assignable to Uint8Array, which socket.write expects.
 */
export function bytesOf(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** A reset, as a dropped link looks to an endpoint once it notices. */
function reset(s: Socket): void {
  if (s.destroyed) return;
  try {
    s.resetAndDestroy();
  } catch {
    s.destroy();
  }
}

/** Start a shaper in front of `targetPort`. */
export async function startShaper(
  targetPort: number,
  profile: LinkProfile,
  opts: Omit<ShaperOptions, 'targetPort' | 'profile'> = {},
): Promise<LinkShaper> {
  const s = new LinkShaper({ targetPort, profile, ...opts });
  await s.start();
  return s;
}
