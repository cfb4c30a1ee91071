import { ResearchMetaResponse, ResearchTableResponse, apiResponse, fetchJson } from '@tern/api';
import type { ApiRequest } from '@tern/api';
import { fileNameOf } from '../officer/api.ts';

/**
 * The research API (packages/api/src/schemas/research.ts) as the dashboard uses it. Every answer is
 * checked against the shared schema; a refusal arrives as an ApiError with the server's code (an
 * unknown dimension, too many, an ungranted mission).
 */
export interface ResearchQuery {
  dims: string[];
  /** Dimension → the values kept; a dimension with no value chosen is no filter. */
  filters: Record<string, string[]>;
  source: string;
  /** What the figures count: cases, or people (linked cases once). */
  count: 'cases' | 'people';
}

type Fetch = ApiRequest['fetch'];
const via = (f: Fetch): ApiRequest => (f ? { fetch: f } : {});

/** The filters as the server wants them: only dimensions with at least one value, none if empty. */
export function filtersBody(filters: Record<string, string[]>): Record<string, string[]> | undefined {
  const kept = Object.entries(filters).filter(([, values]) => values.length > 0);
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

export function tableBody(q: ResearchQuery) {
  const filters = filtersBody(q.filters);
  return { dims: q.dims, source: q.source, count: q.count, ...(filters ? { filters } : {}) };
}

export const fetchMeta = (f?: Fetch) =>
  fetchJson('/api/research/meta', { schema: ResearchMetaResponse, ...via(f) });

export const fetchTable = (q: ResearchQuery, f?: Fetch, signal?: AbortSignal) =>
  fetchJson('/api/research/table', {
    json: tableBody(q),
    schema: ResearchTableResponse,
    ...via(f),
    ...(signal ? { signal } : {}),
  });

/** Counts by registration year, split by `by` when given (the lines chart). */
export function fetchSeries(q: ResearchQuery, by: string | undefined, f?: Fetch, signal?: AbortSignal) {
  const filters = filtersBody(q.filters);
  return fetchJson('/api/research/series', {
    json: { source: q.source, count: q.count, ...(by ? { by } : {}), ...(filters ? { filters } : {}) },
    schema: ResearchTableResponse,
    ...via(f),
    ...(signal ? { signal } : {}),
  });
}

/** Routes: recruitment → transit → exploitation countries, under the same filters. */
export function fetchFlows(q: ResearchQuery, f?: Fetch, signal?: AbortSignal) {
  const filters = filtersBody(q.filters);
  return fetchJson('/api/research/flows', {
    json: { source: q.source, count: q.count, ...(filters ? { filters } : {}) },
    schema: ResearchTableResponse,
    ...via(f),
    ...(signal ? { signal } : {}),
  });
}

export interface ResearchFile {
  blob: Blob;
  name: string;
}

/** The table as the server writes it (the same published cells), labels in `lang`. */
export async function exportTable(
  q: ResearchQuery,
  format: 'csv' | 'xlsx',
  lang: string,
  f?: Fetch,
): Promise<ResearchFile> {
  const query = new URLSearchParams({ format, lang });
  const res = await apiResponse(`/api/research/table/export?${query}`, { json: tableBody(q), ...via(f) });
  return { blob: await res.blob(), name: fileNameOf(res, `tern-research-table.${format}`) };
}

/** The k-anonymous microdata file in the CTDC 2020 global-dataset format. */
export async function exportCtdc(f?: Fetch): Promise<ResearchFile> {
  const res = await apiResponse('/api/research/ctdc-export', via(f));
  return { blob: await res.blob(), name: fileNameOf(res, 'tern-ctdc-k-anonymous.csv') };
}
