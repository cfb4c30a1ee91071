import type { WireDoc } from '@tern/sync';
import { fragmentOf } from '../rows/fragments.ts';
import type { Fragment } from '../rows/fragments.ts';
import type { ResearchKeys } from '../rows/research-keys.ts';
import type { AnalyticsStore } from '../store/analytics-store.ts';

/** Load documents straight into an analytics store (no mission store): for tests and benchmarks. */
export async function loadDocs(
  store: AnalyticsStore,
  docs: readonly WireDoc[],
  mission: string,
  keys: ResearchKeys,
  batch = 20_000,
): Promise<void> {
  for (let i = 0; i < docs.length; i += batch) {
    const upserts = docs
      .slice(i, i + batch)
      .map((d) => fragmentOf(d, mission, keys))
      .filter((f): f is Fragment => f !== null);
    await store.apply({ mission, upserts, deletes: [], seq: String(i + batch), at: new Date() });
  }
}
