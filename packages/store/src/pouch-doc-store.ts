import type { DocStore, ListOptions, StoredDoc } from './doc-store.ts';
import { StoreError } from './errors.ts';
import type { Pouch } from './pouch.ts';
import { translated } from './pouch-errors.ts';
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
      const res = await this.db.allDocs({ include_docs: true, keys: ids });
      // A removed document answers a row with `value.deleted` and no doc: absent as well.
      return res.rows.map((r) => ('doc' in r && r.doc ? (r.doc as unknown as T) : undefined));
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
