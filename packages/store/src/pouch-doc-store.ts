import type { DocStore, ListOptions, StoredDoc } from './doc-store.ts';
import { StoreError } from './errors.ts';
import type { Pouch } from './pouch.ts';
import { translated } from './pouch-errors.ts';
import { revisionTrees } from './rev-trees.ts';
import { assertStorable } from './storable.ts';

/** DocStore over one PouchDB database (ordinary CouchDB edits, `new_edits` true). */
export class PouchDocStore implements DocStore {
  constructor(
    private readonly db: Pouch,
    private readonly name: string,
  ) {}

  async get<T extends StoredDoc>(id: string): Promise<T | undefined> {
    const [doc] = await this.getMany<T>([id]);
    return doc;
  }

  getMany<T extends StoredDoc>(ids: string[]): Promise<Array<T | undefined>> {
    if (ids.length === 0) return Promise.resolve([]);
    return translated(`${this.name}: read`, async () => {
      // Which ids exist from their revision trees first (metadata only; most ids asked for in bulk,
      // such as the open conflicts of a pulled page, are absent), then only those, all at once.
      // allDocs with keys opens an iterator and takes a read lock per key (decision 097).
      const trees = await revisionTrees(this.db, ids);
      return Promise.all(
        ids.map(async (id, i) => {
          if (!trees[i]) return undefined;
          try {
            return (await this.db.get(id)) as unknown as T;
          } catch (e) {
            // A removed document (its winner is a deletion) is absent as well.
            if ((e as { status?: number }).status === 404) return undefined;
            throw e;
          }
        }),
      );
    });
  }

  async put(doc: StoredDoc): Promise<string> {
    assertStorable(doc, `${this.name}: ${doc._id}`);
    return await translated(`${this.name}: ${doc._id}`, async () => (await this.db.put(doc)).rev);
  }

  async create(doc: StoredDoc): Promise<string> {
    if (doc._rev !== undefined)
      throw new StoreError('TERN_STORE_INVALID', `${this.name}: create() takes a document without _rev`);
    return await this.put(doc);
  }

  async remove(id: string, rev?: string): Promise<void> {
    const current = rev ?? (await this.get(id))?._rev;
    if (current === undefined) return;
    await translated(`${this.name}: remove ${id}`, () => this.db.remove(id, current));
  }

  list<T extends StoredDoc>(prefix: string, opts: ListOptions = {}): Promise<T[]> {
    return translated(`${this.name}: list ${prefix}`, async () => {
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
    });
  }
}
