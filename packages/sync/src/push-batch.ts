import { jsonBytes } from './body.ts';
import type { WireDoc } from './types.ts';

/** How the replicator sizes a push batch (decision 191): by count and bytes, or by time on the link. */

/**
 * The next batch's byte budget when sizing by time: the bytes the last batch sent per second of its
 * send phase (request start to the answer's first byte, so round-trip time and server work count
 * against the link, a cautious estimate), times the target, at most twice the last budget (a fast
 * link is found in a few round trips, not assumed), within [min, max].
 */
export function nextBatchBudget(
  last: { budget: number; bytes: number; sendMs: number },
  targetSeconds: number,
  min: number,
  max: number,
): number {
  const rate = last.bytes / Math.max(last.sendMs, 1); // bytes per ms
  const wanted = Math.min(rate * targetSeconds * 1000, last.budget * 2);
  return Math.round(Math.min(max, Math.max(min, wanted)));
}

/** Take documents in order until either the count or the byte budget is reached (at least one). */
export function takeBatch(docs: WireDoc[], maxDocs: number, maxBytes: number): WireDoc[] {
  const out: WireDoc[] = [];
  let bytes = 0;
  for (const doc of docs) {
    const size = jsonBytes(doc);
    if (out.length > 0 && (out.length >= maxDocs || bytes + size > maxBytes)) break;
    out.push(doc);
    bytes += size;
  }
  return out;
}
