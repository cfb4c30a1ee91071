import type { WireDoc } from '@tern/sync';
import type { Pouch } from './pouch.ts';

/** One document of a backup: every leaf (live, conflicting or deleted) with its history. */
export interface DocLeaves {
  id: string;
  leaves: WireDoc[];
}

export interface ExportSummary {
  /** The database's update sequence when the read began: the backup holds at least this point. */
  updateSeqAtStart: string;
  docs: number;
}

/** Ids per page of the changes feed; pages are bounded so a store under constant writes still ends. */
const PAGE = 200;
const MAX_PAGES = 1_000_000;

/**
 * Every document of `db`, each with all its leaves (`open_revs=all`, attachments inlined), in the
 * order of the changes feed read to its end (decision 150): a document written while the read runs
 * moves to the end of the feed and is read there, so nothing present at the start is missed.
 */
export async function exportLeaves(
  db: Pouch,
  each: (doc: DocLeaves) => Promise<void> | void,
  skip: (id: string) => boolean = () => false,
): Promise<ExportSummary> {
  const updateSeqAtStart = String((await db.info()).update_seq);
  const seen = new Set<string>();
  let since: number | string = 0;
  let docs = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res: PouchDB.Core.ChangesResponse<Record<string, unknown>> = await db.changes({
      since,
      limit: PAGE,
      return_docs: true,
    });
    if (res.results.length === 0) return { updateSeqAtStart, docs };
    since = res.last_seq;
    // A document read in an earlier page and written since is read again: the later read holds more.
    for (const c of res.results) {
      if (c.id.startsWith('_local/') || c.id.startsWith('_design/') || skip(c.id)) continue;
      // `attachments` is honoured with open_revs, though PouchDB's typings do not say so.
      const options = { open_revs: 'all', revs: true, attachments: true } as PouchDB.Core.GetOpenRevisions;
      const got = (await db.get(c.id, options)) as unknown as Array<{ ok?: WireDoc }>;
      const leaves = got.flatMap((r) => (r.ok ? [r.ok] : [])).sort((a, b) => (a._rev < b._rev ? -1 : 1));
      if (leaves.length === 0) continue;
      if (!seen.has(c.id)) docs += 1;
      seen.add(c.id);
      await each({ id: c.id, leaves });
    }
  }
  throw new Error(
    `export stopped after ${MAX_PAGES} pages of changes: the store is written faster than read`,
  );
}

/**
 * Store leaves as replicated revisions (`new_edits: false`): each revision is kept as it was, with
 * its history, so the revision trees are those of the backup. Returns the ids PouchDB refused.
 */
export async function importLeaves(db: Pouch, docs: DocLeaves[]): Promise<string[]> {
  const leaves = docs.flatMap((d) => d.leaves);
  if (leaves.length === 0) return [];
  const res = (await db.bulkDocs(leaves as unknown as PouchDB.Core.PutDocument<Record<string, unknown>>[], {
    new_edits: false,
  })) as Array<{ error?: unknown; id?: string; reason?: string }>;
  return res.flatMap((r) => (r.error ? [`${r.id ?? '?'}: ${String(r.reason ?? r.error)}`] : []));
}
