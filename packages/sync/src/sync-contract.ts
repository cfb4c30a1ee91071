import type { RetryOptions } from './retry.ts';
import type { PushResult, SyncRequest, SyncResponse, WireDoc } from './types.ts';

/**
 * What the compact door's replicator (replicator.ts) asks of the device's store and of the remote, and
 * what it tells the caller: its options, its progress and its summary.
 */

/** What the replicator needs from the device's store. */
export interface SyncStorage {
  /** Local revisions waiting to be pushed (not drafts, not rejected), oldest first. */
  pending(limit: number): Promise<WireDoc[]>;
  /**
   * Record push outcomes. A result only changes a document whose current rev is still the pushed rev:
   * an edit made while the batch was in flight stays pending.
   */
  acknowledge(results: PushResult[]): Promise<void>;
  /**
   * Store pulled documents and the new checkpoint atomically (one transaction), so the checkpoint never
   * runs ahead of what is stored. A pulled revision never replaces a local edit that is not in its history.
   * `gone` names cases that left the user's view (decision 136): remembered in the same transaction, to
   * be dropped by `purgeLeft`; a pulled document of a remembered case takes it off the list (it is back).
   * Answers the ids of documents it inserted (held nowhere on the device before), when it can.
   */
  applyPulled(
    docs: WireDoc[],
    checkpoint: string,
    gone?: string[],
    /** Called as documents are made ready to store (a device seals each one), with how many so far. */
    progress?: (prepared: number) => void,
  ): Promise<PullApplied | void>;
  /**
   * Drop the cases that left the user's view, and every record of theirs, that the server holds as
   * they are here (synced). Anything not yet on the server (pending, rejected, a draft) stays, and its
   * case stays on the list until it is gone. Answers the ids dropped. Optional: a store without it
   * keeps everything (a data officer's relay sees the whole mission anyway).
   */
  purgeLeft?(): Promise<string[]>;
  checkpoint(): Promise<string | null>;
  /**
   * A pulled page arrived that `applyPulled` will be given next, while the page before it is still
   * being stored (pullAhead): work that needs no stored row (a device seals the bodies) may start now.
   * Stores nothing; a failure is reported by `applyPulled` of the same array. Optional.
   */
  preparePulled?(docs: WireDoc[]): void;
  /**
   * Mark every synced document pending again (rejected ones stay rejected), so the next batches push
   * everything the device holds. Called when the server refuses the checkpoint (TERN_BAD_CHECKPOINT):
   * it may have been restored from an older backup and lost what it accepted since; pushes are
   * idempotent, so what it still has costs only the upload (decision 152).
   */
  requeueAll(): Promise<void>;
  /** How many documents wait to be pushed, for progress (optional). */
  pendingCount?(): Promise<number>;
}

export interface PullApplied {
  inserted: string[];
}

/**
 * What a transport reports while one round trip is under way (all optional: a transport that cannot
 * tell says nothing, and progress moves per round trip as before).
 */
export interface ExchangeProgress {
  /**
   * Part of the answer arrived: `bytes` of its body so far (as decoded: after gzip), and `docs`, the
   * pulled documents complete in it so far. Called as chunks arrive, before anything is stored.
   */
  received?(bytes: number, docs: number): void;
}

/** What the replicator needs from the server. */
export interface SyncRemote {
  /**
   * One round trip. `signal`, when given, aborts it (the run stopped, a page asked ahead was dropped):
   * the transport gives up the request and rejects; nothing of its answer is used.
   */
  exchange(request: SyncRequest, progress?: ExchangeProgress, signal?: AbortSignal): Promise<SyncResponse>;
}

export interface SyncProgress {
  pushedDocs: number;
  pushedBytes: number;
  pulledDocs: number;
  rejected: number;
  requests: number;
  /** Pending documents still to push when this event was emitted. */
  toPush: number;
  /**
   * What the round trip under way is doing: `send` from the start of a request until the first byte
   * of its answer, `receive` while the answer arrives, `store` while it is written on the device;
   * `idle` between round trips and at the end.
   */
  phase: 'send' | 'receive' | 'store' | 'idle';
  /** Records and bytes (JSON, before gzip) of the batch being sent; 0 when none. */
  sendingDocs: number;
  sendingBytes: number;
  /**
   * Pulled documents arrived in the answer under way but not yet stored (counted as they stream in),
   * and body bytes received by every round trip of the run so far (after gzip decoding).
   */
  receivingDocs: number;
  receivedBytes: number;
  /** In the `store` phase: documents of the page made ready to store so far (when storage tells). */
  storingDocs: number;
}

export interface SyncOptions {
  device: string;
  batchDocs?: number;
  batchBytes?: number;
  pullLimit?: number;
  /**
   * The first pulled page's size; each next page twice the last, up to `pullLimit` (decision 219).
   * Only while nothing is pushed: a request that pushes asks for `pullLimit`, and so do all after it.
   * A device starts storing after a short wait for the server instead of a whole large page, and
   * with `pullAhead` the server reads each next page while the device stores the last. Unset: every
   * page asks for `pullLimit`.
   */
  firstPullLimit?: number;
  /** Hard bound on round trips in one run, so a misbehaving server can never loop us forever. */
  maxRequests?: number;
  onProgress?: (p: SyncProgress) => void;
  /**
   * The least time between two progress events while an answer streams in (default 250 ms); events
   * at the start and end of each phase are never held back.
   */
  progressEveryMs?: number;
  /** Retries of one round trip on transient failures (network, timeouts, 5xx, 429). */
  retry?: Partial<RetryOptions>;
  /**
   * Size push batches by time (decision 191, update of 2026-12-03): each batch about this many seconds
   * of sending on the link as measured by the round trips so far, between `minBatchBytes` and
   * `batchBytes`, so the progress line moves between batches even on a slow link (browsers give no
   * upload progress inside one `fetch`). Unset: batches of `batchBytes` (Node clients, the benchmark).
   */
  batchSeconds?: number;
  /** The first batch's budget when sizing by time, before any measurement (default 16 KiB). */
  firstBatchBytes?: number;
  /** The smallest budget when sizing by time (default 16 KiB; a record larger than it still goes alone). */
  minBatchBytes?: number;
  /** The clock (tests). */
  now?: () => number;
  /**
   * Pull ahead (decision 219): when a round trip pushed nothing and the server says more is waiting,
   * ask for the next page (from the checkpoint this answer carries) while this one is stored, so the
   * server reading a page and the device storing the last one overlap. Nothing is stored out of
   * order: a page ahead is applied only after the one before it is committed, and only if the stored
   * checkpoint is the one it was asked from. Off unless set (the web app sets it).
   */
  pullAhead?: boolean;
  /**
   * Stops the run (the user logs out or locks the app, the sync screen goes away): the requests in
   * flight, the page asked ahead included, are aborted and the run rejects with the signal's reason
   * (an `AbortError`). A page being written when it aborts is written to the end first (one
   * transaction, with its checkpoint), so what is stored and the checkpoint agree; nothing after it is.
   */
  signal?: AbortSignal;
}

export interface SyncSummary extends SyncProgress {
  rejections: Extract<PushResult, { ok: false }>[];
  /** Ids of records dropped because their case left the user's view (decision 136). */
  purged: string[];
}
