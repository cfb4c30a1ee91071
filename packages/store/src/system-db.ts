type Db = PouchDB.Database<Record<string, unknown>>;

/** A document of the system database: accounts, missions, sessions, audit entries. */
export interface SystemDoc extends Record<string, unknown> {
  _id: string;
  _rev?: string;
}

/**
 * The server's own database (not replicated to devices): accounts, missions, sessions and the audit
 * log. Ordinary CouchDB edits (`new_edits` true): a stale `_rev` fails with a conflict instead of
 * making a branch, so two admins editing one account at once cannot both win silently.
 * Ids are `<kind>:<key>`, so one kind is one key range of `allDocs`.
 */
export class SystemDb {
  constructor(readonly db: Db) {}

  async get<T extends SystemDoc>(id: string): Promise<T | undefined> {
    try {
      return (await this.db.get(id)) as T;
    } catch (e) {
      if ((e as { status?: number }).status === 404) return undefined;
      throw e;
    }
  }

  /** Create or update (pass the current `_rev` to update). Returns the new rev. */
  async put(doc: SystemDoc): Promise<string> {
    return (await this.db.put(doc)).rev;
  }

  /**
   * Create only: fails with status 409 when the id exists. The audit log is written through this
   * alone, which is what makes it append-only from the server's side.
   */
  async create(doc: SystemDoc): Promise<string> {
    if (doc._rev !== undefined) throw new Error('create() takes a document without _rev');
    return (await this.db.put(doc)).rev;
  }

  async remove(id: string): Promise<void> {
    const doc = await this.get(id);
    if (doc?._rev) await this.db.remove(doc._id, doc._rev);
  }

  /**
   * Documents whose id starts with `prefix`, in id order (newest first with `descending` when ids sort
   * by time), at most `limit`, continuing after the id `cursor` when given.
   */
  async list<T extends SystemDoc>(
    prefix: string,
    opts: { limit?: number; descending?: boolean; cursor?: string } = {},
  ): Promise<T[]> {
    const first = opts.cursor ?? (opts.descending ? `${prefix}\uffff` : prefix);
    const last = opts.descending ? prefix : `${prefix}\uffff`;
    const res = await this.db.allDocs({
      include_docs: true,
      startkey: first,
      endkey: last,
      descending: opts.descending === true,
      // The cursor itself is in the range: ask for one more and drop it.
      ...(opts.limit !== undefined ? { limit: opts.limit + (opts.cursor ? 1 : 0) } : {}),
    });
    const docs = res.rows.flatMap((r) => (r.doc && r.id !== opts.cursor ? [r.doc as unknown as T] : []));
    return opts.limit !== undefined ? docs.slice(0, opts.limit) : docs;
  }
}
