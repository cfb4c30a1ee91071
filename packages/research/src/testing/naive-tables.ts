import type { Dimension } from '../dimensions.ts';
import { checkQuery } from '../disclosure/table-query.ts';
import type { TableQuery } from '../disclosure/table-query.ts';
import { fineCells } from '../disclosure/publish.ts';
import type { PublishedCell } from '../disclosure/publish.ts';
import type { AnalyticsStore } from '../store/analytics-store.ts';

/**
 * The naive control the adversarial test must beat: exact counts of the table's own cells, cells under
 * k suppressed, margins and total exact. Never used to answer a researcher.
 */
export interface NaiveTable {
  cells: PublishedCell[];
  margins: Array<{ dim: Dimension; values: Array<{ value: string; total: number }> }>;
  total: number;
}

export async function naiveTable(store: AnalyticsStore, query: TableQuery, k = 11): Promise<NaiveTable> {
  const q = checkQuery(query);
  const counts = await store.fineCounts({ dims: q.dims, filters: q.filters });
  const all = fineCells(counts, q.dims, new Set(q.dims)).filter((c) =>
    c.values.every((v, i) => q.filters[q.dims[i]!]?.includes(v) ?? true),
  );
  return {
    cells: all.filter((c) => c.n >= k).map((c) => ({ values: c.values, value: c.n })),
    margins: q.dims.map((dim, i) => {
      const sums = new Map<string, number>();
      for (const c of all) sums.set(c.values[i]!, (sums.get(c.values[i]!) ?? 0) + c.n);
      return { dim, values: [...sums].map(([value, total]) => ({ value, total })) };
    }),
    total: all.reduce((s, c) => s + c.n, 0),
  };
}
