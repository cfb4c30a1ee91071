import { bodyOf } from '../body.ts';
import { graft, historyOf, winnerOf } from '../rev-tree.ts';
import type { RevTree } from '../rev-tree.ts';
import type { SyncRemote } from '../sync-contract.ts';
import type { PushResult, SyncRequest, SyncResponse, WireDoc } from '../types.ts';

/**
 * A compact-sync server in memory, on the pure revision rules: every branch kept, winner by
 * winningRev, changes feed by sequence. The reference the conformance suite syncs devices through.
 */
export class MemoryServer implements SyncRemote {
  readonly trees = new Map<string, RevTree>();
  private readonly lastSeqOf = new Map<string, number>();
  private seq = 0;
  requests = 0;
  /** Optional per-document rule; return a rejection to refuse a document. */
  validate?: (doc: WireDoc) => { code: string; reason: string } | null;

  async exchange(req: SyncRequest): Promise<SyncResponse> {
    this.requests += 1;
    const results: PushResult[] = req.docs.map((doc) => {
      const rejection = this.validate?.(doc);
      if (rejection) return { id: doc._id, rev: doc._rev, ok: false, ...rejection };
      const tree = this.trees.get(doc._id) ?? new Map();
      this.trees.set(doc._id, tree);
      if (graft(tree, doc._revisions, { deleted: doc._deleted === true, body: bodyOf(doc) })) {
        this.lastSeqOf.set(doc._id, ++this.seq);
      }
      return { id: doc._id, rev: doc._rev, ok: true };
    });
    const since = Number(req.since ?? 0);
    const changed = [...this.lastSeqOf.entries()].filter(([, s]) => s > since).sort((a, b) => a[1] - b[1]);
    const page = changed.slice(0, req.pullLimit);
    const changes = page.map(([id]) => this.winnerDoc(id));
    const checkpoint = String(page.length < changed.length ? page[page.length - 1]![1] : this.seq);
    return { results, changes, checkpoint, more: page.length < changed.length };
  }

  winnerDoc(id: string): WireDoc {
    const tree = this.trees.get(id)!;
    const w = winnerOf(tree);
    return {
      ...(tree.get(w.rev)?.body ?? {}),
      _id: id,
      _rev: w.rev,
      _revisions: historyOf(tree, w.rev),
      ...(w.deleted ? { _deleted: true } : {}),
    };
  }
}
