// The link shaper's vocabulary (link-shaper.ts): the profiles of the links it imitates, its options and
// the counters it keeps.

export type Direction = 'up' | 'down';

export interface LinkProfile {
  name: string;
  /** Server → client, bits per second. */
  downBps: number;
  /** Client → server, bits per second. */
  upBps: number;
  /** Round-trip time in ms; each direction adds half. */
  rttMs: number;
}

export const PROFILES = {
  '3g-slow': { name: 'WPT 3G Slow', downBps: 400_000, upBps: 400_000, rttMs: 400 },
  '3g': { name: 'WPT 3G', downBps: 1_600_000, upBps: 768_000, rttMs: 300 },
  '2g': { name: 'WPT 2G', downBps: 280_000, upBps: 256_000, rttMs: 800 },
} as const satisfies Record<string, LinkProfile>;

export interface ShaperOptions {
  /** Where the proxy forwards to (loopback). */
  targetPort: number;
  targetHost?: string;
  profile: LinkProfile;
  /** Packet size used by the scheduler. */
  mtu?: number;
  /** Per-connection bytes queued in one direction before the shaper stops reading that socket. */
  windowBytes?: number;
  /** Model the TCP handshake (one RTT before a new connection's first upstream byte). Default true. */
  handshake?: boolean;
}

export interface DirectionStats {
  /** Bytes delivered to the far side. */
  bytes: number;
  /** Bytes read from the near side (includes bytes dropped by a cut). */
  bytesIn: number;
  /** Time (ms) the link stood idle between its first and its last packet: the sender had nothing to send. */
  idleMs: number;
}

export interface ShaperStats {
  up: DirectionStats;
  down: DirectionStats;
  /** TCP connections opened through the shaper. */
  connections: number;
  /** HTTP/1.x request lines seen going up (`METHOD /path HTTP/1.1`). */
  httpRequests: number;
  /** Connections cut by the shaper. */
  cuts: number;
  /** Connections reset because one end failed or reset its side (not cuts, not `close()`). */
  resets: number;
}

export interface CutInfo {
  direction: Direction;
  atByte: number;
  connection: number;
}
