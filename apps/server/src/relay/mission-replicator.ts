import { randomUUID } from 'node:crypto';
import type { ServerStore, StoredDoc } from '@tern/store';
import type { WireDoc } from '@tern/sync';
import { autoMerge } from '../merge/auto-merge.ts';
import { forgetAcknowledged } from './file-notes.ts';
import { RefusedRevisions } from './refused-revisions.ts';
import type { RefusedRevision } from './refused-revisions.ts';
import type { Upstream } from './upstream.ts';

/** Where replication of one mission stands, kept in the relay's ops database (never replicated). */
interface Checkpoint extends StoredDoc {
  /** The relay's local changes sent up to here (its own update sequence). */
  push: string | number | null;
  /**
   * Headquarters' changes taken down to here: headquarters' update sequence exactly as it sent it, a
   * number on one store, an opaque string on a CouchDB cluster (`12-g1AAAA…`). Sent back as it is,
   * never compared nor parsed as a number.
   */
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
  /** Refused this pass (first refusals and refused retries). */
  refused: Refusal[];
  /** Revisions refused before that headquarters took on this pass's retry (or already held). */
  retried: number;
}

type Changes = { results: Array<{ id: string; changes: Array<{ rev: string }> }>; last_seq: string | number };
type Diff = Record<string, { missing: string[] }>;
type BulkGet = { results: Array<{ id: string; docs: Array<{ ok?: Record<string, unknown> }> }> };
type Failure = { id: string; rev?: string; error: string; reason: string };

const CHECKPOINT = 'relay-checkpoint';

/**
 * Replicates one mission between the relay's store and headquarters' CouchDB door (decision 195):
 * up (`_revs_diff`, then `_bulk_docs` with `new_edits:false`), then down (`_changes`, `_revs_diff`
 * locally, `_bulk_get?revs=true`), a page at a time, the checkpoint saved after every page so a cut
 * link resumes where it stopped. Revisions are stored as they are, histories and branches included;
 * the automatic merge runs on both sides and makes the same revisions (it is deterministic).
 */
export class MissionReplicator {
  /** Revisions headquarters refused, kept and retried with back-off (decision 209). */
  readonly refusedNotes: RefusedRevisions;

  constructor(
    private readonly store: ServerStore,
    private readonly up: Upstream,
    readonly mission: string,
    private readonly relayName: string,
    private readonly pageSize = 100,
    /** The first retry of a refused revision waits this long; each refusal doubles it (6 h at most). */
    refusedRetryMs = 60_000,
    /** The clock the retries are timed by (tests move it). */
    now: () => number = Date.now,
  ) {
    this.refusedNotes = new RefusedRevisions(store.ops(mission), refusedRetryMs, now);
  }

  private get door(): string {
    return `/couch/${encodeURIComponent(this.mission)}`;
  }
  private get marker(): string {
    return `${this.door}/_local/tern-relay-${encodeURIComponent(this.relayName)}`;
  }

  /** One pass: everything up, refused revisions whose time has come, then everything down. */
  async pass(): Promise<PassReport> {
    const cp = await this.checkpoint();
    const refused: Refusal[] = [];
    let pushed = await this.push(cp, refused);
    // After the push: a later revision just sent may carry a refused one, which then needs no retry.
    const retried = await this.retryRefused(refused);
    const pulled = await this.pull(cp);
    // What was just taken down is now a local change too: one `_revs_diff` per page moves the push
    // checkpoint past it (headquarters has it), so "waiting to go up" means work made here.
    if (pulled > 0) pushed += await this.push(cp, refused);
    return { pushed: pushed + retried, pulled, refused, retried };
  }

  /** Local changes not yet sent up (an upper bound: a change may be one headquarters has). */
  async pendingUp(): Promise<number> {
    const cp = await this.store.ops(this.mission).get<Checkpoint>(CHECKPOINT);
    const list = await this.store
      .mission(this.mission)
      .changeList(cp?.push == null ? null : String(cp.push), 10_000);
    return list.changes.length;
  }

  /**
   * Headquarters' changes not yet taken down. With number sequences (one store), the difference. With
   * opaque ones (a CouchDB cluster) nothing can be subtracted: one `_changes` row after the checkpoint
   * says whether anything is waiting (0) or not (null: "some, how many unknown").
   */
  async pendingDown(): Promise<number | null> {
    const cp = await this.store.ops(this.mission).get<Checkpoint>(CHECKPOINT);
    const at = cp?.pull ?? 0;
    const info = await this.up.json<{ update_seq: string | number }>('GET', this.door);
    if (typeof info.update_seq === 'number' && typeof at === 'number')
      return Math.max(0, info.update_seq - at);
    const next = await this.up.json<Changes>(
      'GET',
      `${this.door}/_changes?limit=1&since=${encodeURIComponent(String(at))}`,
    );
    return next.results.length === 0 ? 0 : null;
  }

  /**
   * Send again the refused revisions whose back-off has passed (decision 209). Headquarters holds one
   * already (a later revision carried it, or an earlier try went through after all): the note goes.
   * Refused again: the note counts the try and waits longer. A failure to store (not a refusal) stops
   * the pass like any push failure; the notes stay as they were.
   */
  private async retryRefused(refused: Refusal[]): Promise<number> {
    // Not what this pass's push was just refused: that waits its first back-off.
    const now = new Set(refused.map((r) => `${r.id} ${r.rev}`));
    const due = (await this.refusedNotes.due()).filter((n) => !now.has(`${n.id} ${n.rev}`));
    let settled = 0;
    for (let i = 0; i < due.length; i += this.pageSize) {
      const notes = due.slice(i, i + this.pageSize);
      const ask: Record<string, string[]> = {};
      for (const n of notes) (ask[n.id] ??= []).push(n.rev);
      const diff = await this.up.json<Diff>('POST', `${this.door}/_revs_diff`, ask);
      const missing = new Set(wanted(diff).map((w) => `${w.id} ${w.rev}`));
      // A later revision went up and its history names this one (its body did not go with it):
      // headquarters has the record past it, so it is no longer waiting. Its body stays here.
      for (const n of notes)
        if (missing.has(`${n.id} ${n.rev}`) && (await this.historyAtHq(n.id)).has(n.rev))
          missing.delete(`${n.id} ${n.rev}`);
      const send = notes.filter((n) => missing.has(`${n.id} ${n.rev}`));
      const db = this.store.mission(this.mission);
      const docs =
        send.length === 0
          ? []
          : okDocs(
              (await db.bulkGet(
                send.map((n) => ({ id: n.id, rev: n.rev })),
                { revs: true, latest: false },
              )) as BulkGet,
            );
      const failures =
        docs.length === 0
          ? []
          : await this.up.json<Failure[]>('POST', `${this.door}/_bulk_docs`, { docs, new_edits: false });
      throwOnStoreFailure(failures);
      const again = new Map(failures.map((f) => [`${f.id} ${f.rev ?? ''}`, f]));
      const held = new Set(docs.map((d) => `${String(d._id)} ${String(d._rev)}`));
      for (const n of notes) {
        const f = again.get(`${n.id} ${n.rev}`);
        if (f) {
          await this.refusedNotes.refused(n.id, n.rev, f.reason);
          refused.push({ id: n.id, rev: n.rev, reason: f.reason });
        } else if (!missing.has(`${n.id} ${n.rev}`) || held.has(`${n.id} ${n.rev}`)) {
          await this.refusedNotes.settled(n);
          settled++;
        }
        // Missing at headquarters and no longer readable here (a purge): the note stays, in view.
      }
    }
    return settled;
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
    // A session that existed is gone: one side was restored, and the files headquarters acknowledged
    // may be gone with it (decision 229).
    if (local) await forgetAcknowledged(ops);
    await this.up.json('PUT', this.marker, {
      ...(mark?._rev ? { _rev: mark._rev } : {}),
      session: fresh.session,
    });
    return fresh;
  }

  /** Every revision named in the histories of the record's leaves at headquarters (empty: none). */
  private async historyAtHq(id: string): Promise<Set<string>> {
    const leaves = await this.up.jsonOrAbsent<
      Array<{ ok?: { _revisions?: { start: number; ids: string[] } } }>
    >(`${this.door}/${encodeURIComponent(id)}?open_revs=all&revs=true`);
    const revs = new Set<string>();
    for (const l of leaves ?? []) {
      const h = l.ok?._revisions;
      if (h) h.ids.forEach((hash, i) => revs.add(`${h.start - i}-${hash}`));
    }
    return revs;
  }

  private async save(cp: Checkpoint): Promise<void> {
    cp._rev = await this.store.ops(this.mission).put(cp);
  }

  private async push(cp: Checkpoint, refused: Refusal[]): Promise<number> {
    const db = this.store.mission(this.mission);
    let sent = 0;
    for (;;) {
      const page = (await db.couchChanges({
        since: cp.push ?? 0,
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
        const failures = await this.up.json<Failure[]>('POST', `${this.door}/_bulk_docs`, {
          docs,
          new_edits: false,
        });
        throwOnStoreFailure(failures);
        // `forbidden` is headquarters' refusal (its rules): noted, shown, and sent again later with
        // back-off (decision 209): the account it names may be created, enabled or added meanwhile.
        for (const f of failures) {
          const rev = f.rev ?? '-';
          await this.refusedNotes.refused(f.id, rev, f.reason);
          refused.push({ id: f.id, rev, reason: f.reason });
        }
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
        // Headquarters lists a record's files as `_attachments` stubs to an account that may read them
        // (decision 168). Records are stored without them: the files come by the file replicator
        // (relay/file-replicator.ts, decision 230), checked by their sha-256.
        const docs = okDocs(got).map(({ _attachments: _files, ...doc }) => doc) as WireDoc[];
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

/**
 * `forbidden` is headquarters' refusal (its rules). Anything else is a failure to store (a full disk, a
 * store down): the page is sent again at the next pass, never skipped nor noted as refused.
 */
function throwOnStoreFailure(failures: Failure[]): void {
  const failed = failures.filter((f) => f.error !== 'forbidden' || f.reason.includes('TERN_STORE_REJECTED'));
  if (failed.length > 0)
    throw new Error(
      `headquarters could not store ${failed.length} record(s) (${failed[0]!.error}: ${failed[0]!.reason})`,
    );
}

export type { RefusedRevision };

const revsOf = (page: Changes): Record<string, string[]> =>
  Object.fromEntries(page.results.map((c) => [c.id, c.changes.map((x) => x.rev)]));

const wanted = (diff: Diff): Array<{ id: string; rev: string }> =>
  Object.entries(diff).flatMap(([id, d]) => d.missing.map((rev) => ({ id, rev })));

const okDocs = (got: BulkGet): Array<Record<string, unknown>> =>
  got.results.flatMap((r) => r.docs.flatMap((d) => (d.ok ? [d.ok] : [])));
