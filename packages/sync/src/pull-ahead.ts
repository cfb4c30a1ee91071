import { withRetry } from './retry.ts';
import type { RetryOptions } from './retry.ts';
import type { ExchangeProgress, SyncRemote } from './replicator.ts';
import type { SyncRequest, SyncResponse } from './types.ts';

/**
 * A pull asked for before it is needed (decision 219): the replicator asks for the next page while it
 * stores the last one. Nothing here stores anything: the replicator takes the answer only when the
 * checkpoint it holds is still `since`, and after the page before it is committed. An answer never
 * taken (the pull restarted from the start) is dropped; a failure is kept for whoever takes it, and
 * is never an unhandled rejection.
 */
export interface PullAhead {
  /** The checkpoint the page was asked from. */
  readonly since: string | null;
  /**
   * The answer. From now on the transport's progress goes to `streaming`; what arrived before is
   * reported to it at once, so the byte and document counts are right whatever the timing.
   */
  answer(streaming: ExchangeProgress): Promise<SyncResponse>;
}

/** `arrived` is told of the answer as soon as it is in (the device starts sealing it); it must not throw. */
export function pullAhead(
  remote: SyncRemote,
  request: SyncRequest,
  retry: RetryOptions,
  arrived?: (response: SyncResponse) => void,
): PullAhead {
  let listener: ExchangeProgress | null = null;
  let so: { bytes: number; docs: number } | null = null;
  const progress: ExchangeProgress = {
    received: (bytes, docs) => {
      so = { bytes, docs };
      listener?.received?.(bytes, docs);
    },
  };
  const settled = withRetry(() => {
    so = null;
    return remote.exchange(request, progress);
  }, retry).then(
    (response) => {
      try {
        arrived?.(response);
      } catch {
        // Preparing early is an optimisation: `applyPulled` does the work (and reports its error) anyway.
      }
      return { ok: true as const, response };
    },
    (error: unknown) => ({ ok: false as const, error }),
  );
  return {
    since: request.since,
    async answer(streaming) {
      listener = streaming;
      const now = so as { bytes: number; docs: number } | null;
      if (now) streaming.received?.(now.bytes, now.docs);
      const s = await settled;
      if (s.ok) return s.response;
      throw s.error;
    },
  };
}
