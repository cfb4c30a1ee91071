/**
 * One HTTP request as the shaper saw it, for counting round trips. Neither Node's fetch nor PouchDB
 * pipelines requests, so a request on a connection is answered before the next one starts there: its
 * response ends with the last byte delivered down that connection before the next request line.
 */
export interface RequestSpan {
  connection: number;
  /** The first request on its connection: it also waited for the TCP handshake. */
  first: boolean;
  /** When its connection was accepted (ms, performance.now() of the shaper's process). */
  openedAt: number;
  /** When its request line left the client. */
  sentAt: number;
  /** When the last byte of its response reached the client (sentAt if none did). */
  doneAt: number;
}

/**
 * Round trips on the critical path of a run: the largest total over chains of requests where each one
 * was sent after the previous one's response had arrived (so their round trips cannot overlap). A
 * request costs one RTT, two on a new connection (its TCP handshake, measured from the connect).
 * Requests in flight at the same time share their round trips. Found by weighted interval scheduling.
 * With one request after another on one connection this is simply requests + 1.
 */
export function roundTripsOf(spans: readonly RequestSpan[]): number {
  const items = spans
    .map((s) => ({ start: s.first ? s.openedAt : s.sentAt, end: s.doneAt, weight: s.first ? 2 : 1 }))
    .sort((a, b) => a.end - b.end);
  // best[i]: the heaviest chain among the first i spans (by end time).
  const best = [0];
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    // The last span that ended before this one started (binary search over end times).
    let lo = 0;
    let hi = i;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid]!.end <= it.start) lo = mid + 1;
      else hi = mid;
    }
    best.push(Math.max(best[i]!, best[lo]! + it.weight));
  }
  return best[items.length]!;
}
