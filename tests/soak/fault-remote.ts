import { SyncHttpError, fetchRemote } from '@tern/sync';
import type { FetchRemoteOptions, SyncRemote, SyncRequest, SyncResponse } from '@tern/sync';

/** What every exchange of a run taught the campaign: stored revisions, and what went wrong. */
export interface RunLedger {
  /** `id rev` of every revision a response said was stored. */
  acked: Set<string>;
  /** Promises broken (a rejection, an unexplained 5xx, an unclear full-disk error). */
  problems: string[];
  /** Full-disk refusals seen (each one frees the space afterwards). */
  diskRefusals: number;
  /** Batches sent twice, and stale batches delivered late. */
  repeats: number;
  stale: number;
}

export const newLedger = (): RunLedger => ({
  acked: new Set(),
  problems: [],
  diskRefusals: 0,
  repeats: 0,
  stale: 0,
});

/**
 * The compact door for one device with the campaign's faults on top: every batch sent twice when
 * `repeat`, the first batch kept to be delivered again late (`staleBatch`), and a full disk's refusal
 * checked for what it must say (503, TERN_STORE_FAILED, the cause in words) before `onDiskFull` frees
 * the space. Every response's per-document results go to the ledger.
 */
export class FaultRemote implements SyncRemote {
  staleBatch: SyncRequest | null = null;
  private readonly inner: SyncRemote;

  constructor(
    url: string,
    auth: FetchRemoteOptions,
    private readonly ledger: RunLedger,
    private readonly opts: { repeat: boolean; onDiskFull?: () => void },
  ) {
    this.inner = fetchRemote(url, { ...auth, timeoutMs: 20_000 });
  }

  async exchange(request: SyncRequest): Promise<SyncResponse> {
    const res = await this.send(request);
    if (request.docs.length > 0) {
      this.staleBatch ??= request;
      if (this.opts.repeat) {
        this.ledger.repeats += 1;
        await this.send(request);
      }
    }
    return res;
  }

  /** One exchange, read into the ledger; failures are classified, then thrown for the retry. */
  async send(request: SyncRequest): Promise<SyncResponse> {
    try {
      const res = await this.inner.exchange(request);
      for (const r of res.results) {
        if (r.ok) this.ledger.acked.add(`${r.id} ${r.rev}`);
        else this.ledger.problems.push(`${request.device}: ${r.id} ${r.rev} rejected: ${r.code} ${r.reason}`);
      }
      return res;
    } catch (e) {
      if (e instanceof SyncHttpError) this.classify(request, e);
      throw e;
    }
  }

  private classify(request: SyncRequest, e: SyncHttpError): void {
    const full = /no space left on device/i.test(e.message);
    if (full && this.opts.onDiskFull) {
      if (e.status !== 503 || e.code !== 'TERN_STORE_FAILED')
        this.ledger.problems.push(
          `${request.device}: a full disk answered ${e.status} ${e.code}, not 503 TERN_STORE_FAILED: ${e.message}`,
        );
      this.ledger.diskRefusals += 1;
      this.opts.onDiskFull();
      return;
    }
    // TERN_RESPONSE_CUT is the client's own word for an answer cut off on the way: the link, not the server.
    if (e.status >= 500 && e.code !== 'TERN_RESPONSE_CUT')
      this.ledger.problems.push(`${request.device}: unexplained ${e.status} ${e.code}: ${e.message}`);
  }
}
