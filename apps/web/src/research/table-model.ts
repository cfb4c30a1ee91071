import type { ResearchTableResponse } from '@tern/api';

/**
 * A research answer laid out for the screen. The server lists only published cells: every other
 * combination of the axes' values is shown as suppressed ("< k": fewer than k cases, or none — the
 * two are never told apart). Sums shown beside a layer are sums of published cells, the same rule the
 * server follows for its margins (docs/research-privacy.md), so they reveal nothing a cell does not.
 */
export interface Axis {
  dim: string;
  values: string[];
}

export interface TableModel {
  /** What every number counts: cases, or people (cases linked as one person counted once). */
  counts: 'cases' | 'people';
  axes: Axis[];
  k: number;
  total: number;
  /** A cell's published value, or null when it was suppressed or is empty. */
  cell(values: readonly string[]): number | null;
  /** The sum of the published cells that match `pattern` (null = any value), null when none does. */
  sum(pattern: readonly (string | null)[]): number | null;
  /** The server's margin of one dimension's value, null when every cell behind it was suppressed. */
  margin(dim: string, value: string): number | null;
  /** How many of the grid's cells are published, and how many shown as suppressed. */
  published: number;
  hidden: number;
}

const UNKNOWN = 'unknown';

/** Years and age bands in their natural order (0--8 before 18--20), other codes as given; unknown last. */
export function orderValues(values: Iterable<string>, known: readonly string[] = []): string[] {
  const all = [...new Set([...known, ...values])];
  const rank = new Map(known.map((v, i) => [v, i]));
  const numeric = (v: string) => {
    const m = /^(\d+)/.exec(v);
    return m ? Number(m[1]) : null;
  };
  return all.sort((a, b) => {
    if (a === UNKNOWN || b === UNKNOWN) return a === UNKNOWN ? (b === UNKNOWN ? 0 : 1) : -1;
    const na = numeric(a);
    const nb = numeric(b);
    if (na !== null && nb !== null && na !== nb) return na - nb;
    return (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b);
  });
}

/**
 * `known` holds each dimension's possible values (the meta answer's), so that combinations with no
 * published cell still get their row; a filter narrows a dimension to the values it keeps.
 */
export function tableModel(
  res: Pick<ResearchTableResponse, 'dims' | 'filters' | 'cells' | 'margins' | 'total' | 'disclosure'> &
    Partial<Pick<ResearchTableResponse, 'counts'>>,
  known: Readonly<Record<string, readonly string[]>> = {},
): TableModel {
  const axes = res.dims.map((dim, i) => {
    const filtered = res.filters[dim];
    const seen = res.cells.map((c) => c.values[i]!).filter((v) => v !== undefined);
    const fromMargins = res.margins.find((m) => m.dim === dim)?.values.map((v) => v.value) ?? [];
    const base = filtered && filtered.length > 0 ? filtered : (known[dim] ?? []);
    const values = orderValues([...seen, ...fromMargins], base);
    return {
      dim,
      values: filtered && filtered.length > 0 ? values.filter((v) => filtered.includes(v)) : values,
    };
  });
  const cells = new Map(res.cells.map((c) => [JSON.stringify(c.values), c.value]));
  const margins = new Map(
    res.margins.flatMap((m) => m.values.map((v) => [`${m.dim}\u0000${v.value}`, v.total] as const)),
  );
  const size = axes.reduce((n, a) => n * a.values.length, 1);
  const published = res.cells.length;
  return {
    counts: res.counts ?? 'cases',
    axes,
    k: res.disclosure.k,
    total: res.total,
    published,
    hidden: Math.max(0, size - published),
    cell: (values) => cells.get(JSON.stringify(values)) ?? null,
    sum(pattern) {
      let total = 0;
      let any = false;
      for (const c of res.cells) {
        if (pattern.every((p, i) => p === null || c.values[i] === p)) {
          total += c.value;
          any = true;
        }
      }
      return any ? total : null;
    },
    margin: (dim, value) => margins.get(`${dim}\u0000${value}`) ?? null,
  };
}
