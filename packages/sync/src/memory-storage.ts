import { bodyOf } from './body.ts';
import { assertPulledPage, decidePull } from './pull-rules.ts';
import { nextRevision } from './rev-id.ts';
import type { PullApplied, SyncStorage } from './sync-contract.ts';
import type { Body, PushResult, Revisions, WireDoc } from './types.ts';

export type DeviceState = 'pending' | 'synced' | 'rejected';

export interface DeviceDoc {
  id: string;
  rev: string;
  revisions: Revisions;
  deleted: boolean;
  body: Body;
  state: DeviceState;
  rejection?: { code: string; reason: string; field?: string };
  /**
   * Set while headquarters holds other live branches an admin must reconcile: the last pull of this
   * record carried `_conflicts` (the other leaves) and `_disputed` (the clashing field paths); cleared by
   * a pull without them (docs/protocol.md). Server annotations, never part of the body (the web
   * device's `review` row field, apps/web/src/device/local-store.ts).
   */
  underReview?: { leaves: string[]; disputed: string[] };
}

/** What a pulled document says about a review at headquarters, or undefined when it says nothing. */
function reviewOf(doc: WireDoc): DeviceDoc['underReview'] {
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  const leaves = strings(doc._conflicts);
  const disputed = strings(doc._disputed);
  return leaves.length > 0 || disputed.length > 0 ? { leaves, disputed } : undefined;
}

/**
 * A device store in memory: the reference implementation of SyncStorage's rules, used by the
 * conformance suite and by Node-side tools (fault tests, benchmarks). Not persistent.
 */
export class MemorySyncStorage implements SyncStorage {
  readonly docs = new Map<string, DeviceDoc>();
  private cp: string | null = null;
  private seq = 0;
  private readonly order = new Map<string, number>();
  /** Cases that left the user's view and still have records here (decision 136). */
  readonly leaving = new Set<string>();

  /** Make a local edit (a new revision on top of the current one). */
  async save(id: string, body: Body, opts: { deleted?: boolean } = {}): Promise<string> {
    const cur = this.docs.get(id);
    const { rev, revisions } = nextRevision(
      cur ? { rev: cur.rev, revisions: cur.revisions } : null,
      body,
      opts,
    );
    this.docs.set(id, {
      id,
      rev,
      revisions,
      deleted: opts.deleted ?? false,
      body,
      state: 'pending',
      // A local edit does not settle a review at headquarters: only a pull without the marks does.
      ...(cur?.underReview ? { underReview: cur.underReview } : {}),
    });
    this.order.set(id, ++this.seq);
    return rev;
  }

  async read(id: string): Promise<DeviceDoc | undefined> {
    const d = this.docs.get(id);
    return d && structuredClone(d);
  }

  async pending(limit: number): Promise<WireDoc[]> {
    return [...this.docs.values()]
      .filter((d) => d.state === 'pending')
      .sort((a, b) => this.order.get(a.id)! - this.order.get(b.id)!)
      .slice(0, limit)
      .map((d) => ({
        ...structuredClone(d.body),
        _id: d.id,
        _rev: d.rev,
        _revisions: structuredClone(d.revisions),
        ...(d.deleted ? { _deleted: true } : {}),
      }));
  }

  async pendingCount(): Promise<number> {
    return [...this.docs.values()].filter((d) => d.state === 'pending').length;
  }

  async acknowledge(results: PushResult[]): Promise<void> {
    for (const r of results) {
      const d = this.docs.get(r.id);
      if (!d || d.rev !== r.rev) continue; // edited while in flight: stays pending
      if (r.ok) {
        d.state = 'synced';
        delete d.rejection;
      } else {
        d.state = 'rejected';
        d.rejection = { code: r.code, reason: r.reason, ...(r.field ? { field: r.field } : {}) };
      }
    }
  }

  async applyPulled(docs: WireDoc[], checkpoint: string, gone: string[] = []): Promise<PullApplied> {
    // Validate the whole page first so that a bad document leaves nothing half-applied.
    assertPulledPage(docs);
    const inserted: string[] = [];
    for (const doc of docs) {
      this.leaving.delete(doc._id);
      const cur = this.docs.get(doc._id);
      const decision = decidePull(
        cur && { rev: cur.rev, revisions: cur.revisions, unpushed: cur.state !== 'synced' },
        doc,
      );
      if (decision === 'insert') inserted.push(doc._id);
      const review = reviewOf(doc);
      if (decision === 'insert' || decision === 'fast-forward' || decision === 'take-remote-conflict') {
        const { _id, _rev, _revisions, _deleted } = doc;
        this.docs.set(_id, {
          id: _id,
          rev: _rev,
          revisions: structuredClone(_revisions),
          deleted: _deleted === true,
          body: structuredClone(bodyOf(doc)),
          state: 'synced',
          ...(review ? { underReview: review } : {}),
        });
        if (!this.order.has(_id)) this.order.set(_id, ++this.seq);
      } else if (cur) {
        // keep-local, keep-local-conflict, same: the local revision stays as it is (pending ones get
        // pushed), but the server's word on a review holds for the record whichever revision it shows.
        if (review) cur.underReview = review;
        else delete cur.underReview;
      }
    }
    for (const id of gone) this.leaving.add(id);
    this.cp = checkpoint;
    return { inserted };
  }

  async purgeLeft(): Promise<string[]> {
    const dropped: string[] = [];
    for (const caseId of [...this.leaving]) {
      const mine = [...this.docs.values()].filter((d) => d.id === caseId || d.body.caseId === caseId);
      let kept = 0;
      for (const d of mine) {
        if (d.state !== 'synced') kept += 1;
        else {
          this.docs.delete(d.id);
          this.order.delete(d.id);
          dropped.push(d.id);
        }
      }
      if (kept === 0) this.leaving.delete(caseId);
    }
    return dropped;
  }

  async requeueAll(): Promise<void> {
    for (const d of this.docs.values()) if (d.state === 'synced') d.state = 'pending';
  }

  async checkpoint(): Promise<string | null> {
    return this.cp;
  }
}
