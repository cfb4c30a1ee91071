import { randomUUID } from 'node:crypto';
import type { ServerStore, StoredDoc } from '@tern/store';
import type { WireDoc } from '@tern/sync';
import { autoMerge } from '../merge/auto-merge.ts';
import type { Upstream } from './upstream.ts';

/** Where replication of one mission stands, kept in the relay's ops database (never replicated). */
interface Checkpoint extends StoredDoc {
  /** The relay's local changes sent up to here (its own update sequence). */
  push: string | number | null;
  /** Headquarters' changes taken down to here (headquarters' update sequence, opaque). */
  pull: string | number | null;
  /** A replication session: the same value in headquarters' `_local` document, or start over. */
  session: string;
  /** The relay database's epoch (decision 152): a restored relay starts over too. */
  epoch: string;
}

/** One revision headquarters refused, with its words (TERN_RELAY_AUTHOR_REFUSED, TERN_DOC_INVALID…). */
export interface Refusal {
  id: string;
  rev: string;
  reason: string;
}

export interface PassReport {
  pushed: number;
  pulled: number;
  refused: Refusal[];
}

type Changes = { results: Array<{ id: string; changes: Array<{ rev: string }> }>; last_seq: string | number };
type Diff = Record<string, { missing: string[] }>;
type BulkGet = { results: Array<{ id: string; docs: Array<{ ok?: Record<string, unknown> }> }> };

const CHECKPOINT = 'relay-checkpoint';

/**
 * Replicates one mission between the relay's store and headquarters' CouchDB door (decision 195):
 * up (`_revs_diff`, then `_bulk_docs` with `new_edits:false`), then down (`_changes`, `_revs_diff`
 * locally, `_bulk_get?revs=true`), a page at a time, the checkpoint saved after every page so a cut
 * link resumes where it stopped. Revisions are stored as they are, histories and branches included;
 * the automatic merge runs on both sides and makes the same revisions (it is deterministic).
 */
export class MissionReplicator {
  constructor(
    private readonly store: ServerStore,
    private readonly up: Upstream,
    readonly mission: string,
    private readonly relayName: string,
    private readonly pageSize = 100,
  ) {}

  private get door(): string {
    return `/couch/${encodeURIComponent(this.mission)}`;
  }
  private get marker(): string {
    return `${this.door}/_local/tern-relay-${encodeURIComponent(this.relayName)}`;
  }

  /** One pass: everything up, then everything down, until neither side has more. */
  async pass(): Promise<PassReport> {
    const cp = await this.checkpoint();
    const refused: Refusal[] = [];
    let pushed = await this.push(cp, refused);
    const pulled = await this.pull(cp);
    // What was just taken down is now a local change too: one `_revs_diff` per page moves the push
    // checkpoint past it (headquarters has it), so "waiting to go up" means work made here.
    if (pulled > 0) pushed += await this.push(cp, refused);
    return { pushed, pulled, refused };
  }

  /** Local changes not yet sent up (an upper bound: a change may be one headquarters has). */
  async pendingUp(): Promise<number> {
    const cp = await this.store.ops(this.mission).get<Checkpoint>(CHECKPOINT);
    const list = await this.store
      .mission(this.mission)
      .changeList(cp?.push == null ? null : String(cp.push), 10_000);
    return list.changes.length;
  }

  /** Headquarters' changes not yet taken down, when its sequences are numbers (LevelDB); else null. */
  async pendingDown(): Promise<number | null> {
    const cp = await this.store.ops(this.mission).get<Checkpoint>(CHECKPOINT);
    const info = await this.up.json<{ update_seq: string | number }>('GET', this.door);
    const [hq, at] = [Number(info.update_seq), Number(cp?.pull ?? 0)];
    return Number.isFinite(hq) && Number.isFinite(at) ? Math.max(0, hq - at) : null;
  }

  /**
   * The checkpoint, if both sides still know the session; otherwise a new session from the start
   * (headquarters or the relay restored from a backup, a first run): `_revs_diff` then sends only what
   * the other side lacks, so starting over costs round trips, never duplicates.
   */
  private async checkpoint(): Promise<Checkpoint> {
    const ops = this.store.ops(this.mission);
    const db = this.store.mission(this.mission);
    const [local, mark, epoch] = await Promise.all([
      ops.get<Checkpoint>(CHECKPOINT),
      this.up.jsonOrAbsent<{ _rev?: string; session?: string }>(this.marker),
      db.epoch(),
    ]);
    if (local && mark?.session === local.session && local.epoch === epoch) return local;
    const fresh: Checkpoint = {
      _id: CHECKPOINT,
      ...(local?._rev ? { _rev: local._rev } : {}),
      push: null,
      pull: null,
      session: randomUUID(),
      epoch,
    };
    fresh._rev = await ops.put(fresh);
    await this.up.json('PUT', this.marker, {
      ...(mark?._rev ? { _rev: mark._rev } : {}),
      session: fresh.session,
    });
    return fresh;
  }

  private async save(cp: Checkpoint): Promise<void> {
    cp._rev = await this.store.ops(this.mission).put(cp);
  }

  private async push(cp: Checkpoint, refused: Refusal[]): Promise<number> {
    const db = this.store.mission(this.mission);
    let sent = 0;
    for (;;) {
      const page = (await db.couchChanges({
        since: (cp.push ?? 0) as number,
        limit: this.pageSize,
        allDocs: true,
        includeDocs: false,
        conflicts: false,
      })) as Changes;
      if (page.results.length === 0) return sent;
      const diff = await this.up.json<Diff>('POST', `${this.door}/_revs_diff`, revsOf(page));
      const want = wanted(diff);
      if (want.length > 0) {
        const docs = okDocs((await db.bulkGet(want, { revs: true, latest: false })) as BulkGet);
        const failures = await this.up.json<
          Array<{ id: string; rev?: string; error: string; reason: string }>
        >('POST', `${this.door}/_bulk_docs`, { docs, new_edits: false });
        // `forbidden` is headquarters' refusal (its rules): final, listed. Anything else is a failure to
        // store (a full disk, a store down): the page is sent again at the next pass, never skipped.
        const failed = failures.filter(
          (f) => f.error !== 'forbidden' || f.reason.includes('TERN_STORE_REJECTED'),
        );
        if (failed.length > 0)
          throw new Error(
            `headquarters could not store ${failed.length} record(s) (${failed[0]!.error}: ${failed[0]!.reason})`,
          );
        for (const f of failures) refused.push({ id: f.id, rev: f.rev ?? '-', reason: f.reason });
        sent += docs.length - failures.length;
      }
      cp.push = page.last_seq;
      await this.save(cp);
    }
  }

  private async pull(cp: Checkpoint): Promise<number> {
    const db = this.store.mission(this.mission);
    let taken = 0;
    for (;;) {
      const since = encodeURIComponent(String(cp.pull ?? 0));
      const page = await this.up.json<Changes>(
        'GET',
        `${this.door}/_changes?style=all_docs&limit=${this.pageSize}&since=${since}`,
      );
      if (page.results.length === 0) return taken;
      const want = wanted(await db.revsDiff(revsOf(page)));
      if (want.length > 0) {
        const got = await this.up.json<BulkGet>('POST', `${this.door}/_bulk_get?revs=true`, { docs: want });
        const docs = okDocs(got) as WireDoc[];
        const stored = await db.writeReplicated(docs);
        const ok = stored.filter((s) => s.ok);
        // The same deterministic merge headquarters runs: both sides end with the same revisions.
        await autoMerge(
          this.store,
          this.mission,
          [...new Set(ok.map((s) => s.id))],
          { by: `relay:${this.relayName}` },
          { onlyBranched: true },
        );
        taken += ok.length;
      }
      cp.pull = page.last_seq;
      await this.save(cp);
    }
  }
}

const revsOf = (page: Changes): Record<string, string[]> =>
  Object.fromEntries(page.results.map((c) => [c.id, c.changes.map((x) => x.rev)]));

const wanted = (diff: Diff): Array<{ id: string; rev: string }> =>
  Object.entries(diff).flatMap(([id, d]) => d.missing.map((rev) => ({ id, rev })));

const okDocs = (got: BulkGet): Array<Record<string, unknown>> =>
  got.results.flatMap((r) => r.docs.flatMap((d) => (d.ok ? [d.ok] : [])));
