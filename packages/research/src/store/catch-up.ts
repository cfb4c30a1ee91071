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
  const batchSize = o.batchSize ?? 1000;
  const now = o.now ?? (() => new Date());
  let since = (await store.checkpoint(source.mission))?.seq ?? null;
  let changes = 0;
  let batches = 0;
  for (;;) {
    o.signal?.throwIfAborted();
    const at = now();
    const list = await source.changeList(since, batchSize);
    const ids = [...new Set(list.changes.map((c) => c.id))];
    const docs = await source.winnersWithHistory(ids);
    const upserts: Fragment[] = [];
    const deletes: string[] = [];
    ids.forEach((id, i) => {
      const doc = docs[i];
      const fragment = doc ? fragmentOf(doc, source.mission, keys) : null;
      if (fragment) upserts.push(fragment);
      else deletes.push(keys.docRef(source.mission, id));
    });
    // An empty batch still moves the as-of time: the store is known to be current now.
    await store.apply({ mission: source.mission, upserts, deletes, seq: list.lastSeq, at });
    changes += ids.length;
    batches += 1;
    since = list.lastSeq;
    if (!list.more) return { mission: source.mission, changes, batches, seq: since };
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
