import { DIMENSION_NAMES, isDimension } from '../dimensions.ts';
import type { Dimension } from '../dimensions.ts';
import { ResearchError } from '../errors.ts';
import type { CountUnit } from '../store/analytics-store.ts';

/** A researcher's table: counts by up to three dimensions, rows filtered on any dimensions. */
export interface TableQuery {
  dims: readonly string[];
  /** Dimension → the values kept (a case with one of them passes; for a multi dimension, any of its). */
  filters?: Readonly<Record<string, readonly string[]>>;
  /** What the cells count: cases (the default) or people, linked cases once (decision 202). */
  count?: string;
}

export interface CheckedQuery {
  count: CountUnit;
  dims: Dimension[];
  filters: Partial<Record<Dimension, string[]>>;
}

export const MAX_TABLE_DIMS = 3;
const MAX_VALUES = 500;

function known(name: unknown, where: string): Dimension {
  if (typeof name !== 'string' || !isDimension(name))
    throw new ResearchError(
      'TERN_RESEARCH_UNKNOWN_DIMENSION',
      `${where}: ${JSON.stringify(name)} is not a research dimension; allowed: ${DIMENSION_NAMES.join(', ')}`,
      { dimension: name, allowed: [...DIMENSION_NAMES] },
    );
  return name;
}

/** A query checked against the dimension catalogue: clear errors for anything else. */
export function checkQuery(q: TableQuery): CheckedQuery {
  if (!Array.isArray(q.dims))
    throw new ResearchError('TERN_RESEARCH_BAD_QUERY', 'dims must be a list of dimensions');
  const dims = q.dims.map((d, i) => known(d, `dims[${i}]`));
  if (dims.length > MAX_TABLE_DIMS)
    throw new ResearchError(
      'TERN_RESEARCH_TOO_MANY_DIMENSIONS',
      `A table has at most ${MAX_TABLE_DIMS} dimensions (got ${dims.length}: ${dims.join(', ')})`,
      { max: MAX_TABLE_DIMS },
    );
  if (new Set(dims).size !== dims.length)
    throw new ResearchError(
      'TERN_RESEARCH_BAD_QUERY',
      `A dimension appears twice in dims: ${dims.join(', ')}`,
    );
  const filters: Partial<Record<Dimension, string[]>> = {};
  for (const [name, values] of Object.entries(q.filters ?? {})) {
    const d = known(name, 'filters');
    if (
      !Array.isArray(values) ||
      values.length === 0 ||
      values.length > MAX_VALUES ||
      !values.every((v) => typeof v === 'string' && v.length > 0 && v.length <= 100)
    )
      throw new ResearchError(
        'TERN_RESEARCH_BAD_QUERY',
        `filters.${d} must list 1 to ${MAX_VALUES} values, each a non-empty string of at most 100 characters`,
      );
    filters[d] = [...new Set(values)].sort();
  }
  const count = q.count ?? 'cases';
  if (count !== 'cases' && count !== 'people')
    throw new ResearchError(
      'TERN_RESEARCH_BAD_QUERY',
      `count must be "cases" or "people" (got ${JSON.stringify(count)})`,
    );
  return { count, dims, filters };
}
