import type { WireDoc } from '@tern/sync';
import { fragmentOf } from '../rows/fragments.ts';
import type { Fragment } from '../rows/fragments.ts';
import type { ResearchKeys } from '../rows/research-keys.ts';
import type { AnalyticsStore } from './analytics-store.ts';

/**
 * What the analytics feed needs of a mission's records: the two reads of @tern/store's MissionDb that
 * follow its changes feed (packages/store/src/mission-db.ts). Structural, so this package needs no store.
 */
export interface ChangeSource {
  readonly mission: string;
  changeList(
    since: string | null,
    limit: number,
  ): Promise<{ changes: Array<{ id: string; seq: string }>; lastSeq: string; more: boolean }>;
  winnersWithHistory(ids: string[]): Promise<Array<WireDoc | undefined>>;
  /**
   * The CouchDB door's `_changes` (MissionDb has it): one pass of the feed with the winning documents,
   * about 2.5 times faster than `changeList` + `winnersWithHistory` on LevelDB. Used when present and
   * the checkpoint is a number (PouchDB's sequences are).
   */
  couchChanges?(opts: {
    since: number | 'now';
    limit: number;
    allDocs: boolean;
    includeDocs: boolean;
    conflicts: boolean;
  }): Promise<{
    results: Array<{ id: string; deleted?: boolean; doc?: unknown }>;
    last_seq: number | string;
  }>;
}

interface Page {
  at: Date;
  /** Changed ids, each with its winning revision (a tombstone when deleted; undefined if never stored). */
  changed: Array<[string, WireDoc | undefined]>;
  lastSeq: string;
  more: boolean;
}

/** One page of the feed after `since`, read the fastest way the source offers. */
async function readPage(
  source: ChangeSource,
  since: string | null,
  limit: number,
  now: () => Date,
): Promise<Page> {
  const at = now();
  const numeric = since === null ? 0 : Number(since);
  if (source.couchChanges && Number.isSafeInteger(numeric)) {
    const r = await source.couchChanges({
      since: numeric,
      limit,
      allDocs: false,
      includeDocs: true,
      conflicts: false,
    });
    const latest = new Map<string, WireDoc | undefined>();
    for (const c of r.results) latest.set(c.id, (c.doc as WireDoc | undefined) ?? undefined);
    return { at, changed: [...latest], lastSeq: String(r.last_seq), more: r.results.length >= limit };
  }
  const list = await source.changeList(since, limit);
  const ids = [...new Set(list.changes.map((c) => c.id))];
  const docs = await source.winnersWithHistory(ids);
  return { at, changed: ids.map((id, i) => [id, docs[i]]), lastSeq: list.lastSeq, more: list.more };
}

export interface CatchUpOptions {
  /** Changes read and applied per batch (one transaction each). */
  batchSize?: number;
  now?: () => Date;
  signal?: AbortSignal;
}

export interface CatchUpResult {
  mission: string;
  changes: number;
  batches: number;
  seq: string | null;
}

/**
 * Bring the analytics store up to date with one mission: read its changes feed from the store's
 * checkpoint, turn each changed document's winning revision into a fragment (or a removal: a tombstone,
 * a document that no longer contributes), and apply them batch by batch, each batch with its
 * checkpoint, so an interrupted catch-up resumes where it stopped. The as-of time of a batch is taken
 * before its changes are read: the store holds at least everything written before it.
 */
export async function catchUp(
  store: AnalyticsStore,
  source: ChangeSource,
  keys: ResearchKeys,
  o: CatchUpOptions = {},
): Promise<CatchUpResult> {
  const batchSize = o.batchSize ?? 5000;
  const now = o.now ?? (() => new Date());
  const since = (await store.checkpoint(source.mission))?.seq ?? null;
  let changes = 0;
  let batches = 0;
  // The next page is read while this one is applied (PouchDB and DuckDB work in parallel); a failed
  // apply stops before the next page's checkpoint, so nothing is skipped.
  const read = (from: string | null) => {
    const page = readPage(source, from, batchSize, now);
    page.catch(() => undefined); // awaited in turn; a failure while a batch is applied is not unhandled
    return page;
  };
  let next = read(since);
  for (;;) {
    o.signal?.throwIfAborted();
    const page = await next;
    if (page.more) next = read(page.lastSeq);
    const upserts: Fragment[] = [];
    const deletes: string[] = [];
    for (const [id, doc] of page.changed) {
      const fragment = doc ? fragmentOf(doc, source.mission, keys) : null;
      if (fragment) upserts.push(fragment);
      else deletes.push(keys.docRef(source.mission, id));
    }
    // An empty batch still moves the as-of time: the store is known to be current now.
    await store.apply({ mission: source.mission, upserts, deletes, seq: page.lastSeq, at: page.at });
    changes += page.changed.length;
    batches += 1;
    if (!page.more) return { mission: source.mission, changes, batches, seq: page.lastSeq };
  }
}

/** Rebuild the store from scratch from these missions: the one command behind `rebuild`. */
export async function rebuildAnalytics(
  store: AnalyticsStore,
  sources: readonly ChangeSource[],
  keys: ResearchKeys,
  o: CatchUpOptions = {},
): Promise<CatchUpResult[]> {
  await store.reset();
  const out: CatchUpResult[] = [];
  for (const s of sources) out.push(await catchUp(store, s, keys, o));
  return out;
}
