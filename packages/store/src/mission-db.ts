import type { Body, Branch, WireDoc } from '@tern/sync';
import type { CouchChange, CouchChangesOptions, DocReadOptions } from './couch-reads.ts';
import type { EditCheck, EditDoc, EditResult } from './couch-writes.ts';
import type { StoreErrorCode } from './errors.ts';

export interface StoredResult {
  id: string;
  rev: string;
  ok: boolean;
  /** CouchDB's error name for a failure (`forbidden`, `bad_request`…), as `_bulk_docs` answers it. */
  error?: string;
  reason?: string;
  /** The store's code for a failure. */
  code?: StoreErrorCode;
}

export interface ChangeList {
  changes: Array<{ id: string; seq: string }>;
  lastSeq: string;
  more: boolean;
}

/** A change list with each change's winner: `docs[i]` is `changes[i]`'s (undefined: never stored). */
export interface ChangeListWithWinners extends ChangeList {
  docs: Array<WireDoc | undefined>;
}

export interface ChangesPage {
  docs: WireDoc[];
  /** Update sequence after the last change returned, as an opaque string. */
  lastSeq: string;
  /** True when changes are still waiting after `lastSeq`. */
  more: boolean;
}

/**
 * One mission's records: what devices sync, with CouchDB's revision semantics. Writes made elsewhere are
 * replicated writes (`new_edits: false`): the revision is stored as is, with its history, and every
 * branch is kept; the winner is deterministic (PouchDB's winningRev).
 * https://docs.couchdb.org/en/stable/api/database/bulk-api.html#replicator-mode
 *
 * Errors are StoreErrors only (docs/errors.md, "Store errors"). A document nested deeper than the store
 * can encode is refused per document (`ok: false`), never thrown at the process.
 */
export interface MissionDb {
  readonly mission: string;
  /**
   * Whether this store may hand out opaque update sequences (`12-g1AA…`): only a CouchDB server behind
   * a URL does. The embedded store counts changes with numbers, so an opaque `since` was never handed
   * out by it (the doors refuse it with a 400 instead of answering an empty page).
   */
  readonly opaqueSequences: boolean;

  /** Store revisions made elsewhere. Idempotent: a revision already present changes nothing. */
  writeReplicated(docs: WireDoc[]): Promise<StoredResult[]>;
  /**
   * Which documents changed after `since` (id and seq only), oldest first, at most `limit`. `more` says
   * whether changes wait after `lastSeq`, which is where the next page starts when all of these are sent.
   */
  changeList(since: string | null, limit: number): Promise<ChangeList>;
  /**
   * `changeList` with each change's current winner as `winnersWithHistory` gives it (`docs[i]` for
   * `changes[i]`), read in the same pass where the store can (a pull reads both: decision 227).
   */
  changeListWithWinners(since: string | null, limit: number): Promise<ChangeListWithWinners>;
  /** The current update sequence (a checkpoint beyond it was not handed out by this store). */
  updateSeq(): Promise<string>;
  /**
   * Of these documents, those with more than one leaf (live or deleted). Reads these ids only, in one
   * call, so the merge check after a write costs in proportion to the batch, not to what other
   * writers did meanwhile (decision 097).
   */
  branched(ids: string[]): Promise<Set<string>>;
  /**
   * The winning revisions of these documents with `_revisions`, one entry per id, in order; a deleted
   * document's winner is its tombstone (`_deleted: true`), undefined only for an id never stored.
   */
  winnersWithHistory(ids: string[]): Promise<Array<WireDoc | undefined>>;
  /** Which of these ids the database holds at all, deleted ones included: one bulk read. */
  existing(ids: string[]): Promise<Set<string>>;
  /**
   * A page of changes with their documents (deletions as tombstones), also ended at a byte budget
   * (always at least one document).
   */
  changesSince(since: string | null, limit: number, maxBytes?: number): Promise<ChangesPage>;
  /** The winning revision with `_revisions` and `_conflicts` (when there are), or undefined. */
  get(id: string): Promise<WireDoc | undefined>;
  /** Every document's winning revision. */
  allDocs(): Promise<WireDoc[]>;
  docCount(): Promise<number>;

  /** The live (not deleted) leaves with their bodies and histories (CouchDB `open_revs=all`). */
  liveBranches(id: string): Promise<Branch[]>;
  /** The body of one revision, or undefined when the store holds only its id (sent as history). */
  bodyAt(id: string, rev: string): Promise<Body | undefined>;
  /** Ids of the documents that have more than one live leaf. */
  conflictedIds(): Promise<string[]>;

  // The CouchDB replication door (docs/protocol.md, "CouchDB door").
  /** `GET /db/docid` with rev, revs, conflicts, latest, open_revs. TERN_STORE_NOT_FOUND when absent. */
  readDoc(id: string, opts: DocReadOptions): Promise<Record<string, unknown> | Record<string, unknown>[]>;
  /** `_bulk_get`: one result per request, `{id, docs: [{ok: doc} | {error}]}`. */
  bulkGet(
    docs: Array<{ id: string; rev?: string }>,
    opts: { revs: boolean; latest: boolean },
  ): Promise<{ results: Record<string, unknown>[] }>;
  /** `_revs_diff`: the revs this database lacks, with `possible_ancestors`. */
  revsDiff(
    request: Record<string, string[]>,
  ): Promise<Record<string, { missing: string[]; possible_ancestors?: string[] }>>;
  /** One page of `_changes`, oldest first. */
  couchChanges(opts: CouchChangesOptions): Promise<{ results: CouchChange[]; last_seq: number | string }>;
  /** True as soon as a change after `since` exists; false after `ms` or when `signal` aborts. */
  waitForChange(since: number | string, ms: number, signal: AbortSignal): Promise<boolean>;
  /** Interactive edits (`new_edits: true`), one call at a time per mission; conflicts per document. */
  writeEdits(docs: EditDoc[], check: EditCheck): Promise<EditResult[]>;
  /** A `_local` document (replication checkpoint), or undefined. */
  getLocal(id: string): Promise<Record<string, unknown> | undefined>;
  /** Write a `_local` document; `_rev` must be the current one (TERN_STORE_CONFLICT otherwise). */
  putLocal(id: string, doc: Record<string, unknown>): Promise<{ ok: true; id: string; rev: string }>;
  info(): Promise<{ docCount: number; updateSeq: number | string }>;
  /**
   * This database's epoch: a random id made when it is first asked for, kept in a `_local` document
   * (never replicated, never in a backup), so a database restored from a backup has a new one and
   * checkpoints handed out before the restore are recognised as another epoch's (decision 152).
   */
  epoch(): Promise<string>;
}
