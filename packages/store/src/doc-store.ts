/** A document of a keyed store (ops, forms, system): `<kind>:<key>` id and the store's revision. */
export interface StoredDoc extends Record<string, unknown> {
  _id: string;
  _rev?: string;
}

export interface ListOptions {
  limit?: number;
  /** Newest first when ids sort by time. */
  descending?: boolean;
  /** Continue after this id (exclusive). */
  cursor?: string;
}

/**
 * A store of keyed documents that the server keeps for itself and never syncs to devices: a mission's
 * operational records (`ops`: devices, merges, conflicts, resolutions), published forms, and the system
 * database (accounts, missions, sessions, audit). Ordinary edits with optimistic concurrency: a write
 * names the revision it replaces, and a stale one fails with TERN_STORE_CONFLICT instead of making a
 * branch, so two writers cannot both win silently. Ids are `<kind>:<key>`, so one kind is one id range.
 *
 * Errors are StoreErrors only: TERN_STORE_CONFLICT, TERN_STORE_DOC_TOO_DEEP, TERN_STORE_INVALID,
 * TERN_STORE_UNAVAILABLE. Absence is `undefined`, never an error.
 */
export interface DocStore {
  /** The current revision of `id`, or undefined. */
  get<T extends StoredDoc>(id: string): Promise<T | undefined>;
  /** Several at once, in the order asked; undefined for each one absent. */
  getMany<T extends StoredDoc>(ids: string[]): Promise<Array<T | undefined>>;
  /** Create (no `_rev`) or update (the current `_rev`). Returns the new rev; TERN_STORE_CONFLICT otherwise. */
  put(doc: StoredDoc): Promise<string>;
  /**
   * Create only: TERN_STORE_CONFLICT when the id exists. The audit log is written through this alone,
   * which is what makes it append-only from the server's side.
   */
  create(doc: StoredDoc): Promise<string>;
  /** Remove `id` (the revision `rev` when given, else the current one). Absent: nothing happens. */
  remove(id: string, rev?: string): Promise<void>;
  /** Documents whose id starts with `prefix`, in id order, at most `limit`, after `cursor`. */
  list<T extends StoredDoc>(prefix: string, opts?: ListOptions): Promise<T[]>;
}

/** The system database is a DocStore; the names stay for the server's accounts, sessions and audit. */
export type SystemDb = DocStore;
export type SystemDoc = StoredDoc;
