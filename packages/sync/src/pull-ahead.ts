import { withRetry } from './retry.ts';
import type { RetryOptions } from './retry.ts';
import type { ExchangeProgress, SyncRemote } from './sync-contract.ts';
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
  /**
   * The page will not be taken (the run stops, the pull restarts from the start, the page before it
   * failed): its request is aborted, no attempt is retried after it, and `answer` rejects with the
   * abort's reason. Nothing was stored from it, so nothing is lost. Idempotent.
   */
  abort(reason?: unknown): void;
}

/** The error a request aborted on purpose rejects with (its `name` is `AbortError`, as fetch's). */
export function abortError(reason?: unknown): Error {
  if (reason instanceof Error) return reason;
  const e = new Error(typeof reason === 'string' ? reason : 'The request was aborted');
  e.name = 'AbortError';
  return e;
}

/** `arrived` is told of the answer as soon as it is in (the device starts sealing it); it must not throw. */
export function pullAhead(
  remote: SyncRemote,
  request: SyncRequest,
  retry: RetryOptions,
  arrived?: (response: SyncResponse) => void,
  /** The run's own signal: when it aborts, so does this page. */
  runSignal?: AbortSignal,
): PullAhead {
  const controller = new AbortController();
  const onRunAbort = () => controller.abort(runSignal?.reason);
  if (runSignal?.aborted) onRunAbort();
  else runSignal?.addEventListener('abort', onRunAbort, { once: true });
  const signal = controller.signal;
  let listener: ExchangeProgress | null = null;
  let so: { bytes: number; docs: number } | null = null;
  const progress: ExchangeProgress = {
    received: (bytes, docs) => {
      so = { bytes, docs };
      listener?.received?.(bytes, docs);
    },
  };
  const settled = withRetry(
    () => {
      // Aborted while waiting to retry: no new attempt.
      if (signal.aborted) return Promise.reject(abortError(signal.reason));
      so = null;
      return remote.exchange(request, progress, signal);
    },
    // Whatever an aborted attempt fails with (an AbortError, a cut answer), it is not tried again.
    { ...retry, isTransient: (e) => !signal.aborted && retry.isTransient(e) },
  ).then(
    (response) => {
      try {
        arrived?.(response);
      } catch {
        // Preparing early is an optimisation: `applyPulled` does the work (and reports its error) anyway.
      }
      return { ok: true as const, response };
    },
    (error: unknown) => ({
      ok: false as const,
      error: signal.aborted ? abortError(signal.reason) : error,
    }),
  );
  void settled.finally(() => runSignal?.removeEventListener('abort', onRunAbort));
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
    abort(reason) {
      if (!signal.aborted) controller.abort(reason ?? abortError('the page asked ahead was dropped'));
    },
  };
}
