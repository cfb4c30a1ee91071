import type { SyncProgress } from '@tern/sync';

export interface SyncEstimate {
  /** Records sent so far, and in all (sent + still to send). */
  sent: number;
  total: number;
  bytesSent: number;
  /** Bytes still to send, from the average size of the records sent so far. */
  bytesLeft: number | null;
  received: number;
  /** Seconds left at the pace so far; null until one batch is through (no pace to go by). */
  secondsLeft: number | null;
}

/**
 * What the progress bar shows. The replicator reports counts and bytes as batches are committed;
 * time left is the pace so far applied to the records still to send — crude, but honest about
 * being an estimate, and on the slow links Tern is made for most of the time is spent pushing.
 */
export function estimateSync(p: SyncProgress, elapsedMs: number): SyncEstimate {
  const sent = p.pushedDocs;
  const total = p.pushedDocs + p.toPush;
  const perDoc = sent > 0 ? p.pushedBytes / sent : null;
  return {
    sent,
    total,
    bytesSent: p.pushedBytes,
    bytesLeft: perDoc === null ? null : Math.round(perDoc * p.toPush),
    received: p.pulledDocs,
    secondsLeft: sent > 0 && p.toPush > 0 ? ((elapsedMs / sent) * p.toPush) / 1000 : sent > 0 ? 0 : null,
  };
}
