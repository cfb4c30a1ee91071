import type { SyncProgress } from '@tern/sync';

export interface SyncEstimate {
  /** Records sent so far, and in all (sent + still to send). */
  sent: number;
  total: number;
  bytesSent: number;
  /** Bytes still to send, from the average size of the records sent so far. */
  bytesLeft: number | null;
  /** Records received: stored, plus those of the answer under way counted as they arrive. */
  received: number;
  /** Bytes of the server's answers received so far (after gzip decoding). */
  receivedBytes: number;
  /** What the round trip under way does (the replicator's phase). */
  phase: SyncProgress['phase'];
  /** The batch being sent: records and bytes; 0 between round trips. */
  sending: number;
  sendingBytes: number;
  /** While a received page is stored: records ready so far, of how many. */
  storing: number;
  storingOf: number;
  /** Seconds left at the pace so far; null until one batch is through (no pace to go by). */
  secondsLeft: number | null;
}

/**
 * What the progress bar shows. The replicator reports counts and bytes as batches are committed;
 * records received count as they stream in (the replicator counts them in the answer before it is
 * stored), and storing a large page counts too, so a long pull moves; a batch counts as sent once
 * its answer begins (the answer opens with the push's results). Time left is the pace so far applied
 * to the records still to send: crude, but honest about being an estimate.
 */
export function estimateSync(p: SyncProgress, elapsedMs: number): SyncEstimate {
  // The answer starts with the push's results: once it arrives, the server holds the batch.
  const inServer = p.phase === 'receive' || p.phase === 'store';
  const sent = p.pushedDocs + (inServer ? p.sendingDocs : 0);
  const total = p.pushedDocs + p.toPush;
  const perDoc = sent > 0 ? p.pushedBytes / sent : null;
  return {
    sent,
    total,
    bytesSent: p.pushedBytes + (inServer ? p.sendingBytes : 0),
    bytesLeft: perDoc === null ? null : Math.round(perDoc * Math.max(0, total - sent)),
    received: p.pulledDocs + p.receivingDocs,
    receivedBytes: p.receivedBytes,
    phase: p.phase,
    sending: p.sendingDocs,
    sendingBytes: p.sendingBytes,
    storing: p.storingDocs,
    storingOf: p.phase === 'store' ? p.receivingDocs : 0,
    secondsLeft:
      sent > 0 && total > sent ? ((elapsedMs / sent) * (total - sent)) / 1000 : sent > 0 ? 0 : null,
  };
}
