import type { Dimension } from '../dimensions.ts';
import { ResearchError } from '../errors.ts';
import type { AnalyticsStore, CountUnit, Recreation } from '../store/analytics-store.ts';
import type { DisclosureParams } from './parameters.ts';
import { fineCells, publishTable } from './publish.ts';
import type { PublishedCell } from './publish.ts';
import { checkQuery } from './table-query.ts';
import type { TableQuery } from './table-query.ts';

/** What a researcher may see: the missions an admin granted them. */
export interface ResearchScope {
  missions: readonly string[];
}

export interface Margin {
  dim: Dimension;
  values: Array<{ value: string; total: number }>;
}

/** A table as it may leave the server: published cells only, with its freshness and its rules. */
export interface PublishedTable {
  /** What every number counts: cases, or people (linked cases counted once; decision 202). */
  counts: CountUnit;
  dims: Dimension[];
  filters: Partial<Record<Dimension, string[]>>;
  missions: string[];
  /** Cells of at least k, perturbed; a cell not listed has fewer than k cases, possibly none. */
  cells: PublishedCell[];
  /** Per dimension, sums of the published cells (for a multi dimension, mentions, not cases). */
  margins: Margin[];
  /** The sum of the published cells. */
  total: number;
  /** The store's as-of time for these missions; null while one of them is being built (`behind`). */
  asOf: string | null;
  behind: string[];
  recreated: Recreation | null;
  disclosure: { k: number; ptable: string; method: string };
}

export const METHOD =
  'Cell-key perturbation, cells under k suppressed (an absent cell may be empty); every number is a sum of published parts split by mission and by each filter.';

/**
 * One table through the disclosure control. The store is asked for the fine cells: the table's
 * dimensions crossed with the mission and every filtered dimension (publish.ts says why).
 */
export async function researchTable(
  store: AnalyticsStore,
  query: TableQuery,
  scope: ResearchScope,
  p: DisclosureParams,
): Promise<PublishedTable> {
  const q = checkQuery(query);
  const asked = q.filters.mission;
  const outside = asked?.filter((m) => !scope.missions.includes(m)) ?? [];
  if (outside.length > 0)
    throw new ResearchError(
      'TERN_RESEARCH_MISSION_NOT_GRANTED',
      `Missions not granted: ${outside.join(', ')}`,
      {
        missions: outside,
      },
    );
  const missions = [...(asked ?? scope.missions)].sort();
  const fineDims: Dimension[] = [
    ...new Set<Dimension>(['mission', ...q.dims, ...(Object.keys(q.filters) as Dimension[])]),
  ];
  const counts =
    missions.length === 0
      ? []
      : await store.fineCounts({
          dims: fineDims,
          filters: { ...q.filters, mission: missions },
          unit: q.count,
        });
  const status = await store.status(missions);
  const table = publishTable(
    fineCells(counts, fineDims, new Set(q.dims)),
    q.dims.map((d) => fineDims.indexOf(d)),
    q.dims.map((d) => (q.filters[d] ? new Set(q.filters[d]) : undefined)),
    p,
  );
  return {
    counts: q.count,
    dims: q.dims,
    filters: q.filters,
    missions,
    cells: table.cells,
    margins: q.dims.map((dim, i) => {
      const sums = new Map<string, number>();
      for (const c of table.cells) sums.set(c.values[i]!, (sums.get(c.values[i]!) ?? 0) + c.value);
      return {
        dim,
        values: [...sums].sort(([a], [b]) => (a < b ? -1 : 1)).map(([value, total]) => ({ value, total })),
      };
    }),
    total: table.cells.reduce((s, c) => s + c.value, 0),
    asOf: status.asOf,
    behind: status.behind,
    recreated: status.recreated,
    disclosure: { k: p.k, ptable: p.ptable.name, method: METHOD },
  };
}

/** Counts by registration year, optionally split by one more dimension, under the same control. */
export function researchSeries(
  store: AnalyticsStore,
  query: { by?: string; filters?: TableQuery['filters']; count?: string },
  scope: ResearchScope,
  p: DisclosureParams,
): Promise<PublishedTable> {
  return researchTable(
    store,
    { dims: ['year', ...(query.by ? [query.by] : [])], filters: query.filters, count: query.count },
    scope,
    p,
  );
}

/**
 * Routes: the HTCDS trafficking events (Recruitment → Transit → Exploitation) as a three-way table of
 * countries, under the same control; a case with no transit event is under transit `unknown`.
 */
export function researchFlows(
  store: AnalyticsStore,
  query: { filters?: TableQuery['filters']; count?: string },
  scope: ResearchScope,
  p: DisclosureParams,
): Promise<PublishedTable> {
  return researchTable(
    store,
    {
      dims: ['recruitmentCountry', 'transitCountries', 'exploitationCountry'],
      filters: query.filters,
      count: query.count,
    },
    scope,
    p,
  );
}
