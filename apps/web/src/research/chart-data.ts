import type { ResearchTableResponse } from '@tern/api';
import { orderValues } from './table-model.ts';
import type { TableModel } from './table-model.ts';

/**
 * What the charts draw, computed from published cells only (suppressed cells count as nothing, as in
 * every margin). Pure, so the numbers a chart shows are tested without a canvas.
 */
export interface Series {
  label: string;
  /** One number per category; null where nothing was published. */
  data: (number | null)[];
}
export interface ChartData {
  categories: string[];
  series: Series[];
}

type Label = (dim: string, value: string) => string;

/**
 * Bars by the first dimension; with a second one, a bar per value of it (a third dimension is summed
 * over, from published cells). With one dimension, a single series.
 */
export function barData(model: TableModel, label: Label, casesWord: string): ChartData {
  const [first, second] = model.axes;
  if (!first) return { categories: [], series: [] };
  const rest = model.axes.length - 1;
  const pattern = (v: string, w?: string): (string | null)[] => [
    v,
    ...(w === undefined ? [] : [w]),
    ...Array<null>(w === undefined ? rest : rest - 1).fill(null),
  ];
  const categories = first.values.map((v) => label(first.dim, v));
  if (!second)
    return {
      categories,
      series: [{ label: casesWord, data: first.values.map((v) => model.sum(pattern(v))) }],
    };
  return {
    categories,
    series: second.values.map((w) => ({
      label: label(second.dim, w),
      data: first.values.map((v) => model.sum(pattern(v, w))),
    })),
  };
}

/**
 * The same bars as shares of each category's published total, in per cent (stacked to 100). With one
 * dimension: one stacked bar of its values' shares of the total.
 */
export function shareData(bars: ChartData, totalWord: string): ChartData {
  if (bars.series.length === 1) {
    const only = bars.series[0]!;
    const sum = only.data.reduce<number>((s, x) => s + (x ?? 0), 0);
    return {
      categories: [totalWord],
      series: bars.categories.map((c, i) => ({ label: c, data: [pct(only.data[i] ?? null, sum)] })),
    };
  }
  const sums = bars.categories.map((_, i) => bars.series.reduce((s, x) => s + (x.data[i] ?? 0), 0));
  return {
    categories: bars.categories,
    series: bars.series.map((s) => ({ label: s.label, data: s.data.map((x, i) => pct(x, sums[i]!)) })),
  };
}

const pct = (x: number | null, sum: number) =>
  x === null || sum === 0 ? null : Math.round((1000 * x) / sum) / 10;

/** Lines over registration years from a series answer (dims ['year'] or ['year', by]). */
export function lineData(res: ResearchTableResponse, label: Label, casesWord: string): ChartData {
  const yearAt = Math.max(0, res.dims.indexOf('year'));
  const byAt = res.dims.findIndex((d, i) => i !== yearAt);
  const years = orderValues(res.cells.map((c) => c.values[yearAt]!).filter((y) => y !== 'unknown'));
  const groups = byAt === -1 ? [null] : orderValues(res.cells.map((c) => c.values[byAt]!));
  const value = (year: string, g: string | null) =>
    res.cells.find((c) => c.values[yearAt] === year && (g === null || c.values[byAt] === g))?.value ?? null;
  return {
    categories: years,
    series: groups.map((g) => ({
      label: g === null ? casesWord : label(res.dims[byAt]!, g),
      data: years.map((y) => value(y, g)),
    })),
  };
}

export interface Flow {
  from: string;
  to: string;
  flow: number;
}

/**
 * The routes answer as sankey links between stages: a node is a stage and a country (`0:UA` is
 * recruitment in Ukraine), so a country that is both origin and destination makes no cycle. Links
 * with the same ends are summed; a stage without a value (no transit) is skipped over.
 */
export function sankeyData(res: ResearchTableResponse): { flows: Flow[]; nodes: Map<string, string> } {
  const links = new Map<string, Flow>();
  const nodes = new Map<string, string>();
  const blank = (v: string | undefined) => v === undefined || v === '' || v === 'none';
  for (const cell of res.cells) {
    const stops = cell.values
      .map((v, i) => ({ key: `${i}:${v}`, dim: res.dims[i]!, v }))
      .filter((s) => !blank(s.v));
    for (const s of stops) nodes.set(s.key, `${s.dim}\u0000${s.v}`);
    for (let i = 0; i + 1 < stops.length; i += 1) {
      const id = `${stops[i]!.key}>${stops[i + 1]!.key}`;
      const link = links.get(id) ?? { from: stops[i]!.key, to: stops[i + 1]!.key, flow: 0 };
      link.flow += cell.value;
      links.set(id, link);
    }
  }
  return { flows: [...links.values()], nodes };
}
