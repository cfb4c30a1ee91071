import { isMulti } from '../dimensions.ts';
import type { Dimension } from '../dimensions.ts';
import type { FineCount } from '../store/analytics-store.ts';
import type { DisclosureParams } from './parameters.ts';
import { perturbation } from './ptable.ts';

/**
 * The disclosure control of one table (docs/research-privacy.md), pure. The rule: **every number that
 * leaves is a sum of published fine cells.** A fine cell crosses the table's dimensions with every
 * filtered dimension and the mission, at the finest level the store holds: one value of a single
 * dimension; for a multi dimension, "has this value" when it is a table dimension, the case's whole
 * combination when it is only filtered on. Each fine cell is perturbed by its cell key and suppressed
 * under k; a table cell, a margin or a total is the sum of the published fine cells in it.
 *
 * Why filters and the mission are fine dimensions: a filter that drops one value is then a sum of
 * fewer of the *same* published cells, so two tables that differ by one filter differ by whole
 * published cells, never by one person (the differencing attack, which a perturbation keyed by record
 * set alone does not stop: every cell the person is not in keeps its exact value, and the one that
 * changes gives them away).
 */
export interface FineCell {
  /** Values of the store query's dimensions, multi table dimensions expanded to one value. */
  values: string[];
  n: number;
  keySum: number;
}

export interface PublishedCell {
  values: string[];
  value: number;
}

/** Expand multi table dimensions ("has value"), summing counts and key sums of the cells that meet. */
export function fineCells(
  counts: readonly FineCount[],
  dims: readonly Dimension[],
  tableDims: ReadonlySet<Dimension>,
) {
  const expand = dims.map((d) => tableDims.has(d) && isMulti(d));
  if (!expand.includes(true)) return counts as FineCell[];
  const out = new Map<string, FineCell>();
  const add = (values: string[], n: number, keySum: number) => {
    const key = values.join('\u0000');
    const cell = out.get(key);
    if (cell) {
      cell.n += n;
      cell.keySum = (cell.keySum + keySum) % 2 ** 32;
    } else out.set(key, { values, n, keySum });
  };
  for (const c of counts) {
    // Most cells hold one value per multi dimension: no combinations to make.
    if (!c.values.some((v, i) => expand[i] && v.includes(';'))) {
      add(c.values, c.n, c.keySum);
      continue;
    }
    let combos: string[][] = [[]];
    c.values.forEach((v, i) => {
      const parts = expand[i] && v !== 'unknown' ? v.split(';') : [v];
      combos = combos.flatMap((prefix) => parts.map((p) => [...prefix, p]));
    });
    for (const values of combos) add(values, c.n, c.keySum);
  }
  return [...out.values()];
}

/** The published value of a fine cell, or null when suppressed (true count or published value under k). */
export function publishedValue(cell: { n: number; keySum: number }, p: DisclosureParams): number | null {
  if (cell.n < p.k) return null;
  const value = cell.n + perturbation(p.ptable, cell.n, cell.keySum);
  return value < p.k ? null : value;
}

export interface TableCells {
  cells: PublishedCell[];
  /** Fine cells seen and published: for the bench and tests, never sent to a researcher. */
  fine: { total: number; published: number };
}

/**
 * Sum published fine cells into the cells of `tableDims` (positions `at` in the fine values), keeping
 * only values the filters on table dimensions list.
 */
export function publishTable(
  fine: readonly FineCell[],
  at: readonly number[],
  keep: ReadonlyArray<ReadonlySet<string> | undefined>,
  p: DisclosureParams,
): TableCells {
  const sums = new Map<string, PublishedCell>();
  let published = 0;
  for (const cell of fine) {
    const values = at.map((i) => cell.values[i]!);
    if (values.some((v, j) => keep[j] !== undefined && !keep[j]!.has(v))) continue;
    const value = publishedValue(cell, p);
    if (value === null) continue;
    published++;
    const key = values.join('\u0000');
    const sum = sums.get(key);
    if (sum) sum.value += value;
    else sums.set(key, { values, value });
  }
  // Sorted by their keys (made once, not in every comparison).
  const cells = [...sums].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, cell]) => cell);
  return { cells, fine: { total: fine.length, published } };
}
