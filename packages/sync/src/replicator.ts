import { jsonBytes } from './body.ts';
import { nextBatchBudget, takeBatch } from './push-batch.ts';
import { isTransient } from './round-trip-error.ts';
import { withRetry } from './retry.ts';
import type { SyncResponse, WireDoc } from './types.ts';
import type {
  SyncStorage,
  PullApplied,
  ExchangeProgress,
  SyncRemote,
  SyncProgress,
  SyncOptions,
  SyncSummary,
} from './sync-contract.ts';
import { abortError, pullAhead } from './pull-ahead.ts';
import type { PullAhead } from './pull-ahead.ts';

/**
 * The device side of the compact sync door, as pure steps over two small interfaces.
 * Protocol: docs/protocol.md. One request per batch pushes local revisions and carries the pull
 * checkpoint; its response acknowledges each pushed document and returns the next pulled changes.
 */

/**
 * A case new to this device that was transferred at some point: it may have entered the user's view
 * by a transfer, and then its older records (screening, assistance forms) did not change after the
 * device's checkpoint and will not come by themselves. The run pulls once more from the start
 * (decision 136): the server sends only the user's view, and what the device holds stays as is.
 */
function transferredIn(changes: WireDoc[], applied: PullApplied | void): boolean {
  if (!applied || applied.inserted.length === 0) return false;
  const inserted = new Set(applied.inserted);
  return changes.some(
    (d) =>
      inserted.has(d._id) &&
      d._id.startsWith('case:') &&
      Array.isArray(d.assignments) &&
      d.assignments.length > 0,
  );
}

/** The progress fields of the summary, as a copy (the summary keeps changing). */
function progressOf(s: SyncSummary): SyncProgress {
  return {
    pushedDocs: s.pushedDocs,
    pushedBytes: s.pushedBytes,
    pulledDocs: s.pulledDocs,
    rejected: s.rejected,
    requests: s.requests,
    toPush: s.toPush,
    phase: s.phase,
    sendingDocs: s.sendingDocs,
    sendingBytes: s.sendingBytes,
    receivingDocs: s.receivingDocs,
    receivedBytes: s.receivedBytes,
    storingDocs: s.storingDocs,
  };
}

/** Run batches until nothing is left to push and nothing left to pull. */
export async function syncOnce(
  storage: SyncStorage,
  remote: SyncRemote,
  opts: SyncOptions,
): Promise<SyncSummary> {
  // Defaults tuned on shaped 3G links (docs/benchmarks.md): few, large round trips. A cut costs at
  // most one push batch (1 MiB) and one pulled page (the server ends pages at 8 MiB).
  const batchDocs = opts.batchDocs ?? 1000;
  const batchBytes = opts.batchBytes ?? 1024 * 1024;
  const pullLimit = opts.pullLimit ?? 5000;
  // The page asked for next: small at first when asked to, doubling while the server has more.
  let pageLimit = Math.max(1, Math.min(pullLimit, opts.firstPullLimit ?? pullLimit));
  const maxRequests = opts.maxRequests ?? 10_000;
  const clock = opts.now ?? Date.now;
  const minBatchBytes = Math.min(opts.minBatchBytes ?? 16 * 1024, batchBytes);
  let budget = opts.batchSeconds
    ? Math.min(batchBytes, Math.max(minBatchBytes, opts.firstBatchBytes ?? 16 * 1024))
    : batchBytes;
  const summary: SyncSummary = {
    pushedDocs: 0,
    pushedBytes: 0,
    pulledDocs: 0,
    rejected: 0,
    requests: 0,
    toPush: (await storage.pendingCount?.()) ?? 0,
    phase: 'idle',
    sendingDocs: 0,
    sendingBytes: 0,
    receivingDocs: 0,
    receivedBytes: 0,
    storingDocs: 0,
    rejections: [],
    purged: [],
  };
  // Set when the server did not recognise the stored checkpoint (a restored server, a corrupted
  // value): pull again from the start, once, and push again everything held, so what a restored
  // server lost comes back; what is already on the device is kept by the pull rules.
  let restartPull = false;
  // One extra pull from the start per run when a case transferred to this user arrived (see above).
  let refetch: 'no' | 'wanted' | 'done' = 'no';
  // The next page, asked for while the last one was stored (pullAhead), with the checkpoint it was asked from.
  let ahead: PullAhead | null = null;
  const signal = opts.signal;
  const stopIfAborted = () => {
    if (signal?.aborted) throw abortError(signal.reason);
  };
  try {
    for (;;) {
      stopIfAborted();
      const stored = restartPull ? null : await storage.checkpoint();
      // A page ahead is this round trip when it was asked from the checkpoint now stored; an edit saved
      // meanwhile waits for the next round trip. Else (a pull restarted from the start) it is dropped,
      // and its request aborted rather than left to run (decision 228).
      const next = ahead !== null && !restartPull && ahead.since === stored ? ahead : null;
      if (ahead !== null && next === null) ahead.abort();
      ahead = null;
      const candidates = next ? [] : await storage.pending(batchDocs + 1);
      const batch = takeBatch(candidates, batchDocs, budget);
      const since = stored;
      restartPull = false;
      const total = await storage.pendingCount?.();
      const request = {
        protocol: 1 as const,
        device: opts.device,
        docs: batch,
        since,
        // A request that pushes asks for full pages: the server leaves what it pushes out of the same
        // answer only, so a small page would bring the device's own records back in a later one.
        pullLimit: batch.length > 0 ? pullLimit : pageLimit,
        ...(total !== undefined ? { waiting: Math.max(0, total - batch.length) } : {}),
      };
      // A retried batch is safe: pushes are idempotent (deterministic revs, new_edits:false) and the pull
      // restarts from the stored checkpoint.
      const emit = () => opts.onProgress?.(progressOf(summary));
      summary.phase = 'send';
      summary.sendingDocs = batch.length;
      summary.sendingBytes = batch.reduce((n, d) => n + jsonBytes(d), 0);
      summary.receivingDocs = 0;
      emit();
      const bytesBefore = summary.receivedBytes;
      let lastEmit = 0;
      let started = clock();
      let answerAt: number | null = null;
      const streaming: ExchangeProgress = {
        received: (bytes, docs) => {
          answerAt ??= clock();
          // A retried round trip starts its count again from what the run had before it.
          summary.receivedBytes = bytesBefore + bytes;
          summary.receivingDocs = docs;
          const now = Date.now();
          if (summary.phase !== 'receive' || now - lastEmit >= (opts.progressEveryMs ?? 250)) {
            summary.phase = 'receive';
            lastEmit = now;
            emit();
          }
        },
      };
      const retry = { retries: 5, baseMs: 500, maxMs: 30_000, isTransient, ...opts.retry };
      // A round trip aborted by the run's signal is never tried again, whatever it failed with.
      const retryHere = signal
        ? { ...retry, isTransient: (e: unknown) => !signal.aborted && retry.isTransient(e) }
        : retry;
      let response: SyncResponse;
      try {
        response = next
          ? await next.answer(streaming)
          : await withRetry(() => {
              stopIfAborted();
              // A retried round trip is measured from its own start.
              started = clock();
              answerAt = null;
              return signal
                ? remote.exchange(request, streaming, signal)
                : remote.exchange(request, streaming);
            }, retryHere);
      } catch (e) {
        stopIfAborted();
        if (since !== null && (e as { code?: unknown }).code === 'TERN_BAD_CHECKPOINT') {
          restartPull = true;
          await storage.requeueAll();
          summary.requests += 1;
          continue;
        }
        throw e;
      }
      summary.requests += 1;
      if (opts.batchSeconds && batch.length > 0) {
        const sendMs = (answerAt ?? clock()) - started;
        const bytes = summary.sendingBytes;
        // Only a batch that filled its budget says how fast the link is (a last small one does not).
        if (bytes >= budget / 2 || bytes >= batchBytes / 2)
          budget = nextBatchBudget({ budget, bytes, sendMs }, opts.batchSeconds, minBatchBytes, batchBytes);
      }
      const answered = new Set(response.results.map((r) => `${r.id} ${r.rev}`));
      const unanswered = batch.filter((d) => !answered.has(`${d._id} ${d._rev}`));
      if (unanswered.length > 0) {
        // A document the server neither accepted nor rejected stays pending; say so instead of looping.
        throw new Error(
          `Server gave no result for ${unanswered.map((d) => d._id).join(', ')}; they stay pending`,
        );
      }
      summary.phase = 'store';
      summary.receivingDocs = response.changes.length;
      summary.storingDocs = 0;
      emit();
      pageLimit =
        batch.length > 0 ? pullLimit : response.more ? Math.min(pullLimit, pageLimit * 2) : pageLimit;
      // Nothing was pushed and more is waiting: ask for the next page now, stored after this one.
      if (opts.pullAhead && batch.length === 0 && response.more && response.changes.length > 0)
        ahead = pullAhead(
          remote,
          { ...request, since: response.checkpoint, pullLimit: pageLimit, waiting: total ?? 0 },
          retry,
          (page) => storage.preparePulled?.(page.changes),
          signal,
        );
      await storage.acknowledge(response.results);
      const applied = await storage.applyPulled(
        response.changes,
        response.checkpoint,
        response.gone ?? [],
        (n) => {
          summary.storingDocs = n;
          const now = Date.now();
          // All ready: said at once (what is left is the one write of the page).
          if (n === response.changes.length || now - lastEmit >= (opts.progressEveryMs ?? 250)) {
            lastEmit = now;
            emit();
          }
        },
      );
      if (refetch === 'no' && since !== null && transferredIn(response.changes, applied)) refetch = 'wanted';

      summary.pushedDocs += batch.length;
      summary.pushedBytes += summary.sendingBytes;
      summary.pulledDocs += response.changes.length;
      summary.phase = 'idle';
      summary.sendingDocs = 0;
      summary.sendingBytes = 0;
      summary.receivingDocs = 0;
      summary.storingDocs = 0;
      for (const r of response.results) {
        if (!r.ok) {
          summary.rejected += 1;
          summary.rejections.push(r);
        }
      }
      // Re-read what is pending rather than trusting the batch: an edit made while the batch was in
      // flight is pending again and goes in the next round trip of this same run.
      // The exact count when the storage can give it (progress shows "to do"); else whether any is left.
      const stillPending = (await storage.pendingCount?.()) ?? (await storage.pending(batchDocs + 1)).length;
      summary.toPush = stillPending;
      emit();
      if (stillPending === 0 && !response.more) {
        if (refetch === 'wanted') {
          refetch = 'done';
          restartPull = true;
        } else {
          // Push first, then purge: by now every edit of a departed case went to the server (or was
          // refused, and is kept on the device with its reason).
          summary.purged = (await storage.purgeLeft?.()) ?? [];
          return summary;
        }
      }
      if (summary.requests >= maxRequests) {
        throw new Error(`Sync stopped after ${summary.requests} requests without finishing (maxRequests)`);
      }
    }
  } finally {
    // The run ends here, by an error (the page before it failed to store, a push refused) or by its
    // signal: a page still asked ahead will not be taken, so its request is aborted (decision 228).
    (ahead as PullAhead | null)?.abort();
  }
}
