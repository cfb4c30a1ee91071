import type { WireDoc } from '@tern/sync';
import { fragmentOf } from '../rows/fragments.ts';
import type { Fragment } from '../rows/fragments.ts';
import type { ResearchKeys } from '../rows/research-keys.ts';
import type { AnalyticsStore } from '../store/analytics-store.ts';

/**
 * Load documents straight into an analytics store (no mission store), as `catchUp` would apply them: a
 * tombstone or a document that adds nothing removes its fragment. For tests and benchmarks.
 */
export async function loadDocs(
  store: AnalyticsStore,
  docs: readonly WireDoc[],
  mission: string,
  keys: ResearchKeys,
  batch = 20_000,
): Promise<void> {
  for (let i = 0; i < docs.length; i += batch) {
    const upserts: Fragment[] = [];
    const deletes: string[] = [];
    for (const d of docs.slice(i, i + batch)) {
      const f = fragmentOf(d, mission, keys);
      if (f) upserts.push(f);
      else deletes.push(keys.docRef(mission, d._id));
    }
    await store.apply({ mission, upserts, deletes, seq: String(i + batch), at: new Date() });
  }
}
